import type { Identity } from '@postal/auth';
import type { Database, Tx } from '@postal/db';
import { assertCan, assertHolds } from '@postal/authz';
import type { Decimal } from '@postal/money';
import { businessDate } from '@postal/calendar';
import { makerIdOf } from '../approvals/administration-client.js';
import { assertHoldsAny } from '../limits/service.js';
import { findRootOffice } from '../offices/repository.js';
import { OfficeNotFoundError } from '../orders/errors.js';
import type { ApprovalSubmitter } from '../orders/deps.js';
import { planTariffChange, proposedVersion, tariffChangeSummary, type TariffChangePayload, type TariffProposalInput } from './change.js';
import { quoteMoneyOrder, selectTariff, type MoneyOrderProduct, type TariffVersion } from './domain.js';
import { TariffError } from './errors.js';
import { endTariff, insertTariff, listTariffs, lockProductTariffs, tariffsInForce } from './repository.js';

export interface TariffServiceOptions {
  database: Database;
  clock: () => Date;
  timeZone: string;
  /** The operator's currency: only its tariffs apply. */
  currency: string;
  /** Administration's inbox, where tariff changes wait for a checker; absent where nothing is proposed (tests). */
  approvals?: ApprovalSubmitter;
}

export function createTariffService(options: TariffServiceOptions) {
  const today = () => businessDate(options.clock(), options.timeZone);
  return {
    /** What a money order of `amount` costs today at the counter, under the tariff in force today. */
    async quote(identity: Identity, amount: Decimal, product: MoneyOrderProduct) {
      assertHolds(identity, 'mo.quote');
      const onDate = today();
      const versions = await tariffsInForce(options.database.db, product, onDate, options.currency);
      const tariff = selectTariff(versions, product, onDate);
      return { product, ...quoteMoneyOrder(tariff, amount) };
    },

    /** The operator's versions, past, current and scheduled. Counter staff and tariff officers may read them. */
    async list(identity: Identity, product?: MoneyOrderProduct | null): Promise<TariffVersion[]> {
      assertHoldsAny(identity, ['mo.quote', 'mo.tariff.manage', 'mo.tariff.approve']);
      return listTariffs(options.database.db, options.currency, product ?? undefined);
    },

    /**
     * Proposes a new version from a future day, as an MO_TARIFF_CHANGE request in administration's inbox; a checker
     * approves it and the executor inserts it (applyTariffChangeInTx). A tariff is the whole network's, so the maker
     * needs mo.tariff.manage over the root office and the request is at the root office (the checker needs
     * mo.tariff.approve there). Checked now, and all again when approved.
     */
    async propose(identity: Identity, input: TariffProposalInput, requestId: string): Promise<{ id: string }> {
      assertHolds(identity, 'mo.tariff.manage');
      const root = await findRootOffice(options.database.db);
      if (!root) throw new OfficeNotFoundError('(root)', 'officeCode');
      assertCan(identity, 'mo.tariff.manage', root);
      const tariff = proposedVersion(input, options.currency, today());
      // A conflict found now spares the checker a request that could only fail.
      planTariffChange(await listTariffs(options.database.db, options.currency, tariff.product), tariff);
      if (!options.approvals) throw new Error('tariff changes need the approvals inbox, which is not configured');
      const payload: TariffChangePayload = { tariff };
      return options.approvals.submit(
        { kind: 'MO_TARIFF_CHANGE', officeCode: root.code, summary: tariffChangeSummary(tariff), payload: payload as unknown as Record<string, unknown>, makerId: makerIdOf(identity) },
        requestId,
      );
    },
  };
}

/**
 * Inserts an approved version, ending the one open at its first day, on the product's locked versions. Refused
 * (EFFECTIVE_FROM_NOT_FUTURE) once its first day is no longer in the future: bookings made under the old tariff
 * since then would contradict the table. TARIFF_CONFLICT when another version starts on or after it, or its id is
 * taken. Once per request: the executor claims the request, and approval_request_id is unique besides.
 */
export async function applyTariffChangeInTx(
  tx: Tx,
  change: { tariff: TariffChangePayload['tariff']; approvalRequestId: string; today: string },
): Promise<{ tariffVersionId: string; closedVersionId: string | null }> {
  const { tariff, approvalRequestId } = change;
  if (tariff.effectiveFrom <= change.today) {
    throw new TariffError('EFFECTIVE_FROM_NOT_FUTURE', `the change was to start on ${tariff.effectiveFrom}, which is not after ${change.today}`, {
      field: 'effectiveFrom',
      details: { today: change.today },
    });
  }
  const existing = await lockProductTariffs(tx, tariff.product, tariff.currency);
  const plan = planTariffChange(existing, tariff);
  if (plan.close) await endTariff(tx, plan.close.id, plan.close.effectiveTo);
  const inserted = await insertTariff(tx, { ...tariff, effectiveTo: null }, { source: `approval request ${approvalRequestId}`, approvalRequestId });
  if (!inserted) throw new TariffError('TARIFF_CONFLICT', `tariff version ${tariff.id} exists already`, { details: { tariffVersionId: tariff.id } });
  return { tariffVersionId: tariff.id, closedVersionId: plan.close?.id ?? null };
}

export type TariffService = ReturnType<typeof createTariffService>;
