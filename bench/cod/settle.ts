import type { SignedRequestContext } from '@postal/auth';
import { rowsOf, type Database } from '@postal/db';
import { sql } from 'drizzle-orm';
import type { PostEntryCommand } from '../../subgraphs/accounts/src/journal/model.js';
import { createJournalService } from '../../subgraphs/accounts/src/journal/service.js';
import { buildSettlementBatchesInTx } from '../../subgraphs/cod-settlement/src/settlement/build.js';

/*
 * The settlement run as production does it, below GraphQL: cod-settlement's set-based build per settlement office
 * (buildSettlementBatchesInTx: batches, a claim per (biller, due day) summed from the fees priced when each collection
 * became due, the totals; docs/cod-settlement.md "Settlement by day"), and the SETTLED entry of every batch through
 * accounts' batch posting path (postJournalEntries: postEntriesInTx, as bench/ledger measures it). In production the
 * entries follow the release's cod.movement events (accounts' COD consumer); here they are posted straight after the
 * build with the same rule: Dr COD payable gross / Cr bank net / Cr COD fee income / Cr GST payable. The office's 2200
 * carries every biller here (production opens one per biller, `<S>:2200:<billerCode>`, on first use), so the bench
 * needs no biller accounts opened first.
 */

const CONTEXT: SignedRequestContext = { identity: { kind: 'service', service: 'cod-settlement' }, requestId: 'bench-cod', clientAddress: undefined };

export function settledEntry(batch: { id: string; office: string; gross: string; fee: string; tax: string; net: string }, today: string): PostEntryCommand {
  return {
    idempotencyKey: `cod-settled-${batch.id}`,
    officeCode: batch.office,
    effectiveDate: today,
    description: 'COD settlement (benchmark)',
    source: { type: 'COD', reference: batch.id },
    postings: [
      { accountCode: `${batch.office}:2200`, side: 'DEBIT', amount: batch.gross },
      { accountCode: `${batch.office}:1500`, side: 'CREDIT', amount: batch.net },
      { accountCode: `${batch.office}:4200`, side: 'CREDIT', amount: batch.fee },
      { accountCode: `${batch.office}:2300`, side: 'CREDIT', amount: batch.tax },
    ],
  };
}

/** What the collections owe per office, credited to its COD payable before the run (as COLLECTED would have). */
export async function openPayables(database: Database, today: string): Promise<void> {
  const journal = createJournalService(database);
  const rows = rowsOf<{ office: string; total: string }>(await database.db.execute(sql`
    select b.settlement_office_code as office, sum(c.amount)::text as total
    from cod.collections c join cod.billers b on b.id = c.biller_id group by 1 order by 1`));
  for (const row of rows) {
    await journal.postJournalEntry(CONTEXT, {
      idempotencyKey: `cod-opening-${row.office}`,
      officeCode: row.office,
      effectiveDate: today,
      description: 'COD collected (benchmark opening)',
      source: { type: 'COD', reference: row.office },
      postings: [
        { accountCode: `${row.office}:1400`, side: 'DEBIT', amount: row.total },
        { accountCode: `${row.office}:2200`, side: 'CREDIT', amount: row.total },
      ],
    });
  }
}

export interface SettlementRun {
  batches: number;
  lines: number;
  buildMs: number;
  ledgerMs: number;
  totalMs: number;
}

export async function runSettlement(database: Database, offices: readonly string[], cycleDate: string, today: string, ledgerBatchSize: number): Promise<SettlementRun> {
  const journal = createJournalService(database);
  const started = performance.now();
  const batchIds: string[] = [];
  for (const office of offices) {
    batchIds.push(...(await database.db.transaction((tx) => buildSettlementBatchesInTx(tx, office, cycleDate, 'bench', new Date()))));
  }
  const built = performance.now();
  const batches = rowsOf<{ id: string; office: string; gross: string; fee: string; tax: string; net: string; lines: number }>(await database.db.execute(sql`
    select id, settlement_office_code as office, (gross + adjustments)::text as gross, (fee + early_fee)::text as fee, tax::text, net::text, article_count as lines
    from cod.settlement_batches where status = 'DRAFT' order by settlement_office_code, id`));
  for (let start = 0; start < batches.length; start += ledgerBatchSize) {
    const results = await journal.postJournalEntries(CONTEXT, batches.slice(start, start + ledgerBatchSize).map((b) => settledEntry(b, today)));
    if (results.some((r) => r.replayed)) throw new Error('a SETTLED entry was answered as a replay');
  }
  const ended = performance.now();
  return { batches: batchIds.length, lines: batches.reduce((n, b) => n + b.lines, 0), buildMs: built - started, ledgerMs: ended - built, totalMs: ended - started };
}

/**
 * The plain SQL aggregation of the same rows: the due collections per biller, in one GROUP BY. It leaves out "not yet
 * settled", so it reads the same rows before the run and after it (when all are settled).
 */
export async function plainAggregation(database: Database, dueFrom: string): Promise<{ ms: number; billers: number }> {
  const started = performance.now();
  const rows = rowsOf(await database.db.execute(sql`
    select c.biller_id, count(*), sum(c.amount) from cod.collections c
    where c.due_from <= ${dueFrom} and c.amount > 0 group by c.biller_id`));
  return { ms: performance.now() - started, billers: rows.length };
}

/** Every article in exactly one active line, the batches' gross equal to the collections, the payables back to zero. */
export async function verify(database: Database): Promise<{ articles: number; inOneLine: number; grossMatches: boolean; payableAfter: string }> {
  const [row] = rowsOf<{ articles: number; in_one: number; gross_ok: boolean }>(await database.db.execute(sql`
    select (select count(*)::int from cod.collections) as articles,
           (select count(*)::int from (select l.article_id from cod.batch_lines l where l.active and l.kind = 'ARTICLE' group by l.article_id having count(*) = 1) x) as in_one,
           (select sum(gross) from cod.settlement_batches) = (select sum(amount) from cod.collections) as gross_ok`));
  const [payable] = rowsOf<{ balance: string | null }>(await database.db.execute(sql`
    select (sum(p.amount) filter (where p.side = 'CREDIT') - sum(p.amount) filter (where p.side = 'DEBIT'))::text as balance
    from accounts.postings p where p.account_code like '%:2200'`));
  return { articles: row!.articles, inOneLine: row!.in_one, grossMatches: row!.gross_ok, payableAfter: payable?.balance ?? 'n/a' };
}
