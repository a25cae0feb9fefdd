import { verifyApprovalPayloadMac } from '@postal/auth';
import { Decimal, formatIndian, money } from '@postal/money';
import { z } from 'zod';
import { LIMITS } from '../journal/domain.js';
import type { PostEntryCommand } from '../journal/model.js';

/*
 * What a MANUAL_JOURNAL approval request carries: the command exactly as it will be executed once approved, so the
 * checker approves the entry itself and not a description of it. The inbox hashes the payload over canonical JSON and
 * takes only strings, safe integers, booleans, null, objects and arrays (it goes through jsonb and back): so amounts
 * are decimal strings, an absent optional is null (never undefined), and nothing here is a Date or a Decimal.
 *
 * The schemas are strict: a key the executor would not act on is refused, because the checker would have approved
 * something that is not what gets posted.
 */

/** The limits of the inbox (administration's approvals/domain.ts): a summary has 1 to 500 characters. */
export const MAX_SUMMARY_LENGTH = 500;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const postingSchema = z.strictObject({
  accountCode: z.string().min(1).max(100),
  side: z.enum(['DEBIT', 'CREDIT']),
  /** A decimal string as the maker wrote it; the ledger's own rules (INVALID_AMOUNT, ...) judge it at execution. */
  amount: z.string().min(1).max(64),
  /** Only when the maker named it (it must then be the account's); absent otherwise, never null or undefined. */
  currency: z.string().min(1).max(3).optional(),
});

/** The command of a manual journal, with its business date fixed when it was submitted (see postPayload). */
const postCommandSchema = z.strictObject({
  idempotencyKey: z.string().min(1).max(LIMITS.idempotencyKey),
  officeCode: z.string().min(1).max(64),
  effectiveDate: z.string().regex(DATE, 'a date as YYYY-MM-DD'),
  description: z.string().min(1).max(LIMITS.description),
  source: z.strictObject({ type: z.string().min(1).max(40), reference: z.string().max(LIMITS.sourceReference).nullable() }),
  postings: z.array(postingSchema).min(2).max(LIMITS.postings),
});

export const manualJournalPayloadSchema = z.discriminatedUnion('operation', [
  z.strictObject({ operation: z.literal('POST'), command: postCommandSchema }),
  z.strictObject({
    operation: z.literal('REVERSE'),
    entryId: z.uuid(),
    reason: z.string().min(1).max(LIMITS.reason),
    idempotencyKey: z.string().min(1).max(LIMITS.idempotencyKey),
  }),
]);

export type ManualJournalPayload = z.output<typeof manualJournalPayloadSchema>;
export type ManualPostPayload = Extract<ManualJournalPayload, { operation: 'POST' }>;
export type ManualReversePayload = Extract<ManualJournalPayload, { operation: 'REVERSE' }>;

export type PayloadParse = { ok: true; payload: ManualJournalPayload } | { ok: false; problem: string };

/** Reads an approved payload back; the problem names the first offending field. */
export function parseManualJournalPayload(value: unknown): PayloadParse {
  const parsed = manualJournalPayloadSchema.safeParse(value);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, problem: `${where}${issue?.message ?? 'not a manual journal'}` };
}

/**
 * The payload of a manual journal. The business date is fixed now (`today`, the office's business date, when the
 * maker left it out): the checker approves an entry for a date, and if that day has been closed by the time they
 * approve, the execution fails with DAY_CLOSED rather than silently moving the entry to another day.
 */
export function postPayload(command: PostEntryCommand, today: string): ManualPostPayload {
  return {
    operation: 'POST',
    command: {
      idempotencyKey: command.idempotencyKey,
      officeCode: command.officeCode,
      effectiveDate: command.effectiveDate ?? today,
      description: command.description,
      source: { type: command.source.type, reference: command.source.reference ?? null },
      postings: command.postings.map((posting) => ({
        accountCode: posting.accountCode,
        side: posting.side,
        amount: String(posting.amount),
        ...(posting.currency ? { currency: posting.currency } : {}),
      })),
    },
  };
}

export function reversePayload(input: { entryId: string; reason: string; idempotencyKey: string }): ManualReversePayload {
  return { operation: 'REVERSE', entryId: input.entryId, reason: input.reason, idempotencyKey: input.idempotencyKey };
}

/** The command a POST payload executes (the ledger's PostEntryCommand). */
export function commandOf(payload: ManualPostPayload): PostEntryCommand {
  const { command } = payload;
  return {
    idempotencyKey: command.idempotencyKey,
    officeCode: command.officeCode,
    effectiveDate: command.effectiveDate,
    description: command.description,
    source: { type: command.source.type, reference: command.source.reference },
    postings: command.postings.map((posting) => ({ ...posting })),
  };
}

/**
 * Whether the approved MAC (the inbox's payloadHash: HMAC-SHA256 of kind and payload keyed from IDENTITY_SECRET, see
 * @postal/auth approvalPayloadMac) is this payload's. Checked before anything is executed: a payload altered in the
 * inbox's database, even with a recomputed plain hash, is refused.
 */
export function payloadIntact(identitySecret: string, kind: string, payload: unknown, mac: string): boolean {
  return verifyApprovalPayloadMac(identitySecret, kind, payload, mac);
}

/**
 * The inbox's one line for a manual journal, e.g.
 * "Manual journal at NDGPO, 2026-11-22: 1,050.00 INR, 2 postings — Cash short at counter 3". The amount is the sum of
 * the debits in each currency (equal to the credits once the entry balances), in the Indian grouping. For a command
 * the ledger has already validated: `currencyOf` answers each account's currency.
 */
export function postSummary(command: ManualPostPayload['command'], currencyOf: (accountCode: string) => string): string {
  const totals = new Map<string, Decimal>();
  for (const posting of command.postings) {
    if (posting.side !== 'DEBIT') continue;
    const currency = currencyOf(posting.accountCode);
    totals.set(currency, (totals.get(currency) ?? new Decimal(0)).plus(new Decimal(posting.amount)));
  }
  const amounts = [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, total]) => `${formatIndian(money(total, currency))} ${currency}`);
  const count = command.postings.length;
  const head = `Manual journal at ${command.officeCode}, ${command.effectiveDate}: ${amounts.join(' + ')}, ${count} posting${count === 1 ? '' : 's'}`;
  return withDescription(head, command.description);
}

/** The inbox's line for a manual reversal: "Reversal of journal entry <id> at NDGPO (<description>) — <reason>". */
export function reverseSummary(input: { entryId: string; officeCode: string; description: string; reason: string }): string {
  return withDescription(`Reversal of journal entry ${input.entryId} at ${input.officeCode} (${clip(input.description, 120)})`, input.reason);
}

/** The head, then as much of the free text as the inbox's limit leaves room for. */
function withDescription(head: string, text: string): string {
  const separator = ' — ';
  const room = MAX_SUMMARY_LENGTH - head.length - separator.length;
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0 || room < 2) return clip(head, MAX_SUMMARY_LENGTH);
  return `${head}${separator}${clip(trimmed, room)}`;
}

/** At most `length` characters (UTF-16 units, as the inbox counts them), an ellipsis marking a cut. */
function clip(text: string, length: number): string {
  if (text.length <= length) return text;
  // Do not cut a surrogate pair in half.
  let end = length - 1;
  if (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}
