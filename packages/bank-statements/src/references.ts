/**
 * Indian payment references in what a bank statement gives (DOMAIN.md, Reconciliation): a NEFT UTR (22 characters,
 * `SBINN52026113012345678`; 16 before 2024, `SBINN12345678901`), an RTGS UTR (`XXXXRCYYYYMMDD########`) or a UPI/IMPS
 * RRN (12 digits). Banks put them in different places (camt Refs/TxId or EndToEndId, AcctSvcrRef, MT940's bank
 * reference, the narration "UTR: …"), so the readers look in each, in that order, and record the first one found as
 * `references.utr`: the key a payout or an aggregator credit is matched on.
 */
import type { LineReferences, ParsedStatement } from './model.js';

const NEFT = /^[A-Z]{4}N([0-9A-Z]\d{16}|\d{11})$/;
const RTGS = /^[A-Z]{4}R[0-9A-Z]\d{16}$/;
const RRN = /^\d{12}$/;

export function isIndianPaymentReference(value: string): boolean {
  return NEFT.test(value) || RTGS.test(value) || RRN.test(value);
}

/** A labelled reference in a narration ("UTR: SBIN…", "RRN 412345678901"), else a token shaped as a UTR. */
function fromText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const upper = text.toUpperCase();
  const labelled = /\b(?:UTR|RRN|UTR NO|REF NO)[\s.:#/-]*([A-Z0-9]{12,22})\b/.exec(upper);
  if (labelled && isIndianPaymentReference(labelled[1]!)) return labelled[1];
  return upper.split(/[^A-Z0-9]+/).find((token) => NEFT.test(token) || RTGS.test(token));
}

export function indianPaymentReference(references: LineReferences, remittance?: string): string | undefined {
  const fields = [references.transactionId, references.endToEndId, references.accountServicerReference, references.ownerReference];
  const field = fields.find((value): value is string => value !== undefined && isIndianPaymentReference(value.toUpperCase()))?.toUpperCase();
  const text = fromText(remittance);
  // A 16-character field (MT940's bank reference) can hold only the start of a 22-character UTR the narration gives whole.
  if (field && text && text.length > field.length && text.startsWith(field)) return text;
  return field ?? text;
}

/** Sets `references.utr` on each line (and batch transaction) that carries one and has none yet. */
export function withIndianReferences<T extends ParsedStatement>(statements: T[]): T[] {
  for (const statement of statements) {
    for (const line of statement.lines) {
      if (line.references.utr === undefined) {
        const utr = indianPaymentReference(line.references, line.remittanceInformation);
        if (utr) line.references.utr = utr;
      }
      for (const transaction of line.transactions ?? []) {
        if (transaction.references.utr !== undefined) continue;
        const utr = indianPaymentReference(transaction.references, transaction.remittanceInformation);
        if (utr) transaction.references.utr = utr;
      }
    }
  }
  return statements;
}
