import { Decimal } from '@postal/money';
import type { OpenAccountInput, Resolvers } from '../generated/resolvers-types.js';
import { moneyOf } from '../reports/amounts.js';
import { availableOf, balanceOf } from './chart.js';
import type { AccountRecord } from './model.js';
import type { OpenAccountInput as OpenAccountCommand } from './service.js';

/*
 * Thin: arguments in, a call to the account service (which holds the rules, authorization included), records out.
 * Field resolvers only turn stored decimals into the API's Money.
 */

function detailMoney(account: AccountRecord, amount: string | Decimal) {
  return account.currency === null ? null : moneyOf(amount, account.currency);
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

export const ledgerAccountResolvers: Resolvers = {
  Query: {
    account: (_parent, { code }, { services, identity }) => services.accounts.getAccount(identity, code),
    accounts: (_parent, { filter, first, after }, { services, identity }) => services.accounts.listAccounts(identity, filter ?? {}, first, after),
    officeLedgerStatus: (_parent, { officeCode }, { services, identity }) => services.accounts.officeLedgerStatus(identity, officeCode),
  },
  Mutation: {
    openAccount: (_parent, { input }, context) => context.services.accounts.openAccount(context, openAccountCommandOf(input)),
    setAccountStatus: (_parent, { code, status, reason }, context) => context.services.accounts.setAccountStatus(context, code, status, reason),
  },
  Office: {
    __resolveReference: (reference) => ({ code: reference.code }),
    ledgerAccounts: (office, _args, { services, identity }) => services.accounts.ledgerAccountsOf(identity, office.code),
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
};
