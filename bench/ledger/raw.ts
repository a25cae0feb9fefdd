import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { BenchEntry } from './workload.js';

/*
 * The raw SQL baselines: the rows the ledger writes for an entry, written by plain parameterised SQL with nothing
 * read and nothing checked. An entry row (same columns, the same kind of request hash), its two postings, and the two
 * accounts' sums, locked in code order and updated in one statement (the same lock discipline as the ledger, without
 * which concurrent transfers deadlock). Five round trips: BEGIN, three statements, COMMIT.
 */

const ACTOR = JSON.stringify({ kind: 'service', id: 'bench' });
const CURRENCY = 'INR';

const INSERT_ENTRY_COLUMNS = 'id, office_code, effective_date, description, source_type, source_reference, actor, idempotency_key, request_hash';
const INSERT_POSTING_COLUMNS = 'entry_id, line, account_code, side, amount, currency, effective_date';

/** Locks the named accounts in code order, then adds each one's change: the ordered-lock update, one statement. */
const UPDATE_ACCOUNTS = `
  with delta (code, debit, credit) as (select * from unnest($1::text[], $2::numeric[], $3::numeric[])),
  locked as (select code from accounts.accounts where code in (select code from delta) order by code for no key update)
  update accounts.accounts a
     set debit_total = a.debit_total + d.debit, credit_total = a.credit_total + d.credit
    from delta d join locked l on l.code = d.code
   where a.code = d.code`;

function requestHash(entry: BenchEntry, key: string, date: string): string {
  return createHash('sha256').update(JSON.stringify([key, entry.officeCode, date, entry.debitAccount, entry.creditAccount, entry.amount])).digest('hex');
}

function entryValues(entry: BenchEntry, key: string, date: string): unknown[] {
  return [randomUUID(), entry.officeCode, date, 'Money order booked (benchmark)', 'MONEY_ORDER', key, ACTOR, key, requestHash(entry, key, date)];
}

async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await work(client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** One entry, one transaction. */
export async function rawPostOne(pool: pg.Pool, entry: BenchEntry, key: string, date: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    const values = entryValues(entry, key, date);
    await client.query(`insert into accounts.journal_entries (${INSERT_ENTRY_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, values);
    await client.query(
      `insert into accounts.postings (${INSERT_POSTING_COLUMNS}) values ($1, 1, $2, 'DEBIT', $3, $4, $5), ($1, 2, $6, 'CREDIT', $3, $4, $5)`,
      [values[0], entry.debitAccount, entry.amount, CURRENCY, date, entry.creditAccount],
    );
    const [codes, debits, credits] = sortedDeltas([entry]);
    await client.query(UPDATE_ACCOUNTS, [codes, debits, credits]);
  });
}

/** Per account, the summed change of some entries, in code order (exact: amounts are summed in paise). */
function sortedDeltas(entries: readonly BenchEntry[]): [string[], string[], string[]] {
  const paise = new Map<string, { debit: bigint; credit: bigint }>();
  const add = (code: string, side: 'debit' | 'credit', amount: string) => {
    const sum = paise.get(code) ?? { debit: 0n, credit: 0n };
    sum[side] += BigInt(amount.replace('.', ''));
    paise.set(code, sum);
  };
  for (const entry of entries) {
    add(entry.debitAccount, 'debit', entry.amount);
    add(entry.creditAccount, 'credit', entry.amount);
  }
  const codes = [...paise.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rupees = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
  return [codes, codes.map((code) => rupees(paise.get(code)!.debit)), codes.map((code) => rupees(paise.get(code)!.credit))];
}

/**
 * Many entries, one transaction: a multi-row INSERT of the entries, one of the postings, and one ordered-lock UPDATE
 * of every account the batch touches with its summed change. 500 entries are 4,500 and 7,000 bind parameters, well
 * under PostgreSQL's 65,535.
 */
export async function rawPostBatch(pool: pg.Pool, entries: readonly BenchEntry[], keys: readonly string[], date: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    const entryParams: unknown[] = [];
    const postingParams: unknown[] = [];
    const entryRows: string[] = [];
    const postingRows: string[] = [];
    entries.forEach((entry, i) => {
      const values = entryValues(entry, keys[i]!, date);
      const e = entryParams.length;
      entryRows.push(`(${values.map((_, j) => `$${e + j + 1}`).join(', ')})`);
      entryParams.push(...values);
      const p = postingParams.length;
      postingRows.push(`($${p + 1}, 1, $${p + 2}, 'DEBIT', $${p + 4}, $${p + 5}, $${p + 6})`, `($${p + 1}, 2, $${p + 3}, 'CREDIT', $${p + 4}, $${p + 5}, $${p + 6})`);
      postingParams.push(values[0], entry.debitAccount, entry.creditAccount, entry.amount, CURRENCY, date);
    });
    await client.query(`insert into accounts.journal_entries (${INSERT_ENTRY_COLUMNS}) values ${entryRows.join(', ')}`, entryParams);
    await client.query(`insert into accounts.postings (${INSERT_POSTING_COLUMNS}) values ${postingRows.join(', ')}`, postingParams);
    const [codes, debits, credits] = sortedDeltas(entries);
    await client.query(UPDATE_ACCOUNTS, [codes, debits, credits]);
  });
}
