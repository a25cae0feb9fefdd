import { money } from '@postal/money';
import { toMoneyOutput } from '@postal/scalars';
import type { Context } from '../context.js';
import type { CodExceptionView } from '../exceptions/repository.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { DaySheet } from './queries.js';
import type { DepositRow } from './repository.js';

const deposit = (parent: unknown) => parent as DepositRow;
const sheet = (parent: unknown) => parent as DaySheet;
const exception = (parent: unknown) => parent as CodExceptionView;
const depositMoney = (parent: unknown, key: 'expected' | 'deposited' | 'shortage' | 'excess') => toMoneyOutput(money(deposit(parent)[key], deposit(parent).currency));
const sheetMoney = (parent: unknown, key: 'cashCollected' | 'digitalCollected' | 'cashExpected') => toMoneyOutput(money(sheet(parent)[key], sheet(parent).currency));

export const depositResolvers: Resolvers<Context> = {
  Query: {
    codDeposits: (_parent, { filter, first, after }, context) => context.services.deposits.list(context.identity, filter, first, after) as never,
    codExceptions: (_parent, { filter, first, after }, context) => context.services.deposits.exceptions(context.identity, filter, first, after) as never,
    postmanDaySheet: (_parent, { officeCode, postmanId, date }, context) => context.services.deposits.daySheet(context.identity, officeCode, postmanId, date) as never,
  },
  Mutation: {
    recordPostmanDeposit: (_parent, { input }, context) => context.services.deposits.record(context.identity, input, context.requestId) as never,
  },
  CodPostmanDeposit: {
    expected: (parent) => depositMoney(parent, 'expected'),
    deposited: (parent) => depositMoney(parent, 'deposited'),
    shortage: (parent) => depositMoney(parent, 'shortage'),
    excess: (parent) => depositMoney(parent, 'excess'),
    depositedAt: (parent) => deposit(parent).depositedAt.toISOString(),
  },
  CodPostmanDaySheet: {
    cashCollected: (parent) => sheetMoney(parent, 'cashCollected'),
    digitalCollected: (parent) => sheetMoney(parent, 'digitalCollected'),
    cashExpected: (parent) => sheetMoney(parent, 'cashExpected'),
  },
  CodException: {
    type: (parent) => exception(parent).type as never,
    status: (parent) => exception(parent).status as never,
    amount: (parent) => toMoneyOutput(money(exception(parent).amount, exception(parent).currency)),
    raisedAt: (parent) => exception(parent).raisedAt.toISOString(),
  },
};
