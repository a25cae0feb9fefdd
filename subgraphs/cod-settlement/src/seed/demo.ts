import { randomUUID } from 'node:crypto';
import { businessDate, DEFAULT_TIME_ZONE } from '@postal/calendar';
import type { Database } from '@postal/db';
import { eq, sql } from 'drizzle-orm';
import { billerBankAccounts, billers } from '../billers/tables.js';
import { CONTRACT_DEFAULTS } from '../contracts/domain.js';
import { contracts } from '../contracts/tables.js';
import { INDIA_COD_FEE_SCHEDULES } from '../fees/india-fee-schedules.js';

/** The demo biller: the one `seller.demo` (administration's demo seed) is bound to. */
export const DEMO_BILLER = {
  code: 'BL000001',
  name: 'Khadi Haat Online',
  settlementOfficeCode: 'NDGPO',
  settlementOfficePath: 'DL/DL-NDC/NDGPO',
} as const;

/**
 * The COD demo data, once: a biller settled by the New Delhi GPO with its payout account and a contract on the India
 * COD fee, T+2 business days, payouts Monday to Friday, so that a newcomer can register and deliver its articles and
 * settle them within the week. Written directly, like administration's demo offices, because cod-settlement learns its
 * offices from events that have not arrived when the seed runs. Refuses production; re-running changes nothing.
 */
export async function seedDemoCod(database: Database, nodeEnv: string, options: { now?: Date; timeZone?: string } = {}): Promise<{ billers: number }> {
  if (nodeEnv === 'production') throw new Error('the demo seed refuses to run with NODE_ENV=production');
  const now = options.now ?? new Date();
  const today = businessDate(now, options.timeZone ?? DEFAULT_TIME_ZONE);
  const schedule = INDIA_COD_FEE_SCHEDULES.find((candidate) => candidate.effectiveTo === null)!;
  return database.db.transaction(async (tx) => {
    const [present] = await tx.select({ id: billers.id }).from(billers).where(eq(billers.code, DEMO_BILLER.code));
    if (present) return { billers: 0 };
    const billerId = randomUUID();
    await tx.insert(billers).values({
      id: billerId,
      code: DEMO_BILLER.code,
      name: DEMO_BILLER.name,
      type: 'ECOMMERCE',
      gstin: '27AAPFU0939F1ZV',
      contactName: 'Meera Joshi',
      contactEmail: 'accounts@khadihaat.example.in',
      contactPhone: '+919812345670',
      settlementOfficeCode: DEMO_BILLER.settlementOfficeCode,
      settlementOfficePath: DEMO_BILLER.settlementOfficePath,
      currency: 'INR',
      createdBy: 'demo-seed',
      createdAt: now,
    });
    // The code came from the serial's first value: later registrations start after it.
    await tx.execute(sql`select setval('cod.biller_code_serial', greatest(1, (select last_value from cod.biller_code_serial)), true)`);
    await tx.insert(billerBankAccounts).values({
      id: randomUUID(),
      billerId,
      accountHolderName: 'Khadi Haat Online Pvt Ltd',
      accountNumber: '123456789012',
      ifsc: 'SBIN0000691',
      status: 'ACTIVE',
      requestedBy: 'demo-seed',
      requestedAt: now,
      activatedOn: today,
    });
    await tx.insert(contracts).values({
      id: randomUUID(),
      billerId,
      version: 1,
      effectiveFrom: today,
      feeRule: schedule.rule,
      taxes: [...schedule.taxes],
      feeSource: schedule.id,
      settlementCycleDays: 2,
      payoutWeekdays: [1, 2, 3, 4, 5],
      earlySettlementEnabled: false,
      maxArticleAmount: CONTRACT_DEFAULTS.maxArticleAmount,
      disputeWindowDays: CONTRACT_DEFAULTS.disputeWindowDays,
      bankDetailsHoldDays: CONTRACT_DEFAULTS.bankDetailsHoldDays,
      holidayCalendar: CONTRACT_DEFAULTS.holidayCalendar,
      createdBy: 'demo-seed',
      createdAt: now,
    });
    return { billers: 1 };
  });
}
