import type { Identity } from '@postal/auth';
import type { ArticleDeps } from '../articles/deps.js';
import { listCodExceptions, type ExceptionFilter } from '../exceptions/service.js';
import { listCodDeposits, postmanDaySheet, type DepositFilter } from './queries.js';
import { recordPostmanDeposit, type DepositInput } from './service.js';

/** Deposits, the day sheet and the exceptions list, as the resolvers call them. */
export function createDepositService(deps: ArticleDeps) {
  return {
    record: (identity: Identity, input: DepositInput, requestId?: string) => recordPostmanDeposit(deps, identity, input, requestId),
    list: (identity: Identity, filter: DepositFilter | null | undefined, first: number | null | undefined, after?: string | null) => listCodDeposits(deps, identity, filter, first, after),
    daySheet: (identity: Identity, officeCode: string, postmanId: string, date: string) => postmanDaySheet(deps, identity, officeCode, postmanId, date),
    exceptions: (identity: Identity, filter: ExceptionFilter | null | undefined, first: number | null | undefined, after?: string | null) => listCodExceptions(deps, identity, filter, first, after),
  };
}

export type DepositService = ReturnType<typeof createDepositService>;
