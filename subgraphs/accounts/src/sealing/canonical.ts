import { canonicalJson } from '@postal/events';

/**
 * The canonical form of a journal entry with its postings: the exact bytes its seal's entry hash covers. It must come
 * out the same on every machine and in every release for the same stored rows, or verifyLedger would report tampering
 * that never happened; so it is one pure function, and any change to it is a new format version (the `format` field).
 *
 * Format `postal-journal-entry/1`: canonical JSON (@postal/events: RFC 8785 style, keys sorted, no whitespace) of
 *   { format, id, seq, officeCode, effectiveDate, description, sourceType, sourceReference, actor, approvedBy,
 *     approvalRequestId, idempotencyKey, requestHash, reversesEntryId, holdId, postedAt,
 *     postings: [{ line, accountCode, side, amount, currency }] }
 * - Every column is present, absent ones as null, so a field cannot be dropped or added without changing the hash.
 * - Values are read from PostgreSQL as text and hashed as that text, never round-tripped through JavaScript numbers
 *   or Dates: `seq` is the bigint's decimal text, `amount` is `numeric::text` exactly as stored (`10.50` and `10.5`
 *   are different bytes: a change of scale is a change), `effectiveDate` is `YYYY-MM-DD`, `postedAt` is UTC with
 *   microseconds (`2026-11-22T10:15:00.123456Z`), the precision PostgreSQL stores, so no stored digit escapes.
 * - `actor` and `approvedBy` are the jsonb values (parsed from their text), serialised canonically.
 * - Postings are in line order; `line` is a JSON integer.
 * - Text is hashed as stored: no Unicode normalisation.
 * The entry's xid is not part of it: it is where the entry sits in the sealing order, which the seal records itself.
 */
export const JOURNAL_CANONICAL_FORMAT = 'postal-journal-entry/1';

/** A posting as the seal sees it: every hashed column, as text where PostgreSQL's text is the exact value. */
export interface CanonicalPostingFields {
  line: number;
  accountCode: string;
  side: string;
  /** `amount::text`. */
  amount: string;
  currency: string;
}

/** A stored journal entry as the seal sees it (see the format above). */
export interface CanonicalEntryFields {
  id: string;
  /** `seq::text`: a bigint, kept exact. */
  seq: string;
  officeCode: string;
  /** `effective_date::text`: YYYY-MM-DD. */
  effectiveDate: string;
  description: string;
  sourceType: string;
  sourceReference: string | null;
  actor: unknown;
  approvedBy: unknown;
  approvalRequestId: string | null;
  idempotencyKey: string;
  requestHash: string;
  reversesEntryId: string | null;
  holdId: string | null;
  /** UTC with microseconds, as CANONICAL_INSTANT describes. */
  postedAt: string;
  postings: readonly CanonicalPostingFields[];
}

/** The fixed instant format of the canonical form (what `to_char(... 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` writes). */
export const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CANONICAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** What `numeric::text` writes for a positive amount (no exponent, no sign, no NaN). */
const CANONICAL_AMOUNT = /^\d+(\.\d+)?$/;
const CANONICAL_SEQ = /^[1-9]\d*$/;

/** The canonical text of an entry; throws on a value that is not in the form the columns are read in. */
export function canonicalEntry(entry: CanonicalEntryFields): string {
  requireText(entry.seq, CANONICAL_SEQ, 'seq', "a positive integer's text");
  requireText(entry.effectiveDate, CANONICAL_DATE, 'effectiveDate', 'YYYY-MM-DD');
  requireText(entry.postedAt, CANONICAL_INSTANT, 'postedAt', 'a canonical instant');
  const postings = [...entry.postings].sort((a, b) => a.line - b.line).map(canonicalPosting);
  return canonicalJson({
    format: JOURNAL_CANONICAL_FORMAT,
    id: entry.id,
    seq: entry.seq,
    officeCode: entry.officeCode,
    effectiveDate: entry.effectiveDate,
    description: entry.description,
    sourceType: entry.sourceType,
    sourceReference: entry.sourceReference,
    actor: entry.actor,
    approvedBy: entry.approvedBy,
    approvalRequestId: entry.approvalRequestId,
    idempotencyKey: entry.idempotencyKey,
    requestHash: entry.requestHash,
    reversesEntryId: entry.reversesEntryId,
    holdId: entry.holdId,
    postedAt: entry.postedAt,
    postings,
  });
}

function canonicalPosting(posting: CanonicalPostingFields): Record<string, unknown> {
  if (!Number.isSafeInteger(posting.line)) throw new TypeError(`line is not an integer: ${posting.line}`);
  requireText(posting.amount, CANONICAL_AMOUNT, 'amount', "a decimal's text");
  return { line: posting.line, accountCode: posting.accountCode, side: posting.side, amount: posting.amount, currency: posting.currency };
}

/** Text in the given form; a number or a Date that happens to print that way is a caller's mistake, not the text. */
function requireText(value: unknown, form: RegExp, field: string, what: string): void {
  if (typeof value !== 'string' || !form.test(value)) throw new TypeError(`${field} is not ${what}: ${String(value)}`);
}
