import { rowsOf } from '@postal/db';
import { newEvent, type AnyEvent } from '@postal/events';
import { consumeIdempotently } from '@postal/outbox';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, processedEvents } from '../db-schema.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './office-events.js';
import { createAccountService } from './service.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['accounts']);
}, 60_000);
afterAll(() => testDatabase?.drop());

type Type = 'CIRCLE' | 'DIVISION' | 'HEAD_OFFICE' | 'SUB_OFFICE' | 'BRANCH_OFFICE';
const parentOf = (path: string) => path.split('/').at(-2) ?? null;
const created = (code: string, type: Type, path: string) =>
  newEvent('office.created', { code, name: `${code} office`, type, parentCode: parentOf(path), path }, { source: 'administration' });
const updated = (code: string, type: Type, path: string, previousPath: string, version: number, change: { name?: string; status?: 'ACTIVE' | 'CLOSED' } = {}) =>
  newEvent(
    'office.updated',
    { code, name: change.name ?? `${code} office`, type, parentCode: parentOf(path), path, previousPath, status: change.status ?? 'ACTIVE', version },
    { source: 'administration' },
  );

const consume = (event: AnyEvent) =>
  consumeIdempotently({ database: testDatabase.database, tables: { outbox, processedEvents }, consumer: OFFICE_EVENTS_QUEUE, handle: handleOfficeEvent })(event);

async function known(prefix: string): Promise<Record<string, { path: string; name: string; status: string }>> {
  const rows = rowsOf<{ code: string; path: string; name: string; status: string }>(
    await testDatabase.database.db.execute(sql`select code, path, name, status from accounts.known_offices where code like ${`${prefix}%`} order by code`),
  );
  return Object.fromEntries(rows.map(({ code, ...rest }) => [code, rest]));
}
const pathsOf = async (prefix: string) => Object.fromEntries(Object.entries(await known(prefix)).map(([code, row]) => [code, row.path]));

describe('office.updated keeps known_offices right', () => {
  it('renames and closes an office, once however often the event comes', async () => {
    await consume(created('RC', 'CIRCLE', 'RC'));
    await consume(created('RC-HO', 'HEAD_OFFICE', 'RC/RC-HO'));
    const rename = updated('RC-HO', 'HEAD_OFFICE', 'RC/RC-HO', 'RC/RC-HO', 2, { name: 'Renamed GPO' });
    await consume(rename);
    await consume(rename);
    await consume(updated('RC-HO', 'HEAD_OFFICE', 'RC/RC-HO', 'RC/RC-HO', 3, { name: 'Renamed GPO', status: 'CLOSED' }));
    expect((await known('RC'))['RC-HO']).toEqual({ path: 'RC/RC-HO', name: 'Renamed GPO', status: 'CLOSED' });
  });

  it('moves a whole subtree from one event, by prefix', async () => {
    for (const [code, type, path] of [
      ['M', 'CIRCLE', 'M'],
      ['M-D1', 'DIVISION', 'M/M-D1'],
      ['M-D2', 'DIVISION', 'M/M-D2'],
      ['M-HO', 'HEAD_OFFICE', 'M/M-D1/M-HO'],
      ['M-SO', 'SUB_OFFICE', 'M/M-D1/M-HO/M-SO'],
      ['M-BO', 'BRANCH_OFFICE', 'M/M-D1/M-HO/M-SO/M-BO'],
    ] as const) {
      await consume(created(code, type, path));
    }
    const move = updated('M-HO', 'HEAD_OFFICE', 'M/M-D2/M-HO', 'M/M-D1/M-HO', 2);
    await consume(move);
    await consume(move);
    expect(await pathsOf('M')).toEqual({
      M: 'M',
      'M-D1': 'M/M-D1',
      'M-D2': 'M/M-D2',
      'M-HO': 'M/M-D2/M-HO',
      'M-SO': 'M/M-D2/M-HO/M-SO',
      'M-BO': 'M/M-D2/M-HO/M-SO/M-BO',
    });
    // Scope checks read the new path: a finance officer of M-D2 now reads the branch's accounts, one of M-D1 does not.
    const service = createAccountService(testDatabase.database);
    const officer = (path: string) => ({
      kind: 'staff' as const,
      staffId: 's',
      username: 'f',
      roles: ['FINANCE_OFFICER'],
      officeCode: path.split('/').at(-1)!,
      officePath: path,
      grants: [{ permission: 'ledger.read', scope: 'SUBTREE' as const }],
    });
    expect((await service.ledgerAccountsOf(officer('M/M-D2'), 'M-BO')).length).toBeGreaterThan(0);
    expect(await service.ledgerAccountsOf(officer('M/M-D1'), 'M-BO')).toEqual([]);
  });

  it('ignores an older version that arrives after a newer one', async () => {
    await consume(created('OV', 'CIRCLE', 'OV'));
    await consume(created('OV-D', 'DIVISION', 'OV/OV-D'));
    await consume(updated('OV-D', 'DIVISION', 'OV/OV-D', 'OV/OV-D', 3, { name: 'Third name' }));
    await consume(updated('OV-D', 'DIVISION', 'OV/OV-D', 'OV/OV-D', 2, { name: 'Second name' }));
    expect((await known('OV'))['OV-D']?.name).toBe('Third name');
  });

  it('places an office heard of after its parent moved under the parent as it is now', async () => {
    await consume(created('LT', 'CIRCLE', 'LT'));
    await consume(created('LT-D1', 'DIVISION', 'LT/LT-D1'));
    await consume(created('LT-D2', 'DIVISION', 'LT/LT-D2'));
    await consume(created('LT-HO', 'HEAD_OFFICE', 'LT/LT-D1/LT-HO'));
    // The SO was created under LT-HO before the move, but its event comes after the move's.
    await consume(updated('LT-HO', 'HEAD_OFFICE', 'LT/LT-D2/LT-HO', 'LT/LT-D1/LT-HO', 2));
    await consume(created('LT-SO', 'SUB_OFFICE', 'LT/LT-D1/LT-HO/LT-SO'));
    expect((await pathsOf('LT'))['LT-SO']).toBe('LT/LT-D2/LT-HO/LT-SO');
  });
});

/*
 * Whatever order the events of a history arrive in, once all have arrived known_offices agrees with the tree the
 * producer ended with. The producer here is a small model of the administration tree: offices created under random
 * parents of a higher type, and random legal moves, each producing the event administration would.
 */
describe('known_offices converges on the final tree whatever the delivery order', () => {
  const TYPES: Type[] = ['CIRCLE', 'DIVISION', 'HEAD_OFFICE', 'SUB_OFFICE', 'BRANCH_OFFICE'];
  type Model = Map<string, { type: Type; parent: string | null; version: number }>;
  const pathIn = (model: Model, code: string): string => {
    const office = model.get(code)!;
    return office.parent === null ? code : `${pathIn(model, office.parent)}/${code}`;
  };

  function history(prefix: string, steps: Array<{ kind: 'create' | 'move'; pick: number; type: number; target: number }>) {
    // A circle with two divisions to start from, so that moves have somewhere to go.
    const model: Model = new Map([
      [`${prefix}C`, { type: 'CIRCLE', parent: null, version: 1 }],
      [`${prefix}D1`, { type: 'DIVISION', parent: `${prefix}C`, version: 1 }],
      [`${prefix}D2`, { type: 'DIVISION', parent: `${prefix}C`, version: 1 }],
    ]);
    const events: AnyEvent[] = [...model.keys()].map((code) => created(code, model.get(code)!.type, pathIn(model, code)));
    let next = 0;
    for (const step of steps) {
      const codes = [...model.keys()];
      if (step.kind === 'create') {
        const parent = codes[step.pick % codes.length]!;
        const parentRank = TYPES.indexOf(model.get(parent)!.type);
        if (parentRank === TYPES.length - 1) continue;
        const type = TYPES[parentRank + 1 + (step.type % (TYPES.length - 1 - parentRank))]!;
        const code = `${prefix}N${(next += 1)}`;
        model.set(code, { type, parent, version: 1 });
        events.push(created(code, type, pathIn(model, code)));
      } else {
        const movable = codes.filter((code) => model.get(code)!.parent !== null);
        if (movable.length === 0) continue;
        const code = movable[step.pick % movable.length]!;
        const office = model.get(code)!;
        const oldPath = pathIn(model, code);
        // Every legal new parent: not the current one, not in the moved subtree, of a higher type.
        const targets = codes.filter(
          (target) =>
            target !== office.parent &&
            target !== code &&
            !pathIn(model, target).startsWith(`${oldPath}/`) &&
            TYPES.indexOf(model.get(target)!.type) < TYPES.indexOf(office.type),
        );
        if (targets.length === 0) continue;
        office.parent = targets[step.target % targets.length]!;
        office.version += 1;
        events.push(updated(code, office.type, pathIn(model, code), oldPath, office.version));
      }
    }
    return { events, expected: Object.fromEntries([...model.keys()].sort().map((code) => [code, pathIn(model, code)])) };
  }

  let run = 0;
  it('for random histories and random delivery orders', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ kind: fc.constantFrom('create' as const, 'move' as const), pick: fc.nat(), type: fc.nat(), target: fc.nat() }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.infiniteStream(fc.nat()),
        async (steps, shuffle) => {
          const prefix = `P${(run += 1)}X`;
          const { events, expected } = history(prefix, steps);
          const iterator = shuffle[Symbol.iterator]();
          const order = events.map((event) => ({ event, key: iterator.next().value as number })).sort((a, b) => a.key - b.key);
          for (const { event } of order) await consume(event);
          expect(await pathsOf(prefix)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
