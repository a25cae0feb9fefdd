/**
 * What a run matches, read from the books: the account's open bank lines and the open items its purpose can meet.
 * Open means in no live match (SUGGESTED or CONFIRMED). Read inside the run's transaction, after the account's row
 * lock, so two runs on one account see each other's matches and never take a line or an item twice.
 *
 * Items by purpose (the account's office is where they settle):
 * - PAYOUT accounts: settlement payouts PENDING (the bank's debit makes them PAID) or PAID by hand with a UTR (the
 *   debit still has to be found), references the UTR and the batch reference, the payee as counterparty; and each
 *   PAID payout again as a credit the bank may send back (PAYOUT_RETURN: matched, the payout is REVERSED);
 * - COLLECTION accounts: UPI and card collections (by their article's id) not yet cleared, with the payment's RRN; an aggregator pays a day's
 *   collections of one mode together, so they share the group key `<mode>:<date>`;
 * - CASH_DEPOSIT accounts: nothing yet (offices' pay-in slips are not recorded in the books; see docs/matching.md).
 */
import type { Tx } from '@postal/db';
import { rowsOf } from '@postal/db';
import type { BankLine, OpenItem } from '@postal/matching';
import { sql, type SQL } from 'drizzle-orm';
import type { BankAccountRow } from '../bank-accounts/repository.js';

/** What one run takes at most of each side: beyond it the run is refused (MATCH_RUN_TOO_LARGE) rather than cut. */
export const MAX_RUN_LINES = 200_000;
export const MAX_RUN_ITEMS = 200_000;

/** An item id as the engine sees it: the kind and the row's id, so ids of two kinds never collide. */
export const itemKey = (kind: string, id: string) => `${kind}:${id}`;
export function parseItemKey(key: string): { kind: string; id: string } {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at), id: key.slice(at + 1) };
}

interface LineSqlRow {
  id: string;
  direction: 'CREDIT' | 'DEBIT';
  amount: string;
  currency: string;
  booking_date: string;
  value_date: string | null;
  end_to_end_id: string | null;
  account_servicer_reference: string | null;
  owner_reference: string | null;
  payment_information_id: string | null;
  utr: string | null;
  mandate_id: string | null;
  transaction_id: string | null;
  creditor_reference: string | null;
  remittance_information: string | null;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  counterparty_account: string | null;
  counterparty_bic: string | null;
}

function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === null || value[key] === undefined) delete value[key];
  return value;
}

/** Booked lines of stored statements (one statement, or all of the account's) in no live match. */
export async function openLines(tx: Tx, account: BankAccountRow, statementId: string | null, limit: number, lineIds?: readonly number[]): Promise<BankLine[]> {
  const rows = rowsOf<LineSqlRow>(
    await tx.execute(sql`
      select l.id::text as id, l.direction, l.amount::text as amount, l.currency,
             coalesce(l.booking_date, l.value_date)::text as booking_date, l.value_date::text as value_date,
             l.end_to_end_id, l.account_servicer_reference, l.owner_reference, l.payment_information_id, l.utr, l.mandate_id,
             l.transaction_id, l.creditor_reference, l.remittance_information,
             l.counterparty_name, l.counterparty_iban, l.counterparty_account, l.counterparty_bic
        from cod.bank_statement_lines l
        join cod.bank_statements s on s.id = l.statement_id and s.state = 'STORED'
       where l.bank_account_id = ${account.id}
         ${statementId ? sql`and l.statement_id = ${statementId}` : sql``}
         ${lineIds ? sql`and l.id in ${lineIds.length > 0 ? lineIds : [-1]}` : sql``}
         and (l.status is null or l.status = 'BOOK')
         and coalesce(l.booking_date, l.value_date) is not null
         and not exists (select 1 from cod.recon_match_lines m where m.line_id = l.id and m.active)
       order by l.id
       limit ${limit}`),
  );
  return rows.map((row) => {
    const counterparty = defined({ name: row.counterparty_name ?? undefined, iban: row.counterparty_iban ?? undefined, account: row.counterparty_account ?? undefined, bic: row.counterparty_bic ?? undefined });
    return defined({
      id: row.id,
      direction: row.direction,
      amount: row.amount,
      currency: row.currency,
      bookingDate: row.booking_date,
      valueDate: row.value_date ?? undefined,
      references: defined({
        endToEndId: row.end_to_end_id ?? undefined,
        accountServicerReference: row.account_servicer_reference ?? undefined,
        ownerReference: row.owner_reference ?? undefined,
        paymentInformationId: row.payment_information_id ?? undefined,
        utr: row.utr ?? undefined,
        mandateId: row.mandate_id ?? undefined,
        transactionId: row.transaction_id ?? undefined,
        creditorReference: row.creditor_reference ?? undefined,
      }),
      remittance: row.remittance_information ?? undefined,
      counterparty: Object.keys(counterparty).length > 0 ? counterparty : undefined,
    }) as BankLine;
  });
}

interface ItemSqlRow {
  /** Our kind (PAYOUT_RETURN: the bank's credit returning a paid payout); the engine's is engine_kind. */
  kind: 'PAYOUT' | 'PAYOUT_RETURN' | 'AGGREGATOR_CREDIT';
  engine_kind: 'PAYOUT' | 'AGGREGATOR_CREDIT';
  direction: 'CREDIT' | 'DEBIT';
  id: string;
  amount: string;
  currency: string;
  item_date: string;
  utr: string | null;
  batch_reference: string | null;
  rrn: string | null;
  group_key: string | null;
  counterparty_name: string | null;
  counterparty_account: string | null;
}

/** Only these items (a person's manual match), by our kind: PAYOUT, PAYOUT_RETURN, AGGREGATOR_CREDIT. */
export type ItemChoice = ReadonlyArray<{ kind: string; id: string }>;

export async function openItems(tx: Tx, account: BankAccountRow, limit: number, only?: ItemChoice): Promise<OpenItem[]> {
  const chosen = (kind: string, column: SQL) => {
    if (!only) return sql``;
    const ids = only.filter((item) => item.kind === kind).map((item) => item.id);
    return ids.length > 0 ? sql`and ${column} in ${ids}` : sql`and false`;
  };
  let rows: ItemSqlRow[] = [];
  if (account.purpose === 'PAYOUT') {
    rows = rowsOf<ItemSqlRow>(
      await tx.execute(sql`
        select 'PAYOUT' as kind, 'PAYOUT' as engine_kind, 'DEBIT' as direction, p.id::text as id, p.amount::text as amount, p.currency,
               p.released_on::text as item_date, p.utr, b.reference as batch_reference, null as rrn, null as group_key,
               p.beneficiary_name as counterparty_name, p.account_number as counterparty_account
          from cod.payouts p
          join cod.settlement_batches b on b.id = p.batch_id
         where b.settlement_office_code = ${account.officeCode} and p.currency = ${account.currency}
           and p.status in ('PENDING','PAID') ${chosen('PAYOUT', sql`p.id`)}
           and not exists (select 1 from cod.recon_match_items m where m.item_kind = 'PAYOUT' and m.item_id = p.id and m.active)
        union all
        -- A paid payout the bank may still return: the same amount coming back, usually with its UTR.
        select 'PAYOUT_RETURN', 'PAYOUT', 'CREDIT', p.id::text, p.amount::text, p.currency, p.outcome_on::text, p.utr, b.reference, null, null,
               p.beneficiary_name, p.account_number
          from cod.payouts p
          join cod.settlement_batches b on b.id = p.batch_id
         where b.settlement_office_code = ${account.officeCode} and p.currency = ${account.currency}
           and p.status = 'PAID' and p.outcome_on is not null ${chosen('PAYOUT_RETURN', sql`p.id`)}
           and not exists (select 1 from cod.recon_match_items m where m.item_kind = 'PAYOUT_RETURN' and m.item_id = p.id and m.active)
         order by 1, 4
         limit ${limit}`),
    );
  } else if (account.purpose === 'COLLECTION') {
    rows = rowsOf<ItemSqlRow>(
      await tx.execute(sql`
        select 'AGGREGATOR_CREDIT' as kind, 'AGGREGATOR_CREDIT' as engine_kind, 'CREDIT' as direction, c.article_id::text as id, c.amount::text as amount, c.currency, c.business_date::text as item_date,
               null as utr, null as batch_reference, c.payment_reference as rrn, c.mode || ':' || c.business_date::text as group_key,
               null as counterparty_name, null as counterparty_account
          from cod.collections c
          join cod.billers b on b.id = c.biller_id
         where b.settlement_office_code = ${account.officeCode} and c.currency = ${account.currency}
           and c.mode in ('UPI','CARD') and c.cleared_on is null and c.amount > 0 ${chosen('AGGREGATOR_CREDIT', sql`c.article_id`)}
           and not exists (select 1 from cod.recon_match_items m where m.item_kind = 'AGGREGATOR_CREDIT' and m.item_id = c.article_id and m.active)
         order by c.article_id
         limit ${limit}`),
    );
  }
  return rows.map((row) => {
    const counterparty = defined({ name: row.counterparty_name ?? undefined, account: row.counterparty_account ?? undefined });
    return defined({
      id: itemKey(row.kind, row.id),
      kind: row.engine_kind,
      direction: row.direction,
      amount: row.amount,
      currency: row.currency,
      date: row.item_date,
      references: defined({ utr: row.utr ?? undefined, batchReference: row.batch_reference ?? undefined, rrn: row.rrn ?? undefined }),
      counterparty: Object.keys(counterparty).length > 0 ? counterparty : undefined,
      groupKey: row.group_key ?? undefined,
    }) as OpenItem;
  });
}
