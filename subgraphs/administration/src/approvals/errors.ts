import { ExpectedError } from '@postal/errors';

/** Stable codes of the approvals inbox, as clients see them in `extensions.code`. */
export class ApprovalNotFoundError extends ExpectedError {
  constructor() {
    super('APPROVAL_NOT_FOUND', 'there is no such approval request');
  }
}

export class MakerCannotApproveError extends ExpectedError {
  constructor() {
    super('MAKER_CANNOT_APPROVE', 'a request is decided by someone other than the person who made it');
  }
}

export class ApprovalExpiredError extends ExpectedError {
  constructor(expiresAt: Date) {
    super('APPROVAL_EXPIRED', 'the request expired before anyone decided it; submit it again', {
      details: { expiresAt: expiresAt.toISOString() },
    });
  }
}

export class ApprovalNotPendingError extends ExpectedError {
  constructor(status: string) {
    super('APPROVAL_NOT_PENDING', `the request has already been decided (${status})`, { details: { status } });
  }
}

export class PayloadTamperedError extends ExpectedError {
  constructor() {
    // Refused, never "fixed": the stored payload is not what was submitted, so nobody knows what would be approved.
    super('PAYLOAD_TAMPERED', 'the stored payload no longer matches its hash; the request cannot be decided');
  }
}

export class UnknownApprovalKindError extends ExpectedError {
  constructor(kind: string) {
    super('UNKNOWN_APPROVAL_KIND', `there is no approval kind ${kind}`, { field: 'kind' });
  }
}
