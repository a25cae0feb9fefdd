import { randomUUID } from 'node:crypto';
import { approvalPayloadMac, type Identity } from '@postal/auth';
import { newEvent, type ApprovalDecidedPayload } from '@postal/events';
import type { Db } from '@postal/db';
import { createMemoryNotifier } from '@postal/notify';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { DEFAULT_PAYOUT_BANK, type SettlementApprovalSubmitter, type SettlementDeps } from '../deps.js';

/*
 * Plain inserts for what other modules own (billers, contracts, articles, collections are being built in parallel):
 * the settlement tests need rows, not those services. Offices: a circle, a head office that settles, a sub office.
 */

export const SETTLEMENT_OFFICE = 'NDGPO';

export async function seedOffices(db: Db): Promise<void> {
  await db.execute(sql`
    insert into cod.known_offices (code, name, type, path, parent_code) values
      ('DLC', 'Delhi Circle', 'CIRCLE', 'DLC', null),
      ('NDGPO', 'New Delhi GPO', 'HEAD_OFFICE', 'DLC/NDGPO', 'DLC'),
      ('LDSO', 'Lodi Road SO', 'SUB_OFFICE', 'DLC/NDGPO/LDSO', 'NDGPO'),
      ('MBGPO', 'Mumbai GPO', 'HEAD_OFFICE', 'MHC/MBGPO', null)
    on conflict do nothing`);
}

export interface ContractTerms {
  cycleDays?: number;
  payoutWeekdays?: number[];
  early?: { days: number; percent: string } | null;
  disputeWindowDays?: number;
  effectiveFrom?: string;
}

let billerSeq = 0;
const codeBase = 100000 + Math.floor(Math.random() * 800000);

/** A biller with an ACTIVE bank account and a contract in force (India COD fee, GST 18%). Answers id and code. */
export async function seedBiller(db: Db, terms: ContractTerms = {}, officeCode = SETTLEMENT_OFFICE): Promise<{ id: string; code: string }> {
  billerSeq += 1;
  const id = randomUUID();
  const code = `BL${String(codeBase + billerSeq).slice(-6)}`;
  const path = officeCode === 'MBGPO' ? 'MHC/MBGPO' : 'DLC/NDGPO';
  await db.execute(sql`
    insert into cod.billers (id, code, name, type, contact_name, contact_email, contact_phone, settlement_office_code,
                             settlement_office_path, currency, status, created_by, created_at)
    values (${id}, ${code}, ${`Seller ${code}`}, 'ECOMMERCE', 'Asha', ${`${code.toLowerCase()}@example.in`}, '+919812345678',
            ${officeCode}, ${path}, 'INR', 'ACTIVE', 'test', now())`);
  await db.execute(sql`
    insert into cod.biller_bank_accounts (id, biller_id, account_holder_name, account_number, ifsc, status, requested_by, requested_at, activated_on)
    values (${randomUUID()}, ${id}, ${`Seller ${code} Pvt Ltd`}, '123456789012', 'HDFC0001234', 'ACTIVE', 'test', now(), '2026-01-01')`);
  const early = terms.early ?? null;
  await db.execute(sql`
    insert into cod.contracts (id, biller_id, version, effective_from, fee_rule, taxes, fee_source, settlement_cycle_days,
                               payout_weekdays, early_settlement_enabled, early_settlement_days, early_settlement_fee_percent,
                               max_article_amount, dispute_window_days, bank_details_hold_days, holiday_calendar, created_by, created_at)
    values (${randomUUID()}, ${id}, 1, ${terms.effectiveFrom ?? '2026-01-01'},
            '{"kind":"PERCENT_WITH_MINIMUM_THEN_EXCESS","threshold":"5000","percentUpToThreshold":"2","minimumFee":"50","baseAboveThreshold":"100","percentOfExcess":"1"}'::jsonb,
            '[{"name":"GST","percent":"18"}]'::jsonb, 'IN-COD-FEE-2017-07-01', ${terms.cycleDays ?? 8},
            ${JSON.stringify(terms.payoutWeekdays ?? [1, 2, 3, 4, 5])}::jsonb, ${early !== null}, ${early?.days ?? null}, ${early?.percent ?? null},
            '50000', ${terms.disputeWindowDays ?? 3}, 7, 'IN', 'test', now())`);
  return { id, code };
}

let articleSeq = 0;

/** An S10 number with a valid check digit (weights 8 6 4 2 3 5 9 7). */
export function s10(serial: number): string {
  const digits = String(serial).padStart(8, '0');
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = digits.split('').reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  const check = 11 - (sum % 11);
  return `EE${digits}${check === 10 ? 0 : check === 11 ? 5 : check}IN`;
}

/** A delivered article with its collection, due from `dueFrom` (null: collected, not yet deposited). */
export async function seedCollection(
  db: Db,
  billerId: string,
  options: { amount?: string; codAmount?: string; dueFrom?: string | null; deliveredOn?: string; mode?: 'CASH' | 'UPI' } = {},
): Promise<{ articleId: string; articleNumber: string }> {
  articleSeq += 1;
  const articleId = randomUUID();
  const articleNumber = s10(articleSeq + Math.floor(Math.random() * 1000) * 100000);
  const amount = options.amount ?? '1000.00';
  const deliveredOn = options.deliveredOn ?? '2026-11-30';
  const mode = options.mode ?? 'CASH';
  await db.execute(sql`
    insert into cod.articles (id, article_number, biller_id, currency, cod_amount, booking_office_code, delivery_office_code,
                              delivery_office_path, status, booked_on, delivered_on, registered_by, registered_at)
    values (${articleId}, ${articleNumber}, ${billerId}, 'INR', ${options.codAmount ?? amount}, 'NDGPO', 'LDSO', 'DLC/NDGPO/LDSO', 'DELIVERED',
            '2026-11-25', ${deliveredOn}, 'test', now())`);
  await db.execute(sql`
    insert into cod.collections (article_id, biller_id, currency, amount, mode, payment_reference, pod_reference, postman_id,
                                 office_code, office_path, business_date, collected_at, due_from, cleared_on)
    values (${articleId}, ${billerId}, 'INR', ${amount}, ${mode}, ${mode === 'CASH' ? null : '612345678901'}, 'POD1', 'PM1',
            'LDSO', 'DLC/NDGPO/LDSO', ${deliveredOn}, now(), ${options.dueFrom === undefined ? deliveredOn : options.dueFrom},
            ${mode === 'CASH' ? null : deliveredOn})`);
  return { articleId, articleNumber };
}

export const financeOfficer: Identity = {
  kind: 'staff',
  staffId: 'fo-1',
  username: 'finance.ndgpo',
  roles: ['FINANCE_OFFICER'],
  officeCode: 'NDGPO',
  officePath: 'DLC/NDGPO',
  grants: ['cod.read', 'cod.settlement.manage', 'cod.settlement.release', 'cod.dispute.manage', 'cod.bank.read'].map((permission) => ({ permission, scope: 'SUBTREE' as const })),
};

export const contextOf = (identity: Identity) => ({ identity, requestId: `req-${randomUUID()}`, clientAddress: undefined });

export function recordingInbox() {
  const submissions: Array<Parameters<SettlementApprovalSubmitter['submit']>[0] & { id: string }> = [];
  const submitter: SettlementApprovalSubmitter = {
    async submit(submission) {
      const id = randomUUID();
      submissions.push({ ...structuredClone(submission), id });
      return { id };
    },
  };
  return { submitter, submissions };
}

export function settlementDeps(testDatabase: TestDatabase, clock: () => Date, approvals?: SettlementApprovalSubmitter): SettlementDeps & { notifier: ReturnType<typeof createMemoryNotifier> } {
  return { database: testDatabase.database, clock, timeZone: 'Asia/Kolkata', payoutBank: DEFAULT_PAYOUT_BANK, notifier: createMemoryNotifier(), ...(approvals ? { approvals } : {}) };
}

export const identitySecret = 'cod-settlement-approvals-test-secret-0123456789';

/** approval.decided as administration stages it for a submission (APPROVED by a checker unless overridden). */
export function decidedEvent(submission: { id: string; kind: string; officeCode: string; payload: Record<string, unknown>; makerId: string }, overrides: Partial<ApprovalDecidedPayload> = {}) {
  return newEvent(
    'approval.decided',
    {
      requestId: submission.id,
      kind: submission.kind as 'SETTLEMENT_RELEASE',
      subgraph: 'cod-settlement',
      decision: 'APPROVED',
      payload: submission.payload,
      payloadHash: approvalPayloadMac(identitySecret, submission.kind, submission.payload),
      officeCode: submission.officeCode,
      maker: { id: submission.makerId, username: 'maker' },
      checker: { id: randomUUID(), username: 'checker' },
      decidedAt: new Date().toISOString(),
      ...overrides,
    },
    { source: 'administration', requestId: `req-${randomUUID()}` },
  );
}
