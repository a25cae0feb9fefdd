import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeHoldInTx } from '../journal/holds.js';
import { createLedgerDatabase, key, post, SERVICE_ORIGIN, transfer } from '../journal/test-support/ledger.js';
import { sealEverything } from './test-support/seals.js';
import { verifyLedger, type LedgerVerification } from './verify.js';

/**
 * verifyLedger against the database: a clean ledger verifies, and each kind of tampering a superuser can force past
 * the database's own guards (append-only triggers switched off with session_replication_role = replica, or a plain
 * UPDATE of a maintained total) is caught, naming the entry or account. Each test undoes its tampering.
 */
let testDatabase: TestDatabase;
/** Sealed entries in chain order: [entry id, position]. */
let sealed: Array<{ entryId: string; position: number }>;
/** An entry posted after the last sealing run: balanced, checked, not yet chained. */
let unsealedEntryId: string;
let holdId: string;

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  const { database } = testDatabase;
  for (let i = 0; i < 6; i += 1) {
    await post(testDatabase, transfer('HO1:1100', 'HO1:2100', `${100 + i}.00`));
    await post(testDatabase, transfer('HO2:1100', 'HO2:4100', `${i + 1}.50`));
  }
  const { hold } = await database.db.transaction((tx) =>
    placeHoldInTx(
      tx,
      { idempotencyKey: key(), officeCode: 'HO1', description: 'COD article held', source: { type: 'COD' }, debitAccountCode: 'HO1:1100', creditAccountCode: 'HO1:4100', amount: '5.00' },
      SERVICE_ORIGIN,
      new Date(),
    ),
  );
  holdId = hold.id;
  await sealEverything(database);
  sealed = rowsOf<{ entryId: string; position: number }>(
    await database.db.execute(sql`select entry_id::text as "entryId", position::int as position from accounts.journal_seals order by position`),
  );
  unsealedEntryId = (await post(testDatabase, transfer('HO1:1100', 'HO1:4200', '7.25'))).entry.id;
}, 120_000);
afterAll(() => testDatabase?.drop());

/** Runs statements as a superuser with the append-only triggers (and foreign keys) off, in one transaction. */
async function forced(...statements: SQL[]): Promise<void> {
  await testDatabase.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const statement of statements) await tx.execute(statement);
  });
}

/** Tampers, verifies, and undoes the tampering; answers what verification said, after checking the undo verifies. */
async function verifyTampered(tamper: SQL[], undo: SQL[], options: { batchSize?: number } = {}): Promise<LedgerVerification> {
  await forced(...tamper);
  let result: LedgerVerification;
  try {
    result = await verifyLedger(testDatabase.database, options);
  } finally {
    await forced(...undo);
  }
  expect((await verifyLedger(testDatabase.database)).firstDiscrepancy).toBeNull();
  return result;
}

const sqlState = (error: unknown): unknown => (error as { cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code;

describe('a clean ledger', () => {
  it('verifies, with every sealed entry checked and the unsealed one counted', async () => {
    const result = await verifyLedger(testDatabase.database);
    expect(result).toEqual({ ok: true, checkedEntries: sealed.length, sealedThrough: String(sealed.length), unsealedEntries: 1, firstDiscrepancy: null });
    expect(sealed.length).toBe(12);
    // Pages of any size check the same chain.
    expect(await verifyLedger(testDatabase.database, { batchSize: 5 })).toEqual(result);
  });

  it('refuses a batch size it would not keep', async () => {
    for (const batchSize of [0, 5_001, 2.5]) await expect(verifyLedger(testDatabase.database, { batchSize })).rejects.toThrow(RangeError);
  });
});

describe('the database refuses to change the journal (append-only)', () => {
  const refusals: Array<[string, SQL]> = [
    ['UPDATE of an entry', sql`update accounts.journal_entries set description = 'edited' where seq = (select min(seq) from accounts.journal_entries)`],
    ['DELETE of an entry', sql`delete from accounts.journal_entries where seq = (select max(seq) from accounts.journal_entries)`],
    ['UPDATE of a posting', sql`update accounts.postings set amount = amount + 1 where id = (select min(id) from accounts.postings)`],
    ['DELETE of a posting', sql`delete from accounts.postings where id = (select min(id) from accounts.postings)`],
    ['UPDATE of a seal', sql`update accounts.journal_seals set chain_hash = repeat('a', 64) where position = 1`],
    ['DELETE of a seal', sql`delete from accounts.journal_seals where position = 1`],
  ];
  it.each(refusals)('refuses %s with integrity_constraint_violation (23000)', async (_name, statement) => {
    const error = await testDatabase.database.db.execute(statement).then(() => null, (caught: unknown) => caught);
    expect(sqlState(error)).toBe('23000');
  });
});

describe('tampering verifyLedger catches', () => {
  it('CHAIN_BROKEN: a sealed entry whose description was changed, named with its position (also when read in small pages)', async () => {
    const { entryId, position } = sealed[6]!;
    const result = await verifyTampered(
      [sql`update accounts.journal_entries set description = 'paid to someone else' where id = ${entryId}`],
      [sql`update accounts.journal_entries set description = 'test entry' where id = ${entryId}`],
      { batchSize: 2 },
    );
    expect(result).toMatchObject({ ok: false, checkedEntries: position - 1, sealedThrough: String(position - 1) });
    expect(result.firstDiscrepancy).toMatchObject({ kind: 'CHAIN_BROKEN', entryId, position: String(position), accountCode: null });
  });

  it('CHAIN_BROKEN: a sealed posting whose amount was changed, before the entry is found unbalanced', async () => {
    const { entryId, position } = sealed[3]!;
    const result = await verifyTampered(
      [sql`update accounts.postings set amount = amount + 1000 where entry_id = ${entryId} and line = 1`],
      [sql`update accounts.postings set amount = amount - 1000 where entry_id = ${entryId} and line = 1`],
    );
    expect(result.firstDiscrepancy).toMatchObject({ kind: 'CHAIN_BROKEN', entryId, position: String(position) });
  });

  it('CHAIN_BROKEN: a seal deleted from the middle of the chain', async () => {
    const { position } = sealed[4]!;
    const [copy] = rowsOf<Record<string, string>>(
      await testDatabase.database.db.execute(sql`select position::text, entry_id::text, entry_xid::text, entry_seq::text, entry_hash, chain_hash,
        sealed_at::text from accounts.journal_seals where position = ${position}`),
    );
    const result = await verifyTampered(
      [sql`delete from accounts.journal_seals where position = ${position}`],
      [
        sql`insert into accounts.journal_seals (position, entry_id, entry_xid, entry_seq, entry_hash, chain_hash, sealed_at)
            values (${copy!.position}::bigint, ${copy!.entry_id}::uuid, ${copy!.entry_xid}::xid8, ${copy!.entry_seq}::bigint,
                    ${copy!.entry_hash}, ${copy!.chain_hash}, ${copy!.sealed_at}::timestamptz)`,
      ],
    );
    expect(result.firstDiscrepancy).toMatchObject({ kind: 'CHAIN_BROKEN', entryId: null, position: String(position) });
    expect(result.firstDiscrepancy!.message).toMatch(/missing/);
  });

  it('CHAIN_BROKEN: an entry put in behind the sealer (a forged old xid), with no seal', async () => {
    const forgedId = '00000000-0000-4000-8000-00000000f0f0';
    const result = await verifyTampered(
      [
        sql`insert into accounts.journal_entries (id, xid, office_code, effective_date, description, source_type, actor, idempotency_key, request_hash)
            values (${forgedId}, '3'::xid8, 'HO1', '2026-11-20', 'backdated', 'MANUAL', '{"kind":"staff","id":"x"}', ${key()}, ${'f'.repeat(64)})`,
      ],
      [sql`delete from accounts.journal_entries where id = ${forgedId}`],
    );
    expect(result.firstDiscrepancy).toMatchObject({ kind: 'CHAIN_BROKEN', entryId: forgedId, position: null });
    expect(result.ok).toBe(false);
  });

  it('ENTRY_UNBALANCED: a posting of an entry not yet sealed changed so debits and credits differ', async () => {
    const result = await verifyTampered(
      [sql`update accounts.postings set amount = '7.26' where entry_id = ${unsealedEntryId} and line = 1`],
      [sql`update accounts.postings set amount = '7.25' where entry_id = ${unsealedEntryId} and line = 1`],
    );
    expect(result).toMatchObject({ ok: false, checkedEntries: sealed.length, unsealedEntries: 1 });
    expect(result.firstDiscrepancy).toMatchObject({ kind: 'ENTRY_UNBALANCED', entryId: unsealedEntryId, accountCode: null, position: null });
    expect(result.firstDiscrepancy!.message).toContain('INR debits 7.26 credits 7.25');
  });

  it('ENTRY_UNBALANCED: an entry left with one posting', async () => {
    const [line2] = rowsOf<{ id: string; account_code: string; side: string; amount: string; currency: string; effective_date: string }>(
      await testDatabase.database.db.execute(sql`select id::text, account_code, side, amount::text, currency, effective_date::text
        from accounts.postings where entry_id = ${unsealedEntryId} and line = 2`),
    );
    const result = await verifyTampered(
      [sql`delete from accounts.postings where entry_id = ${unsealedEntryId} and line = 2`],
      [
        sql`insert into accounts.postings (id, entry_id, line, account_code, side, amount, currency, effective_date) overriding system value
            values (${line2!.id}::bigint, ${unsealedEntryId}, 2, ${line2!.account_code}, ${line2!.side}, ${line2!.amount}::numeric, ${line2!.currency}, ${line2!.effective_date}::date)`,
      ],
    );
    expect(result.firstDiscrepancy).toMatchObject({ kind: 'ENTRY_UNBALANCED', entryId: unsealedEntryId });
    expect(result.firstDiscrepancy!.message).toMatch(/1 posting/);
  });

  it('BALANCE_MISMATCH: an account total changed without a posting', async () => {
    const result = await verifyTampered(
      [sql`update accounts.accounts set credit_total = credit_total + 1 where code = 'HO2:4100'`],
      [sql`update accounts.accounts set credit_total = credit_total - 1 where code = 'HO2:4100'`],
    );
    expect(result.firstDiscrepancy).toMatchObject({ kind: 'BALANCE_MISMATCH', accountCode: 'HO2:4100', entryId: null });
    expect(result.firstDiscrepancy!.message).toMatch(/stores totals debit 0, credit 25(\.0*)?; its postings sum to debit 0, credit 24\.00$/);
  });

  it('PENDING_MISMATCH: a pending hold changed without its accounts, naming the first of them', async () => {
    const result = await verifyTampered(
      [sql`update accounts.holds set amount = amount + 1 where id = ${holdId}`],
      [sql`update accounts.holds set amount = amount - 1 where id = ${holdId}`],
    );
    expect(result.firstDiscrepancy).toMatchObject({ kind: 'PENDING_MISMATCH', accountCode: 'HO1:1100' });
  });

  it('PENDING_MISMATCH: an account whose pending credit was changed', async () => {
    const result = await verifyTampered(
      [sql`update accounts.accounts set pending_credit = 0 where code = 'HO1:4100'`],
      [sql`update accounts.accounts set pending_credit = 5.00 where code = 'HO1:4100'`],
    );
    expect(result.firstDiscrepancy).toMatchObject({ kind: 'PENDING_MISMATCH', accountCode: 'HO1:4100' });
  });

  it('CURRENCY_NOT_BALANCED: an account moved to another currency, so INR no longer nets to zero', async () => {
    const result = await verifyTampered(
      [sql`update accounts.accounts set currency = 'USD' where code = 'HO2:4100'`],
      [sql`update accounts.accounts set currency = 'INR' where code = 'HO2:4100'`],
    );
    expect(result.firstDiscrepancy).toMatchObject({ kind: 'CURRENCY_NOT_BALANCED', entryId: null, accountCode: null });
    expect(result.firstDiscrepancy!.message).toMatch(/^INR accounts do not net to zero/);
  });
});
