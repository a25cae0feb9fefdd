import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, numeric, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { codSchema } from '../../db-schema.js';
import { bankAccounts } from '../tables.js';

/**
 * A match of bank lines with open items (issue 13): found by a run (SUGGESTED, or CONFIRMED at or above the rule set's
 * threshold), then confirmed or rejected by a person, or undone (UNMATCHED) with a reason. Only SUGGESTED and CONFIRMED
 * matches hold their lines and items (reconMatchLines/Items.active), so a line or item is in at most one live match,
 * which the partial unique indexes make certain whatever runs at once.
 */
export const reconMatches = codSchema.table(
  'recon_matches',
  {
    id: uuid('id').primaryKey(),
    bankAccountId: uuid('bank_account_id')
      .notNull()
      .references(() => bankAccounts.id),
    runId: uuid('run_id'),
    status: text('status').notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    ruleId: text('rule_id').notNull(),
    strategy: text('strategy').notNull(),
    confidence: numeric('confidence').notNull(),
    currency: text('currency').notNull(),
    /** Line total less items total. */
    difference: numeric('difference').notNull(),
    evidence: jsonb('evidence').$type<Array<{ field: string; lineValue: string; itemValue: string; detail?: string }>>().notNull(),
    /** What confirming it did (PAYOUT_PAID, COLLECTIONS_CLEARED), in order. */
    effects: jsonb('effects').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
  },
  (table) => [
    index('recon_matches_account_idx').on(table.bankAccountId, table.status, table.createdAt, table.id),
    check('recon_matches_status_valid', sql`${table.status} in ('SUGGESTED','CONFIRMED','REJECTED','UNMATCHED')`),
    check('recon_matches_confidence_valid', sql`${table.confidence} between 0 and 1`),
  ],
);

export const reconMatchLines = codSchema.table(
  'recon_match_lines',
  {
    matchId: uuid('match_id')
      .notNull()
      .references(() => reconMatches.id),
    lineId: bigint('line_id', { mode: 'number' }).notNull(),
    active: boolean('active').notNull(),
  },
  (table) => [primaryKey({ columns: [table.matchId, table.lineId] }), uniqueIndex('recon_match_lines_live_key').on(table.lineId).where(sql`${table.active}`)],
);

export const reconMatchItems = codSchema.table(
  'recon_match_items',
  {
    matchId: uuid('match_id')
      .notNull()
      .references(() => reconMatches.id),
    /**
     * PAYOUT (a payout's id), PAYOUT_RETURN (the same payout coming back), AGGREGATOR_CREDIT (a collection, by its
     * article's id), CASH_DEPOSIT, MONEY_ORDER.
     */
    itemKind: text('item_kind').notNull(),
    itemId: uuid('item_id').notNull(),
    amount: numeric('amount').notNull(),
    active: boolean('active').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.matchId, table.itemKind, table.itemId] }),
    uniqueIndex('recon_match_items_live_key').on(table.itemKind, table.itemId).where(sql`${table.active}`),
    check('recon_match_items_kind_valid', sql`${table.itemKind} in ('PAYOUT','PAYOUT_RETURN','AGGREGATOR_CREDIT','CASH_DEPOSIT','MONEY_ORDER')`),
  ],
);

/** One matching run (on demand, or the job after an import): what it looked at and found; a dry run stores only this. */
export const reconRuns = codSchema.table(
  'recon_runs',
  {
    id: uuid('id').primaryKey(),
    bankAccountId: uuid('bank_account_id')
      .notNull()
      .references(() => bankAccounts.id),
    statementId: uuid('statement_id'),
    dryRun: boolean('dry_run').notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    lineCount: integer('line_count').notNull(),
    itemCount: integer('item_count').notNull(),
    confirmedCount: integer('confirmed_count').notNull(),
    suggestedCount: integer('suggested_count').notNull(),
    unmatchedLineCount: integer('unmatched_line_count').notNull(),
    unmatchedItemCount: integer('unmatched_item_count').notNull(),
    byRule: jsonb('by_rule').$type<Array<{ ruleId: string; enabled: boolean; confirmed: number; suggested: number; lines: number; items: number }>>().notNull(),
    /** A dry run's matches as they would be stored (capped), for the person looking at a rule change. */
    preview: jsonb('preview').$type<unknown[]>(),
    actorLabel: text('actor_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('recon_runs_account_idx').on(table.bankAccountId, table.createdAt)],
);

/**
 * The matching rule sets, by version: PROPOSED (waiting in the approvals inbox, RECON_RULE_SET), ACTIVE (the one runs
 * use: at most one), SUPERSEDED, REJECTED. Until one is approved, @postal/matching's DEFAULT_RULE_SET (version 1) is
 * in force; proposals number from 2.
 */
export const reconRuleSets = codSchema.table(
  'recon_rule_sets',
  {
    version: integer('version').primaryKey(),
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    approvalRequestId: uuid('approval_request_id'),
    proposedBy: text('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('recon_rule_sets_active_key').on(table.status).where(sql`${table.status} = 'ACTIVE'`),
    uniqueIndex('recon_rule_sets_proposed_key').on(table.status).where(sql`${table.status} = 'PROPOSED'`),
    check('recon_rule_sets_status_valid', sql`${table.status} in ('PROPOSED','ACTIVE','SUPERSEDED','REJECTED')`),
    check('recon_rule_sets_version_valid', sql`${table.version} >= 2`),
  ],
);
