import { transaction } from '@postal/db';
import { newEvent } from '@postal/events';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleOfficeEventWithBillers } from './office-events.js';
import { findBiller } from './repository.js';
import { createBillerService } from './service.js';
import { as, billerDeps, registration, seedOffices, staff } from './test-support/fixtures.js';

/** A settlement office moved in the tree takes its billers with it: scope follows the office, not the old path. */
let testDatabase: TestDatabase;
const clock = () => new Date('2026-03-10T06:00:00Z');
const manager = staff('manager', 'DL-NDC', 'DL/DL-NDC', [
  { permission: 'cod.biller.manage', scope: 'SUBTREE' },
  { permission: 'cod.read', scope: 'SUBTREE' },
]);
const southReader = staff('south', 'DL-SDC', 'DL/DL-SDC', [{ permission: 'cod.read', scope: 'SUBTREE' }]);

beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase);
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('office moves', () => {
  it('re-hang the billers of a moved head office, so the new division sees them and the old one does not', async () => {
    const service = createBillerService(billerDeps(testDatabase, clock));
    const biller = await service.register(as(manager), registration());
    expect(await service.find(southReader, biller.id)).toBeNull();
    const moved = newEvent(
      'office.updated',
      { code: 'NDGPO', name: 'New Delhi GPO', type: 'HEAD_OFFICE', path: 'DL/DL-SDC/NDGPO', parentCode: 'DL-SDC', status: 'ACTIVE', version: 2, previousPath: 'DL/DL-NDC/NDGPO' },
      { source: 'administration' },
    );
    await transaction(testDatabase.database, 'read committed', (tx) => handleOfficeEventWithBillers(tx, moved));
    expect((await findBiller(testDatabase.database.db, biller.id))?.settlementOfficePath).toBe('DL/DL-SDC/NDGPO');
    expect((await service.find(southReader, biller.id))?.code).toBe(biller.code);
    expect(await service.find(manager, biller.id)).toBeNull();
    // Delivered again: nothing more changes.
    await transaction(testDatabase.database, 'read committed', (tx) => handleOfficeEventWithBillers(tx, moved));
    expect((await findBiller(testDatabase.database.db, biller.id))?.settlementOfficePath).toBe('DL/DL-SDC/NDGPO');
  });
});
