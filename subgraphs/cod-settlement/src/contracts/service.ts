import { randomUUID } from 'node:crypto';
import type { SignedRequestContext } from '@postal/auth';
import { assertCan } from '@postal/authz';
import { businessDate, isCalendarDate } from '@postal/calendar';
import { transaction, type Tx } from '@postal/db';
import { BadUserInputError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { auditEvent } from '@postal/server';
import { visibleBiller } from '../billers/access.js';
import type { BillerDeps } from '../billers/deps.js';
import { assertNotClosed } from '../billers/errors.js';
import { lockBiller, type BillerRow } from '../billers/repository.js';
import { outbox, processedEvents } from '../db-schema.js';
import { selectFeeSchedule, type CodFeeSchedule } from '../fees/domain.js';
import { feeSchedulesInForce } from '../fees/repository.js';
import { checkEffectiveFrom, contractTerms, type ContractTerms, type ContractTermsInput } from './domain.js';
import { ContractError } from './errors.js';
import { contractFrom, contractInForce, contractVersions, insertContract, lastVersionNumber, type ContractRow } from './repository.js';

export interface ContractVersionInput extends ContractTermsInput {
  effectiveFrom: string;
}

/** The operator's fee schedule in force on a date, in its currency (reference data, read outside any transaction). */
export async function feeScheduleOn(deps: BillerDeps, onDate: string): Promise<CodFeeSchedule> {
  return selectFeeSchedule(await feeSchedulesInForce(deps.database.db, onDate), onDate, deps.currency);
}

/**
 * Inserts the next version of a biller's contract, on the biller's locked row (so two versions never take one number):
 * CONTRACT_VERSION_EXISTS when a version already starts that day. Registration calls it for version 1.
 */
export async function insertContractVersionInTx(
  tx: Tx,
  biller: BillerRow,
  effectiveFrom: string,
  terms: ContractTerms,
  change: { createdBy: string; now: Date },
): Promise<ContractRow> {
  if (await contractFrom(tx, biller.id, effectiveFrom)) {
    throw new ContractError('CONTRACT_VERSION_EXISTS', `biller ${biller.code} already has a contract version from ${effectiveFrom}`, {
      field: 'effectiveFrom',
      details: { billerCode: biller.code, effectiveFrom },
    });
  }
  const version = (await lastVersionNumber(tx, biller.id)) + 1;
  return insertContract(tx, { id: randomUUID(), billerId: biller.id, version, effectiveFrom, ...terms, createdBy: change.createdBy, createdAt: change.now });
}

/** What an audit record says about a version (plain data: strings for amounts and dates). */
export function contractSummary(contract: ContractRow): Record<string, unknown> {
  return {
    contractId: contract.id,
    version: contract.version,
    effectiveFrom: contract.effectiveFrom,
    feeSource: contract.feeSource,
    settlementCycleDays: contract.settlementCycleDays,
    payoutWeekdays: contract.payoutWeekdays,
    earlySettlementDays: contract.earlySettlementDays,
    earlySettlementFeePercent: contract.earlySettlementFeePercent,
    maxArticleAmount: contract.maxArticleAmount,
    disputeWindowDays: contract.disputeWindowDays,
    bankDetailsHoldDays: contract.bankDetailsHoldDays,
    holidayCalendar: contract.holidayCalendar,
  };
}

export function createContractService(deps: BillerDeps) {
  const today = () => businessDate(deps.clock(), deps.timeZone);
  /** The date asked about, or today's business date. */
  const dateOrToday = (onDate: string | null | undefined): string => {
    const date = onDate ?? today();
    if (!isCalendarDate(date)) throw new BadUserInputError('onDate', 'onDate is a date, YYYY-MM-DD');
    return date;
  };
  return {
    /**
     * A new version of the biller's contract from `effectiveFrom` (today or later), with cod.biller.manage over the
     * biller's settlement office. Terms left out take the defaults (contracts/domain.ts); the fee rule is the schedule
     * in force on that day unless negotiated.
     */
    async createVersion(context: SignedRequestContext, billerId: string, input: ContractVersionInput): Promise<{ contract: ContractRow; biller: BillerRow }> {
      const biller = await visibleBiller(deps.database.db, context.identity, billerId);
      assertCan(context.identity, 'cod.biller.manage', biller.settlementOfficePath);
      assertNotClosed(biller);
      if (!isCalendarDate(input.effectiveFrom)) throw new BadUserInputError('effectiveFrom', 'effectiveFrom is a date, YYYY-MM-DD');
      checkEffectiveFrom(input.effectiveFrom, today());
      const terms = contractTerms(input, await feeScheduleOn(deps, input.effectiveFrom));
      return transaction(deps.database, 'read committed', async (tx) => {
        const locked = (await lockBiller(tx, billerId))!;
        assertNotClosed(locked);
        const contract = await insertContractVersionInTx(tx, locked, input.effectiveFrom, terms, { createdBy: context.identity.kind === 'staff' ? context.identity.username : 'service', now: deps.clock() });
        await stageEvents(tx, { outbox, processedEvents }, [
          auditEvent('cod-settlement', context, {
            action: 'COD_CONTRACT_VERSION_CREATED',
            outcome: 'SUCCESS',
            target: { type: 'Biller', id: locked.code },
            officeCode: locked.settlementOfficeCode,
            after: contractSummary(contract),
          }),
        ]);
        return { contract, biller: locked };
      });
    },

    dateOrToday,

    /** The version in force on `onDate` (default today), for a biller the caller has already been shown. */
    async inForce(billerId: string, onDate: string | null | undefined): Promise<ContractRow | null> {
      return (await contractInForce(deps.database.db, billerId, dateOrToday(onDate))) ?? null;
    },

    versions: (billerId: string) => contractVersions(deps.database.db, billerId),
  };
}

export type ContractService = ReturnType<typeof createContractService>;
