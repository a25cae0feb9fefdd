import type { LedgerActor } from './tables.js';

export type { LedgerActor };
export type PostingSide = 'DEBIT' | 'CREDIT';

/** A posting as asked for: the amount as the caller wrote it (a decimal string), checked by the domain. */
export interface PostingInput {
  accountCode: string;
  side: PostingSide;
  amount: string;
  /** Optional: when given it must be the account's (CURRENCY_MISMATCH otherwise). */
  currency?: string | null;
}

/** What a caller asks the ledger to post (the GraphQL input, and a manual journal's approved payload). */
export interface PostEntryCommand {
  idempotencyKey: string;
  officeCode: string;
  /** YYYY-MM-DD; the office's business date today when absent. */
  effectiveDate?: string | null;
  description: string;
  source: { type: string; reference?: string | null };
  postings: PostingInput[];
}

export interface PostingRecord {
  line: number;
  accountCode: string;
  side: PostingSide;
  /** Exact decimal string as stored. */
  amount: string;
  currency: string;
}

export interface JournalEntryRecord {
  id: string;
  seq: number;
  officeCode: string;
  effectiveDate: string;
  description: string;
  sourceType: string;
  sourceReference: string | null;
  actor: LedgerActor;
  approvedBy: LedgerActor | null;
  approvalRequestId: string | null;
  idempotencyKey: string;
  requestHash: string;
  reversesEntryId: string | null;
  holdId: string | null;
  postedAt: Date;
  postings: PostingRecord[];
}

export type HoldStatus = 'PENDING' | 'CAPTURED' | 'VOIDED' | 'EXPIRED';

export interface HoldRecord {
  id: string;
  officeCode: string;
  description: string;
  sourceType: string;
  sourceReference: string | null;
  debitAccountCode: string;
  creditAccountCode: string;
  amount: string;
  currency: string;
  status: HoldStatus;
  expiresAt: Date | null;
  actor: LedgerActor;
  idempotencyKey: string;
  createdAt: Date;
  resolvedAt: Date | null;
  capturedAmount: string | null;
  captureEntryId: string | null;
  resolutionReason: string | null;
}

/** How an entry came to be posted, beyond what the command says: who, and on whose approval. */
export interface PostingOrigin {
  actor: LedgerActor;
  /** A person's manual journal: the accounts must allow manual entries. */
  manual: boolean;
  approvedBy?: LedgerActor;
  approvalRequestId?: string;
  reversesEntryId?: string;
  holdId?: string;
}

/** The approvals inbox's request, as this subgraph refers to it (administration resolves the rest). */
export interface ApprovalRequestReference {
  id: string;
}
