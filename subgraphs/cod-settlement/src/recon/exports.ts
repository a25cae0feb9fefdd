/**
 * CSV exports of reconciliation's result lists (issue 13): a statement's lines and a list of matches, as finance
 * officers take them into a spreadsheet. RFC 4180 by csv-stringify, CRLF; money as the stored decimal strings (never
 * floats); a text cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection), numbers are
 * left as they are. Bounded (MAX_EXPORT_ROWS): a larger list is refused with EXPORT_TOO_LARGE, to be narrowed.
 */
import type { Db } from '@postal/db';
import { rowsOf } from '@postal/db';
import { stringify } from 'csv-stringify/sync';
import { sql, type SQL } from 'drizzle-orm';
import { ReconError } from './errors.js';

export const MAX_EXPORT_ROWS = 50_000;
const text = (value: unknown) => {
  const cell = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
};
const plain = (value: unknown) => (value === null || value === undefined ? '' : String(value));

function tooLarge(what: string): ReconError {
  return new ReconError('EXPORT_TOO_LARGE', `${what} has more than ${MAX_EXPORT_ROWS} rows: narrow it (by statement, account or status)`, { details: { maxRows: MAX_EXPORT_ROWS } });
}

export const LINE_COLUMNS = ['index', 'booking_date', 'value_date', 'direction', 'reversal', 'amount', 'currency', 'status', 'transaction_code', 'utr', 'end_to_end_id', 'bank_reference', 'owner_reference', 'remittance', 'counterparty_name', 'counterparty_account', 'matched'] as const;

/** A statement's lines in statement order, with whether each is in a live match. */
export async function statementLinesCsv(db: Db, statementId: string): Promise<string> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select l.line_index, l.booking_date::text as booking_date, l.value_date::text as value_date, l.direction, l.reversal, l.amount::text as amount, l.currency,
             l.status, l.transaction_code, l.utr, l.end_to_end_id, l.account_servicer_reference, l.owner_reference, l.remittance_information,
             l.counterparty_name, coalesce(l.counterparty_iban, l.counterparty_account) as counterparty_account,
             exists (select 1 from cod.recon_match_lines m where m.line_id = l.id and m.active) as matched
        from cod.bank_statement_lines l
       where l.statement_id = ${statementId}
       order by l.line_index
       limit ${MAX_EXPORT_ROWS + 1}`),
  );
  if (rows.length > MAX_EXPORT_ROWS) throw tooLarge('the statement');
  return stringify(
    [
      [...LINE_COLUMNS],
      ...rows.map((r) => [
        plain(r.line_index),
        plain(r.booking_date),
        plain(r.value_date),
        plain(r.direction),
        r.reversal ? 'yes' : 'no',
        plain(r.amount),
        plain(r.currency),
        text(r.status),
        text(r.transaction_code),
        text(r.utr),
        text(r.end_to_end_id),
        text(r.account_servicer_reference),
        text(r.owner_reference),
        text(r.remittance_information),
        text(r.counterparty_name),
        text(r.counterparty_account),
        r.matched ? 'yes' : 'no',
      ]),
    ],
    { record_delimiter: '\r\n' },
  );
}

export const MATCH_COLUMNS = ['match_id', 'created_at', 'status', 'rule', 'strategy', 'confidence', 'currency', 'difference', 'lines', 'line_total', 'items', 'item_total', 'effects', 'decided_by', 'reason'] as const;

/** Matches by the caller's conditions (the list's own scope and filters), newest first. */
export async function matchesCsv(db: Db, where: SQL): Promise<string> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      -- The list's conditions name the table's own columns ("cod"."recon_matches"."status"), so they go where it is
      -- read without an alias; the rest reads the chosen rows as m.
      with m as (
        select * from cod.recon_matches where ${where} order by created_at desc, id desc limit ${MAX_EXPORT_ROWS + 1}
      )
      select m.id::text as id, m.created_at, m.status, m.rule_id, m.strategy, m.confidence::text as confidence, m.currency, m.difference::text as difference,
             (select string_agg(l.line_id::text, ' ' order by l.line_id) from cod.recon_match_lines l where l.match_id = m.id) as lines,
             (select sum(b.amount)::text from cod.recon_match_lines l join cod.bank_statement_lines b on b.id = l.line_id where l.match_id = m.id) as line_total,
             (select string_agg(i.item_kind || ':' || i.item_id::text, ' ' order by i.item_kind, i.item_id) from cod.recon_match_items i where i.match_id = m.id) as items,
             (select sum(i.amount)::text from cod.recon_match_items i where i.match_id = m.id) as item_total,
             (select string_agg(e, '; ') from jsonb_array_elements_text(m.effects) as e) as effects,
             m.decided_by, m.reason
        from m
       order by m.created_at desc, m.id desc
`),
  );
  if (rows.length > MAX_EXPORT_ROWS) throw tooLarge('the list of matches');
  return stringify(
    [
      [...MATCH_COLUMNS],
      ...rows.map((r) => [
        plain(r.id),
        r.created_at instanceof Date ? r.created_at.toISOString() : plain(r.created_at),
        plain(r.status),
        text(r.rule_id),
        plain(r.strategy),
        plain(r.confidence),
        plain(r.currency),
        plain(r.difference),
        plain(r.lines),
        plain(r.line_total),
        plain(r.items),
        plain(r.item_total),
        text(r.effects),
        text(r.decided_by),
        text(r.reason),
      ]),
    ],
    { record_delimiter: '\r\n' },
  );
}
