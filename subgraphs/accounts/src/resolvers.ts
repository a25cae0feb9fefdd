import { scalarResolvers } from '@postal/scalars';
import { Decimal } from '@postal/money';
import type { Resolvers } from './generated/resolvers-types.js';
import { captureHoldCommandOf, openAccountCommandOf, placeHoldCommandOf, postCommandOf } from './inputs.js';
import type { HoldRecord } from './journal/model.js';
import { availableOf, balanceOf } from './ledger-accounts/chart.js';
import type { AccountRecord } from './ledger-accounts/model.js';
import { moneyOf } from './reports/amounts.js';

/*
 * Thin resolvers: arguments in, a service call, records out. The services hold the rules (authorization included);
 * field resolvers here only turn stored decimals into the API's Money.
 */

function detailMoney(account: AccountRecord, amount: string | Decimal) {
  return account.currency === null ? null : moneyOf(amount, account.currency);
}

function holdMoney(hold: HoldRecord, amount: string) {
  return moneyOf(amount, hold.currency);
}

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    account: (_parent, { code }, { services, identity }) => services.accounts.getAccount(identity, code),
    accounts: (_parent, { filter, first, after }, { services, identity }) => services.accounts.listAccounts(identity, filter ?? {}, first, after),
    journalEntry: (_parent, { id }, { services, identity }) => services.journal.getEntry(identity, id),
    journalEntries: (_parent, { filter, first, after }, { services, identity }) => services.journal.listEntries(identity, filter ?? {}, first, after),
    hold: (_parent, { id }, { services, identity }) => services.journal.getHold(identity, id),
    accountStatement: (_parent, args, { services, identity }) =>
      services.reports.accountStatement(identity, { accountCode: args.accountCode, from: args.from, to: args.to, first: args.first, after: args.after }),
    trialBalance: (_parent, { asOf, officeCode, currency }, { services, identity }) => services.reports.trialBalance(identity, { asOf, officeCode, currency }),
    businessDayCloses: (_parent, { officeCode, first }, { services, identity }) => services.businessDays.businessDayCloses(identity, officeCode, first),
    verifyLedger: (_parent, _args, { services, identity }) => services.ledger.verify(identity),
    officeLedgerStatus: (_parent, { officeCode }, { services, identity }) => services.accounts.officeLedgerStatus(identity, officeCode),
  },
  Mutation: {
    openAccount: (_parent, { input }, context) => context.services.accounts.openAccount(context, openAccountCommandOf(input)),
    setAccountStatus: (_parent, { code, status, reason }, context) => context.services.accounts.setAccountStatus(context, code, status, reason),
    postJournalEntry: (_parent, { input }, context) => context.services.journal.postJournalEntry(context, postCommandOf(input)),
    reverseJournalEntry: (_parent, { id, reason, idempotencyKey }, context) => context.services.journal.reverseJournalEntry(context, { id, reason, idempotencyKey }),
    placeHold: (_parent, { input }, context) => context.services.journal.placeHold(context, placeHoldCommandOf(input)),
    captureHold: (_parent, { input }, context) => context.services.journal.captureHold(context, captureHoldCommandOf(input)),
    voidHold: (_parent, { id, reason }, context) => context.services.journal.voidHold(context, id, reason),
    closeBusinessDay: (_parent, { officeCode, date }, context) => context.services.businessDays.closeBusinessDay(context, officeCode, date),
  },
  Office: {
    __resolveReference: (reference) => ({ code: reference.code }),
    ledgerAccounts: (office, _args, { services, identity }) => services.accounts.ledgerAccountsOf(identity, office.code),
    closedThrough: (office, _args, { services, identity }) => services.businessDays.closedThrough(identity, office.code),
  },
  Account: {
    __resolveReference: (reference, { services, identity }) => services.accounts.getAccount(identity, reference.code),
    children: (account, _args, { services, identity }) => (account.kind === 'HEADER' ? services.accounts.childrenOf(identity, account.code) : []),
    balance: (account) => balanceOf(account),
    debitTotal: (account) => detailMoney(account, account.debitTotal),
    creditTotal: (account) => detailMoney(account, account.creditTotal),
    pendingDebit: (account) => detailMoney(account, account.pendingDebit),
    pendingCredit: (account) => detailMoney(account, account.pendingCredit),
    available: (account) => availableOf(account),
  },
  JournalEntry: {
    __resolveReference: (reference, { services, identity }) => services.journal.getEntry(identity, reference.id),
    sequence: (entry) => String(entry.seq),
    source: (entry) => ({ type: entry.sourceType, reference: entry.sourceReference }),
    approvalRequest: (entry) => (entry.approvalRequestId ? { id: entry.approvalRequestId } : null),
    reverses: (entry, _args, { services, identity }) => (entry.reversesEntryId ? services.journal.getEntry(identity, entry.reversesEntryId) : null),
    reversedBy: (entry, _args, { services, identity }) => services.journal.reversalOf(identity, entry.id),
    chainHash: (entry, _args, { services }) => services.ledger.chainHashOf(entry.id),
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
  StatementLine: {
    entry: (line, _args, { services, identity }) => services.journal.getEntry(identity, line.entryId),
  },
};
