import type { Decimal } from 'decimal.js';
import type { CaptureHoldInput, PlaceHoldInput, PostJournalEntryInput, Resolvers } from '../generated/resolvers-types.js';
import { moneyOf } from '../reports/amounts.js';
import type { CaptureHoldCommand, PlaceHoldCommand } from './holds.js';
import type { HoldRecord, PostEntryCommand } from './model.js';

/*
 * Thin: arguments in, a call to the journal service (which holds the rules, authorization included), records out.
 *
 * GraphQL inputs become the services' commands here. The Decimal scalar arrives as a decimal.js value; the ledger takes
 * amounts as the decimal text the caller wrote (plain notation: the scalar has already refused exponents and floats),
 * so the domain checks places and sign the same way for an API call, an approval payload and a batch.
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

function holdMoney(hold: HoldRecord, amount: string) {
  return moneyOf(amount, hold.currency);
}

export const journalResolvers: Resolvers = {
  Query: {
    journalEntry: (_parent, { id }, { services, identity }) => services.journal.getEntry(identity, id),
    journalEntries: (_parent, { filter, first, after }, { services, identity }) => services.journal.listEntries(identity, filter ?? {}, first, after),
    hold: (_parent, { id }, { services, identity }) => services.journal.getHold(identity, id),
  },
  Mutation: {
    postJournalEntry: (_parent, { input }, context) => context.services.journal.postJournalEntry(context, postCommandOf(input)),
    reverseJournalEntry: (_parent, { id, reason, idempotencyKey }, context) => context.services.journal.reverseJournalEntry(context, { id, reason, idempotencyKey }),
    placeHold: (_parent, { input }, context) => context.services.journal.placeHold(context, placeHoldCommandOf(input)),
    captureHold: (_parent, { input }, context) => context.services.journal.captureHold(context, captureHoldCommandOf(input)),
    voidHold: (_parent, { id, reason }, context) => context.services.journal.voidHold(context, id, reason),
  },
  JournalEntry: {
    __resolveReference: (reference, { services, identity }) => services.journal.getEntry(identity, reference.id),
    sequence: (entry) => String(entry.seq),
    source: (entry) => ({ type: entry.sourceType, reference: entry.sourceReference }),
    approvalRequest: (entry) => (entry.approvalRequestId ? { id: entry.approvalRequestId } : null),
    reverses: (entry, _args, { services, identity }) => (entry.reversesEntryId ? services.journal.getEntry(identity, entry.reversesEntryId) : null),
    reversedBy: (entry, _args, { services, identity }) => services.journal.reversalOf(identity, entry.id),
  },
  Posting: {
    account: (posting, _args, { services, identity }) => services.accounts.getAccount(identity, posting.accountCode),
    amount: (posting) => moneyOf(posting.amount, posting.currency),
  },
  Hold: {
    source: (hold) => ({ type: hold.sourceType, reference: hold.sourceReference }),
    amount: (hold) => holdMoney(hold, hold.amount),
    capturedAmount: (hold) => (hold.capturedAmount === null ? null : holdMoney(hold, hold.capturedAmount)),
    captureEntry: (hold, _args, { services, identity }) => (hold.captureEntryId ? services.journal.getEntry(identity, hold.captureEntryId) : null),
  },
};
