import { hashPassword } from '@postal/auth';
import type { Database } from '@postal/db';
import { newEvent } from '@postal/events';
import { stageEvents } from '@postal/outbox';
import { outbox, processedEvents } from '../db-schema.js';
import type { OfficeRecord, OfficeType } from '../offices/model.js';
import { insertOfficesIfAbsent } from '../offices/repository.js';
import { insertStaffIfAbsent, usernamesPresent } from '../staff/repository.js';

/** A small real-looking tree: Delhi circle, one division, the New Delhi GPO and two of its sub offices. */
export const DEMO_OFFICES: Array<{ code: string; name: string; type: OfficeType; parentCode: string | null }> = [
  { code: 'DL', name: 'Delhi Circle', type: 'CIRCLE', parentCode: null },
  { code: 'DL-NDC', name: 'New Delhi Central Division', type: 'DIVISION', parentCode: 'DL' },
  { code: 'NDGPO', name: 'New Delhi GPO', type: 'HEAD_OFFICE', parentCode: 'DL-NDC' },
  { code: 'NDGPO-CP', name: 'Connaught Place SO', type: 'SUB_OFFICE', parentCode: 'NDGPO' },
  { code: 'NDGPO-KB', name: 'Krishi Bhawan SO', type: 'SUB_OFFICE', parentCode: 'NDGPO' },
];

export const DEMO_PASSWORD = 'demo';

export const DEMO_STAFF = [
  { username: 'admin', name: 'Asha Verma', officeCode: 'DL', roles: ['ADMIN'] },
  { username: 'finance', name: 'Farhan Qureshi', officeCode: 'DL-NDC', roles: ['FINANCE_OFFICER'] },
  { username: 'finance2', name: 'Meera Iyer', officeCode: 'DL-NDC', roles: ['FINANCE_OFFICER'] },
  { username: 'auditor', name: 'Rakesh Menon', officeCode: 'DL', roles: ['AUDITOR'] },
  { username: 'clerk', name: 'Sunita Rawat', officeCode: 'NDGPO', roles: ['COUNTER_CLERK'] },
  { username: 'postman', name: 'Ramesh Kumar', officeCode: 'NDGPO', roles: ['POSTMAN'] },
];

function withPaths(rows: typeof DEMO_OFFICES): OfficeRecord[] {
  const paths = new Map<string, string>();
  return rows.map((row) => {
    const parentPath = row.parentCode === null ? undefined : paths.get(row.parentCode);
    if (row.parentCode !== null && parentPath === undefined) throw new Error(`demo office ${row.code} comes before its parent`);
    const path = parentPath === undefined ? row.code : `${parentPath}/${row.code}`;
    paths.set(row.code, path);
    return { ...row, status: 'ACTIVE', path };
  });
}

/**
 * Seeds the demo offices and staff once: running it again changes nothing. `office.created` events are staged in the
 * same transaction, only for offices it inserted, so the accounts subgraph opens their charts exactly once. Refuses
 * to run in production: demo users with a known password must never exist there.
 */
export async function seedDemoAdministration(database: Database, nodeEnv: string): Promise<{ offices: number; staff: number }> {
  if (nodeEnv === 'production') throw new Error('the demo seed refuses to run with NODE_ENV=production');
  const present = await usernamesPresent(database.db, DEMO_STAFF.map((s) => s.username));
  const missing = DEMO_STAFF.filter((s) => !present.has(s.username));
  // Hash outside the transaction: scrypt is slow on purpose.
  const hashed = await Promise.all(missing.map(async (s) => ({ ...s, passwordHash: await hashPassword(DEMO_PASSWORD) })));
  return database.db.transaction(async (tx) => {
    const inserted = await insertOfficesIfAbsent(tx, withPaths(DEMO_OFFICES));
    await stageEvents(
      tx,
      { outbox, processedEvents },
      inserted.map((office) =>
        newEvent(
          'office.created',
          { code: office.code, name: office.name, type: office.type, parentCode: office.parentCode, path: office.path },
          { source: 'administration' },
        ),
      ),
    );
    let staffInserted = 0;
    for (const member of hashed) if (await insertStaffIfAbsent(tx, member)) staffInserted += 1;
    return { offices: inserted.length, staff: staffInserted };
  });
}
