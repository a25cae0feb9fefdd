/**
 * The life of an approval request, as pure rules. The database enforces the same transitions with a trigger and the
 * same "checker is not the maker" with a CHECK, so a bug here or a hand-written UPDATE cannot get past both.
 *
 *   PENDING --approve--> APPROVED --owner executes--> EXECUTED
 *      |                    \------owner refuses---> FAILED   (a rule no longer held, or the payload did not verify)
 *      |--reject--> REJECTED
 *      \--expires_at passes--> EXPIRED
 *
 * FAILED exists because execution is later than approval and re-checks the rules: a grant approved on Monday can be
 * impossible on Tuesday (the maker lost the role, the target already holds it). That outcome is recorded, not retried.
 * A transient failure (the database is down) is not FAILED: the event is retried by the queue.
 */
export const APPROVAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'EXECUTED', 'FAILED'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

const TRANSITIONS: Readonly<Record<ApprovalStatus, readonly ApprovalStatus[]>> = {
  PENDING: ['APPROVED', 'REJECTED', 'EXPIRED'],
  APPROVED: ['EXECUTED', 'FAILED'],
  REJECTED: [],
  EXPIRED: [],
  EXECUTED: [],
  FAILED: [],
};

export function canTransition(from: ApprovalStatus, to: ApprovalStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** How long a request waits for a checker before it expires. Seven days covers a week's leave of the usual checker. */
export const DEFAULT_APPROVAL_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Upper bounds on the free text of a request. */
export const MAX_SUMMARY_LENGTH = 500;
export const MAX_DECISION_TEXT_LENGTH = 2_000;

export function expiresAtFor(createdAt: Date, ttlMs: number): Date {
  return new Date(createdAt.getTime() + ttlMs);
}

export function isOverdue(request: { status: ApprovalStatus; expiresAt: Date }, now: Date): boolean {
  return request.status === 'PENDING' && request.expiresAt.getTime() <= now.getTime();
}

/**
 * The status a reader should see: a PENDING request past its expiry is EXPIRED whether or not the sweep has marked it
 * yet, so the inbox never offers something that can no longer be approved.
 */
export function effectiveStatus(request: { status: ApprovalStatus; expiresAt: Date }, now: Date): ApprovalStatus {
  return isOverdue(request, now) ? 'EXPIRED' : request.status;
}

export type DecisionRefusal = 'MAKER_CANNOT_APPROVE' | 'APPROVAL_EXPIRED' | 'APPROVAL_NOT_PENDING' | 'PAYLOAD_TAMPERED';

/**
 * Whether a checker (already known to hold the kind's permission over the request's office) may decide this request
 * now. The order is the order of the answers a caller sees: who they are first, then the request's state, and the
 * payload's integrity last (it is only worth hashing a request that could otherwise be decided).
 */
export function decisionRefusal(
  request: { maker: { id: string }; status: ApprovalStatus; expiresAt: Date },
  checkerId: string,
  now: Date,
  payloadVerifies: () => boolean,
): DecisionRefusal | undefined {
  if (request.maker.id === checkerId) return 'MAKER_CANNOT_APPROVE';
  if (request.status === 'EXPIRED' || isOverdue(request, now)) return 'APPROVAL_EXPIRED';
  if (request.status !== 'PENDING') return 'APPROVAL_NOT_PENDING';
  if (!payloadVerifies()) return 'PAYLOAD_TAMPERED';
  return undefined;
}
