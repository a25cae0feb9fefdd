import { scalarResolvers } from '@postal/scalars';
import type { Resolvers } from './generated/resolvers-types.js';
import { balanceOf } from './ledger-accounts/chart.js';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    officeLedgerStatus: (_parent, { officeCode }, { services, identity }) => services.accounts.officeLedgerStatus(identity, officeCode),
  },
  Office: {
    __resolveReference: (reference) => ({ code: reference.code }),
    ledgerAccounts: (office, _args, { services, identity }) => services.accounts.ledgerAccountsOf(identity, office.code),
  },
  Account: {
    __resolveReference: (reference, { services, identity }) => services.accounts.getAccount(identity, reference.code),
    balance: (account) => balanceOf(account),
  },
};
