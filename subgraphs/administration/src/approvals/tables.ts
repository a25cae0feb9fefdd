import { sql } from 'drizzle-orm';
import { check, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { administrationSchema } from '../db-schema.js';
import { offices } from '../offices/tables.js';
import { staff } from '../staff/tables.js';

/**
 * The approvals inbox (maker-checker). A row records what was submitted (kind, payload and its hash, maker, office),
 * what a checker decided and what the owner's execution produced. The submitted facts never change, and the status
 * moves only along the domain's transitions: both are held by the trigger in the approval_requests_guard migration,
 * which also refuses DELETE. The CHECKs below tie each status to the fields it implies and keep the checker and the
 * maker two different people.
 */
export const approvalRequests = administrationSchema.table(
  'approval_requests',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    /** The subgraph that executes the kind (the registry's, copied so a reader of the row needs no code). */
    subgraph: text('subgraph').notNull(),
    summary: text('summary').notNull(),
    payload: jsonb('payload').notNull(),
    /** SHA-256 (hex) of the canonical JSON of payload: see approvals/payload.ts. */
    payloadHash: text('payload_hash').notNull(),
    makerId: uuid('maker_id')
      .notNull()
      .references(() => staff.id),
    makerUsername: text('maker_username').notNull(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    /** The office's materialised path when submitted: the scope a checker must cover, filtered by prefix. */
    officePath: text('office_path').notNull(),
    status: text('status').notNull().default('PENDING'),
    checkerId: uuid('checker_id').references(() => staff.id),
    checkerUsername: text('checker_username'),
    /** Why it was rejected. */
    reason: text('reason'),
    /** The checker's note on an approval. */
    comment: text('comment'),
    /** What execution produced, or { code, message } when it FAILED. */
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When a checker decided, or when the request was marked EXPIRED. */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    // The inbox: newest first, resumed by keyset on (created_at, id).
    index('approval_requests_created_idx').on(table.createdAt.desc(), table.id.desc()),
    index('approval_requests_office_path_idx').using('btree', table.officePath.op('text_pattern_ops')),
    index('approval_requests_maker_idx').on(table.makerId, table.createdAt.desc()),
    // The expiry sweep reads only what is still pending.
    index('approval_requests_pending_expiry_idx').on(table.expiresAt).where(sql`${table.status} = 'PENDING'`),
    // "Is this role grant already waiting?" without scanning every grant ever requested.
    index('approval_requests_open_role_grants_idx')
      .on(sql`(${table.payload}->>'staffId')`, sql`(${table.payload}->>'role')`)
      .where(sql`${table.kind} = 'ROLE_GRANT' and ${table.status} in ('PENDING','APPROVED')`),
    check('approval_requests_kind_valid', sql`${table.kind} in ('ROLE_GRANT','MANUAL_JOURNAL','MO_REFUND','SETTLEMENT_RELEASE','MO_TARIFF_CHANGE','COD_BANK_CHANGE','RECON_RULE_SET')`),
    check(
      'approval_requests_subgraph_valid',
      sql`${table.subgraph} in ('administration','accounts','money-orders','cod-settlement')`,
    ),
    check('approval_requests_status_valid', sql`${table.status} in ('PENDING','APPROVED','REJECTED','EXPIRED','EXECUTED','FAILED')`),
    check('approval_requests_payload_hash_format', sql`${table.payloadHash} ~ '^[0-9a-f]{64}$'`),
    check('approval_requests_payload_is_object', sql`jsonb_typeof(${table.payload}) = 'object'`),
    // The application's limit is 16 kB of canonical JSON; this is the database's backstop against a bypassing writer.
    check('approval_requests_payload_size', sql`octet_length(${table.payload}::text) <= 65536`),
    check('approval_requests_summary_length', sql`char_length(${table.summary}) between 1 and 500`),
    check('approval_requests_reason_length', sql`${table.reason} is null or char_length(${table.reason}) between 1 and 2000`),
    check('approval_requests_comment_length', sql`${table.comment} is null or char_length(${table.comment}) <= 2000`),
    // Four eyes, in the database: whoever decides is never whoever asked.
    check(
      'approval_requests_checker_not_maker',
      sql`${table.checkerId} is null or (${table.checkerId} <> ${table.makerId} and ${table.checkerUsername} <> ${table.makerUsername})`,
    ),
    check(
      'approval_requests_status_fields',
      sql`case ${table.status}
        when 'PENDING' then ${table.checkerId} is null and ${table.checkerUsername} is null and ${table.decidedAt} is null
          and ${table.executedAt} is null and ${table.result} is null and ${table.reason} is null and ${table.comment} is null
        when 'APPROVED' then ${table.checkerId} is not null and ${table.checkerUsername} is not null and ${table.decidedAt} is not null
          and ${table.executedAt} is null and ${table.result} is null and ${table.reason} is null
        when 'REJECTED' then ${table.checkerId} is not null and ${table.checkerUsername} is not null and ${table.decidedAt} is not null
          and ${table.reason} is not null and ${table.comment} is null and ${table.executedAt} is null and ${table.result} is null
        when 'EXPIRED' then ${table.checkerId} is null and ${table.checkerUsername} is null and ${table.decidedAt} is not null
          and ${table.executedAt} is null and ${table.result} is null and ${table.reason} is null and ${table.comment} is null
        else ${table.checkerId} is not null and ${table.checkerUsername} is not null and ${table.decidedAt} is not null
          and ${table.executedAt} is not null and ${table.result} is not null and ${table.reason} is null
      end`,
    ),
    check('approval_requests_expiry_after_creation', sql`${table.expiresAt} > ${table.createdAt}`),
    check('approval_requests_decided_after_creation', sql`${table.decidedAt} is null or ${table.decidedAt} >= ${table.createdAt}`),
    check('approval_requests_executed_after_decision', sql`${table.executedAt} is null or ${table.executedAt} >= ${table.decidedAt}`),
  ],
);
