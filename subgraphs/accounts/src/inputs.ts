import type { Decimal } from 'decimal.js';
import type { CaptureHoldInput, OpenAccountInput, PlaceHoldInput, PostJournalEntryInput } from './generated/resolvers-types.js';
import type { CaptureHoldCommand, PlaceHoldCommand } from './journal/holds.js';
import type { PostEntryCommand } from './journal/model.js';
import type { OpenAccountInput as OpenAccountCommand } from './ledger-accounts/service.js';

/*
 * GraphQL inputs to the services' commands. The Decimal scalar arrives as a decimal.js value; the ledger takes amounts
 * as the decimal text the caller wrote (plain notation: the scalar has already refused exponents and floats), so the
 * domain checks places and sign the same way for an API call, an approval payload and a batch.
 */

function amountText(value: Decimal): string {
  return value.toFixed();
}

export function postCommandOf(input: PostJournalEntryInput): PostEntryCommand {
  return {
    idempotencyKey: input.idempotencyKey,
    officeCode: input.officeCode,
    effectiveDate: input.effectiveDate ?? null,
    description: input.description,
    source: { type: input.source.type, reference: input.source.reference ?? null },
    postings: input.postings.map((posting) => ({
      accountCode: posting.accountCode,
      side: posting.side,
      amount: amountText(posting.amount),
      ...(posting.currency ? { currency: posting.currency } : {}),
    })),
  };
}

export function placeHoldCommandOf(input: PlaceHoldInput): PlaceHoldCommand {
  return {
    idempotencyKey: input.idempotencyKey,
    officeCode: input.officeCode,
    description: input.description,
    source: { type: input.source.type, reference: input.source.reference ?? null },
    debitAccountCode: input.debitAccountCode,
    creditAccountCode: input.creditAccountCode,
    amount: amountText(input.amount),
    expiresAt: input.expiresAt ?? null,
  };
}

export function captureHoldCommandOf(input: CaptureHoldInput): CaptureHoldCommand {
  return {
    holdId: input.holdId,
    amount: input.amount ? amountText(input.amount) : null,
    idempotencyKey: input.idempotencyKey,
    effectiveDate: input.effectiveDate ?? null,
  };
}

export function openAccountCommandOf(input: OpenAccountInput): OpenAccountCommand {
  return {
    code: input.code ?? null,
    name: input.name,
    type: input.type,
    kind: input.kind ?? 'DETAIL',
    parentCode: input.parentCode ?? null,
    headCode: input.headCode,
    currency: input.currency ?? null,
    officeCode: input.officeCode ?? null,
    balanceConstraint: input.balanceConstraint ?? 'NONE',
    allowManualEntries: input.allowManualEntries ?? true,
  };
}
