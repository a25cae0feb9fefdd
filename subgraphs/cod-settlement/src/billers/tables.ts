import { sql } from 'drizzle-orm';
import { check, index, integer, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { codSchema } from '../db-schema.js';

/** The serial behind biller codes (`BL` + six digits, billers/domain.ts billerCodeOf): never reused, gaps allowed. */
export const billerCodeSerial = codSchema.sequence('biller_code_serial', { startWith: 1, maxValue: 999_999 });

/**
 * Contracted COD customers (DOMAIN.md, Cash on delivery): e-commerce sellers, ONDC sellers, GeM suppliers. `code` is
 * the biller's stable human identifier (`BL` + digits): it names the biller's COD payable account in the ledger
 * (accounts opens `<settlement office>:2200:<code>`), so it never changes. The biller is settled by one head office
 * (`settlementOfficeCode`): its bank account pays the biller and its COD payable holds what the biller is owed.
 */
export const billers = codSchema.table(
  'billers',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** ECOMMERCE, ONDC, GEM. */
    type: text('type').notNull(),
    /** 15 characters with its check character (billers/gstin.ts); null for a seller below the GST threshold. */
    gstin: text('gstin'),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone').notNull(),
    settlementOfficeCode: text('settlement_office_code').notNull(),
    /** The settlement office's path when registered: scope checks compare by prefix. */
    settlementOfficePath: text('settlement_office_path').notNull(),
    currency: text('currency').notNull(),
    /** ACTIVE, SUSPENDED (no new articles, no payouts), CLOSED. */
    status: text('status').notNull().default('ACTIVE'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('billers_code_key').on(table.code),
    index('billers_office_path_idx').using('btree', table.settlementOfficePath.op('text_pattern_ops')),
    check('billers_type_valid', sql`${table.type} in ('ECOMMERCE','ONDC','GEM')`),
    check('billers_status_valid', sql`${table.status} in ('ACTIVE','SUSPENDED','CLOSED')`),
    check('billers_code_format', sql`${table.code} ~ '^BL[0-9]{6}$'`),
  ],
);

/**
 * A biller's payout bank accounts, one row per version. The first is ACTIVE at registration; a change is PENDING until
 * the approvals inbox decides (COD_BANK_CHANGE), then ACTIVE (the earlier one SUPERSEDED) or REJECTED. `activatedOn`
 * is the business date it became the payout account: payouts to details changed in the last N days (the contract's
 * bankDetailsHoldDays) wait unless the change was approved (billers/payout-account.ts).
 */
export const billerBankAccounts = codSchema.table(
  'biller_bank_accounts',
  {
    id: uuid('id').primaryKey(),
    billerId: uuid('biller_id')
      .notNull()
      .references(() => billers.id),
    accountHolderName: text('account_holder_name').notNull(),
    accountNumber: text('account_number').notNull(),
    ifsc: text('ifsc').notNull(),
    /** PENDING, ACTIVE, SUPERSEDED, REJECTED. */
    status: text('status').notNull(),
    /** The approvals-inbox request that decided it; null for the details given at registration. */
    approvalRequestId: uuid('approval_request_id'),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    activatedOn: text('activated_on'),
    /** Why the details were changed, as the maker wrote it (null for the details given at registration). */
    changeReason: text('change_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('biller_bank_accounts_one_active').on(table.billerId).where(sql`${table.status} = 'ACTIVE'`),
    uniqueIndex('biller_bank_accounts_one_pending').on(table.billerId).where(sql`${table.status} = 'PENDING'`),
    uniqueIndex('biller_bank_accounts_approval_key').on(table.approvalRequestId),
    check('biller_bank_accounts_status_valid', sql`${table.status} in ('PENDING','ACTIVE','SUPERSEDED','REJECTED')`),
    check('biller_bank_accounts_ifsc_format', sql`${table.ifsc} ~ '^[A-Z]{4}0[A-Z0-9]{6}$'`),
    check('biller_bank_accounts_number_format', sql`${table.accountNumber} ~ '^[0-9]{9,18}$'`),
  ],
);
