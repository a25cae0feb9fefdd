import { rowsOf } from '@postal/db';
import { Decimal } from '@postal/money';
import { needs, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountFactsCache } from './account-facts.js';
import { captureHoldInTx, placeHoldInTx, voidHoldInTx } from './holds.js';
import type { PostEntryCommand } from './model.js';
import { postEntriesInTx, postEntryInTx } from './posting.js';
import { createLedgerDatabase, key, post, SERVICE_ORIGIN, TODAY, transfer } from './test-support/ledger.js';

/*
 * Many writers crediting and debiting the same few constrained accounts (cash: credits never exceed debits, pending
 * holds included). Whatever the interleaving, each attempt either posts or is refused with its rule's code: here only
 * INSUFFICIENT_FUNDS can apply, so anything else (an INTERNAL_SERVER_ERROR, "no rule says why") is a defect of the
 * posting path. Single entries (with and without the accounts' facts cached), batches and holds all race together;
 * afterwards the ledger's invariants must hold.
 */
const CASH = ['HO1:1100', 'HO1:1200', 'SO1:1100', 'SO1:1200', 'HO2:1100', 'HO2:1200'];
const OPENING = '20.00';
const WRITERS = 8;
const ATTEMPTS = 3_000;
const DEADLINE_MS = 20_000;

describe.runIf(needs('postgres'))('[needs PostgreSQL] postings racing for a few small constrained balances', () => {
  let testDatabase: TestDatabase;
  beforeAll(async () => {
    testDatabase = await createLedgerDatabase();
    // Each cash account starts small (commission income pays it in), so refusals are common and balances flip often.
    for (const code of CASH) await post(testDatabase, transfer(code, `${code.split(':')[0]}:4100`, OPENING));
  }, 60_000);
  afterAll(() => testDatabase?.drop());

  const random = (n: number) => Math.floor(Math.random() * n);
  const amount = () => `${1 + random(9)}.00`;
  const pair = (): [string, string] => {
    const from = CASH[random(CASH.length)]!;
    let to = CASH[random(CASH.length)]!;
    while (to === from) to = CASH[random(CASH.length)]!;
    return [from, to];
  };
  /** Moves money out of `from` into `to`: debit the receiving cash, credit the paying one. */
  const move = (from: string, to: string, value = amount()): PostEntryCommand => transfer(to, from, value, { officeCode: to.split(':')[0]! });

  it('refuses only with a rule (INSUFFICIENT_FUNDS), never with an unexplained error, and keeps the ledger whole', async () => {
    const facts = new AccountFactsCache();
    const outcomes = new Map<string, number>();
    const unexplained: string[] = [];
    const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    const db = testDatabase.database.db;

    const attempt = async (n: number): Promise<void> => {
      const [from, to] = pair();
      switch (n % 8) {
        case 0: {
          // A batch of three moves: judged on their net change.
          const [a, b] = pair();
          await db.transaction((tx) => postEntriesInTx(tx, [move(from, to), move(a, b), move(to, from)], { origin: SERVICE_ORIGIN, today: TODAY }));
          return;
        }
        case 1: {
          // A hold reserves, then is captured (in part) or voided in a later transaction. Both accounts of a hold are
          // in one office (its capture balances within the office): the receiving office's other cash account.
          const office = to.split(':')[0]!;
          const from = CASH.find((code) => code !== to && code.startsWith(`${office}:`))!;
          const { hold } = await db.transaction((tx) =>
            placeHoldInTx(
              tx,
              { idempotencyKey: key('hold'), officeCode: to.split(':')[0]!, description: 'payout', source: { type: 'TEST' }, debitAccountCode: to, creditAccountCode: from, amount: amount() },
              SERVICE_ORIGIN,
              new Date(),
            ),
          );
          await db.transaction(async (tx) => {
            if (n % 16 === 1) await captureHoldInTx(tx, { holdId: hold.id, idempotencyKey: key('capture'), amount: '1.00' }, { origin: SERVICE_ORIGIN, today: TODAY, now: new Date() });
            else await voidHoldInTx(tx, hold.id, 'not needed', { origin: SERVICE_ORIGIN, now: new Date() });
          });
          return;
        }
        case 2:
        case 3:
        case 4:
          // A service's posting on the fast path: the accounts' facts cached, nothing read before the write.
          await db.transaction((tx) => postEntryInTx(tx, move(from, to), { origin: SERVICE_ORIGIN, today: TODAY, facts }));
          return;
        default:
          await post(testDatabase, move(from, to));
      }
    };

    let next = 0;
    const started = Date.now();
    const writer = async () => {
      while (next < ATTEMPTS && Date.now() - started < DEADLINE_MS) {
        const n = next++;
        try {
          await attempt(n);
          count('OK');
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          if (code === 'INSUFFICIENT_FUNDS') count(code);
          else {
            count(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
            // The first line of the message and of its cause (a driver error's is the SQL, its cause says why).
            const cause = (error as { cause?: { message?: string } }).cause?.message;
            if (unexplained.length < 5) unexplained.push([String((error as Error).message ?? error).split('\n')[0], cause].filter(Boolean).join(': '));
          }
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));

    const summary = Object.fromEntries(outcomes);
    // The summary is in the message, so a failure says how often and how.
    expect({ unexplained, summary }).toEqual({ unexplained: [], summary: { OK: expect.any(Number), INSUFFICIENT_FUNDS: expect.any(Number) } });
    // Enough happened for the race to be a race: most attempts ran, and both outcomes occurred.
    expect(next).toBeGreaterThan(ATTEMPTS / 4);
    expect(summary.INSUFFICIENT_FUNDS ?? 0).toBeGreaterThan(0);

    // Every account's stored totals equal its postings, and its pending sums its pending holds.
    const mismatches = rowsOf<{ code: string }>(
      await db.execute(sql`
        select a.code from accounts.accounts a
        left join (select account_code,
                          coalesce(sum(amount) filter (where side = 'DEBIT'), 0) as debit,
                          coalesce(sum(amount) filter (where side = 'CREDIT'), 0) as credit
                     from accounts.postings group by account_code) p on p.account_code = a.code
        left join (select code, sum(pending_debit) as pending_debit, sum(pending_credit) as pending_credit from (
                     select debit_account_code as code, amount as pending_debit, 0 as pending_credit from accounts.holds where status = 'PENDING'
                     union all
                     select credit_account_code, 0, amount from accounts.holds where status = 'PENDING') h group by code) h on h.code = a.code
        where a.debit_total <> coalesce(p.debit, 0) or a.credit_total <> coalesce(p.credit, 0)
           or a.pending_debit <> coalesce(h.pending_debit, 0) or a.pending_credit <> coalesce(h.pending_credit, 0)`),
    );
    expect(mismatches).toEqual([]);
    // No cash went below zero, and moves among the cash accounts kept their total (every hold is resolved by now).
    const cash = rowsOf<{ code: string; debit: string; credit: string; pending_credit: string }>(
      await db.execute(sql`
        select code, debit_total::text as debit, credit_total::text as credit, pending_credit::text as pending_credit
          from accounts.accounts where code in (${sql.join(CASH.map((code) => sql`${code}`), sql`, `)})`),
    );
    let total = new Decimal(0);
    for (const row of cash) {
      const balance = new Decimal(row.debit).minus(row.credit);
      expect(balance.minus(row.pending_credit).isNegative(), `${row.code} went below zero`).toBe(false);
      total = total.plus(balance);
    }
    expect(total.toFixed(2)).toBe(new Decimal(OPENING).times(CASH.length).toFixed(2));
    // Every entry balances.
    const unbalanced = rowsOf<{ entry_id: string }>(
      await db.execute(sql`
        select entry_id from accounts.postings group by entry_id
        having sum(amount) filter (where side = 'DEBIT') <> sum(amount) filter (where side = 'CREDIT')`),
    );
    expect(unbalanced).toEqual([]);
  }, 60_000);
});
