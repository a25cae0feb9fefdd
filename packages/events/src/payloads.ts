import { z } from 'zod';

/*
 * Payload schemas, one per event type. Objects strip unknown keys rather than refusing them: a consumer running older
 * code must still accept an event from a producer that has learnt a new optional field, or a rolling deploy would turn
 * every new event into a poison message. Producers are held to the exact shape by the TypeScript types instead.
 */

/** Upper bounds on free text, so one event cannot carry an unbounded document. */
const MAX_CODE_LENGTH = 64;
const MAX_NAME_LENGTH = 200;
const MAX_ACTION_LENGTH = 100;
const MAX_REASON_LENGTH = 2_000;
const MAX_ROLES = 50;
const MAX_IDENTIFIER_LENGTH = 200;
const MAX_PATH_SEGMENTS = 16;

const identifier = z.string().min(1).max(MAX_IDENTIFIER_LENGTH);
/** Office codes are the segments of the materialised path, so they may not contain its separator. */
const officeCode = z
  .string()
  .min(1)
  .max(MAX_CODE_LENGTH)
  .regex(/^[^/\s]+$/, 'an office code has no "/" and no whitespace');

export const actorSchema = z.object({
  kind: z.enum(['staff', 'service', 'anonymous']),
  id: identifier.optional(),
  username: identifier.optional(),
  roles: z.array(z.string().min(1).max(MAX_IDENTIFIER_LENGTH)).max(MAX_ROLES).optional(),
  officeCode: officeCode.optional(),
});

export const auditRecordedSchema = z.object({
  actor: actorSchema,
  /** What was attempted, in SCREAMING_SNAKE_CASE: 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'OFFICE_CREATED'. */
  action: z
    .string()
    .max(MAX_ACTION_LENGTH)
    .regex(/^[A-Z][A-Z0-9_]*$/, 'an audit action is SCREAMING_SNAKE_CASE'),
  target: z.object({ type: identifier, id: identifier }).optional(),
  officeCode: officeCode.optional(),
  outcome: z.enum(['SUCCESS', 'FAILURE']),
  reason: z.string().min(1).max(MAX_REASON_LENGTH).optional(),
  before: z.record(z.string(), z.unknown()).optional(),
  after: z.record(z.string(), z.unknown()).optional(),
  clientAddress: z.string().min(1).max(MAX_IDENTIFIER_LENGTH).optional(),
  requestId: z.string().min(1).max(MAX_IDENTIFIER_LENGTH).optional(),
});

export const OFFICE_TYPES = ['CIRCLE', 'REGION', 'DIVISION', 'HEAD_OFFICE', 'SUB_OFFICE', 'BRANCH_OFFICE'] as const;

/** The path, the code and the parent say the same thing three times; a payload where they disagree is refused. */
function checkOfficePath(
  office: { code: string; parentCode: string | null; path: string },
  context: z.RefinementCtx,
  pathKey: 'path' | 'previousPath' = 'path',
): void {
  const segments = office.path.split('/');
  const expectedParent = segments.length > 1 ? segments[segments.length - 2] : null;
  if (segments.length > MAX_PATH_SEGMENTS) {
    context.addIssue({ code: 'custom', path: [pathKey], message: `a path has at most ${MAX_PATH_SEGMENTS} offices` });
  } else if (!segments.every((segment) => officeCode.safeParse(segment).success)) {
    context.addIssue({ code: 'custom', path: [pathKey], message: 'every path segment is an office code' });
  } else if (segments[segments.length - 1] !== office.code) {
    context.addIssue({ code: 'custom', path: [pathKey], message: 'the path ends with the office code' });
  } else if (pathKey === 'path' && expectedParent !== office.parentCode) {
    context.addIssue({ code: 'custom', path: ['parentCode'], message: 'the parent code is the path segment before the code' });
  }
}

const officeFacts = {
  code: officeCode,
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  type: z.enum(OFFICE_TYPES),
  parentCode: officeCode.nullable(),
  /** The codes from the top of the hierarchy down to this office, joined by '/', e.g. 'KA/BLR/BLR-HO'. */
  path: z.string().min(1),
  /** The sub or head office it is in account with (sub and branch offices); optional for older producers. */
  accountOfficeCode: officeCode.nullable().optional(),
  /** The day the office opened (YYYY-MM-DD): nothing is booked for it before. Optional: older events lack it. */
  openedOn: z.iso.date().nullable().optional(),
};

export const officeCreatedSchema = z.object(officeFacts).superRefine((office, context) => {
  // Consumers never have to decide which of path, code and parent to believe.
  checkOfficePath(office, context);
});

/**
 * An office changed (renamed, details updated, moved or closed): its state after the change. `version` counts the
 * changes to this office, so a consumer that sees an older version after a newer one ignores it. A move is one event
 * for the moved office with `previousPath`: its descendants moved with it, and a consumer rewrites their paths by
 * prefix (one event per office would be tens of thousands for a region, beyond what one transaction should stage).
 */
export const officeUpdatedSchema = z
  .object({
    ...officeFacts,
    status: z.enum(['ACTIVE', 'CLOSED']),
    version: z.number().int().min(2),
    /** The path before this change; differs from `path` only when the office moved. */
    previousPath: z.string().min(1),
  })
  .superRefine((office, context) => {
    checkOfficePath(office, context);
    checkOfficePath({ ...office, path: office.previousPath }, context, 'previousPath');
  });

/*
 * Maker-checker (the approvals inbox in the administration subgraph). The kinds are the vocabulary every subgraph
 * shares; which subgraph owns a kind and which permission a checker needs is administration's registry.
 */
export const APPROVAL_KINDS = ['ROLE_GRANT', 'MANUAL_JOURNAL', 'MO_REFUND', 'SETTLEMENT_RELEASE', 'MO_TARIFF_CHANGE', 'COD_BANK_CHANGE', 'RECON_RULE_SET'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
/** What a checker (or the expiry sweep) decided: only APPROVED asks the owner to execute anything. */
export const APPROVAL_DECISIONS = ['APPROVED', 'REJECTED', 'EXPIRED'] as const;
export const APPROVAL_EXECUTION_OUTCOMES = ['EXECUTED', 'FAILED'] as const;

/** A SHA-256 in lower-case hex: the hash of a request's canonical payload. */
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
const approvalParty = z.object({ id: identifier, username: identifier });
/** Payloads are bounded when submitted (16 kB canonical); the schema only insists on an object. */
const approvalPayload = z.record(z.string(), z.unknown());

export const approvalDecidedSchema = z.object({
  requestId: z.uuid(),
  kind: z.enum(APPROVAL_KINDS),
  /** The subgraph that owns the kind and executes it; other consumers of this event ignore it. */
  subgraph: identifier,
  decision: z.enum(APPROVAL_DECISIONS),
  /** Exactly what was approved; the owner re-hashes it and compares with payloadHash before acting. */
  payload: approvalPayload,
  payloadHash: sha256Hex,
  officeCode,
  maker: approvalParty,
  /** Absent when the request expired undecided. */
  checker: approvalParty.optional(),
  decidedAt: z.iso.datetime({ offset: true }),
});

export const approvalExecutedSchema = z.object({
  requestId: z.uuid(),
  kind: z.enum(APPROVAL_KINDS),
  /** The hash the owner verified before executing: administration refuses a result for any other payload. */
  payloadHash: sha256Hex,
  outcome: z.enum(APPROVAL_EXECUTION_OUTCOMES),
  /** What the command produced (e.g. the journal entry id) or, when FAILED, { code, message }. */
  result: z.record(z.string(), z.unknown()),
  executedAt: z.iso.datetime({ offset: true }),
});

/*
 * Money orders in the ledger. money-orders says what happened to an order (a movement); accounts owns the chart and
 * turns each movement into entries (its posting rules: cash or digital clearing, MO payable, commission, tax, and the
 * inter-office clearing legs when the office where money moves is not the booking office). Each movement happens at
 * most once per order, so (reference, movement) is the ledger's idempotency key, whatever the event id.
 */
export const MONEY_ORDER_MOVEMENTS = ['BOOKED', 'PAID', 'REFUNDED', 'EXPIRED', 'VOIDED'] as const;
export type MoneyOrderMovement = (typeof MONEY_ORDER_MOVEMENTS)[number];
const decimalAmount = z.string().regex(/^\d{1,15}(\.\d{1,4})?$/, 'a non-negative decimal amount as a string');

export const moneyOrderMovementSchema = z.object({
  movement: z.enum(MONEY_ORDER_MOVEMENTS),
  moneyOrderId: z.uuid(),
  /** 18 digits with a Luhn check digit. */
  reference: z.string().regex(/^\d{18}$/),
  product: z.enum(['ORDINARY', 'ELECTRONIC', 'INSTANT', 'SERVICE']),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Where the order's liability sits: the office that booked it. */
  bookingOfficeCode: officeCode,
  /** Where this movement happened (cash in or out): the booking office, or the paying office for a payout. */
  officeCode,
  /** The business date at `officeCode` when it happened: the entries' effective date. */
  businessDate: z.iso.date(),
  /** The order's amount (paid out or refunded; the commission is never refunded). */
  amount: decimalAmount,
  /** Booking only: the commission and the tax on it (zero for the other movements). */
  commission: decimalAmount,
  tax: decimalAmount,
  /** Booking: how the sender paid (CASH into cash on hand; UPI or CARD into the digital clearing account). */
  paymentMode: z.enum(['CASH', 'UPI', 'CARD']),
  /**
   * REFUNDED and VOIDED: the order had EXPIRED, so its liability was moved to expired MO payable by the EXPIRED
   * movement (money-orders sends these only once that movement is posted).
   */
  fromExpired: z.boolean().default(false),
  /** Payout and refund: the ledger hold that reserved the cash at the counter, captured by the posting. */
  holdId: z.uuid().optional(),
  actor: actorSchema,
});

/** accounts answers each movement: its entries, or the business rule that refused it (never retried for ever). */
export const moneyOrderMovementPostedSchema = z.object({
  movement: z.enum(MONEY_ORDER_MOVEMENTS),
  moneyOrderId: z.uuid(),
  reference: z.string().regex(/^\d{18}$/),
  outcome: z.enum(['POSTED', 'REJECTED']),
  entryIds: z.array(z.uuid()).max(4),
  /** When REJECTED: the ledger's error code and message. */
  error: z.object({ code: identifier, message: z.string().max(MAX_REASON_LENGTH) }).optional(),
  postedAt: z.iso.datetime({ offset: true }),
});

/*
 * Cash on delivery in the ledger (DOMAIN.md, Accounting; issue 12). cod-settlement says what happened (a movement, with
 * its own id); accounts owns the chart and turns each movement into entries, each within one office (rules in
 * accounts/src/cod/rules.ts). What a biller is owed sits in its own COD payable account at its settlement office
 * (`<settlementOfficeCode>:2200:<billerCode>`, opened by accounts on first use); cash collected at another office
 * crosses through both offices' inter-office clearing (1600). The movement id is the ledger's idempotency key.
 *   COLLECTED CASH at D:     Dr postman cash 1200(D) / Cr COD payable(biller)   (through 1600 when D is not S)
 *   COLLECTED UPI/CARD:      at S: Dr UPI clearing 1400(S) / Cr COD payable(biller)   (the money never touched D)
 *   DEPOSITED at D:          Dr cash 1100 deposited + Dr staff shortage 1300 / Cr 1200 expected + Cr suspense 2400 excess
 *   DIGITAL_CLEARED at S:    Dr bank 1500(S) / Cr 1400(S)   (the aggregator's credit seen at the bank)
 *   SETTLED at S:            Dr COD payable(biller) gross / Cr bank 1500 net / Cr COD fee income 4200 / Cr GST 2300
 *   PAYOUT_FAILED at S:      the SETTLED entry of that payout reversed (the amounts are due again)
 *   ADJUSTED at S:           a dispute upheld: Dr COD claims expense 5100 / Cr COD payable(biller) amount
 */
export const COD_MOVEMENTS = ['COLLECTED', 'DEPOSITED', 'DIGITAL_CLEARED', 'SETTLED', 'PAYOUT_FAILED', 'ADJUSTED'] as const;
export type CodMovement = (typeof COD_MOVEMENTS)[number];
const billerCode = z.string().regex(/^BL[0-9]{6}$/, 'a biller code (BL and six digits)');
const codCommon = {
  movementId: z.uuid(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** The business date at the movement's office: the entries' effective date. */
  businessDate: z.iso.date(),
  actor: actorSchema,
};
const codBillerCommon = {
  ...codCommon,
  billerCode,
  /** The head office that settles the biller: its COD payable and bank account. */
  settlementOfficeCode: officeCode,
};

export const codMovementSchema = z.discriminatedUnion('movement', [
  z.object({
    movement: z.literal('COLLECTED'),
    ...codBillerCommon,
    articleNumber: z.string().regex(/^[A-Z]{2}\d{9}[A-Z]{2}$/),
    /** The delivery office (where a postman's cash sits until deposited). */
    officeCode,
    mode: z.enum(['CASH', 'UPI', 'CARD']),
    amount: decimalAmount,
  }),
  z.object({
    movement: z.literal('DEPOSITED'),
    ...codCommon,
    depositId: z.uuid(),
    officeCode,
    postmanId: identifier,
    expected: decimalAmount,
    deposited: decimalAmount,
    /** expected - deposited when positive, else 0; excess the reverse. */
    shortage: decimalAmount,
    excess: decimalAmount,
  }),
  z.object({
    movement: z.literal('DIGITAL_CLEARED'),
    ...codBillerCommon,
    /** The aggregator's credit reference (issue 13 matches it against the bank line). */
    reference: identifier,
    amount: decimalAmount,
  }),
  z.object({
    movement: z.literal('SETTLED'),
    ...codBillerCommon,
    batchId: z.uuid(),
    payoutId: z.uuid(),
    gross: decimalAmount,
    fee: decimalAmount,
    tax: decimalAmount,
    net: decimalAmount,
  }),
  z.object({
    movement: z.literal('PAYOUT_FAILED'),
    ...codBillerCommon,
    batchId: z.uuid(),
    payoutId: z.uuid(),
    /** The SETTLED movement whose entry is reversed. */
    settledMovementId: z.uuid(),
    reason: z.string().min(1).max(MAX_REASON_LENGTH),
  }),
  z.object({
    movement: z.literal('ADJUSTED'),
    ...codBillerCommon,
    disputeId: z.uuid(),
    articleNumber: z.string().regex(/^[A-Z]{2}\d{9}[A-Z]{2}$/),
    amount: decimalAmount,
  }),
]);

/** accounts answers each COD movement: its entries, or the business rule that refused it (never retried for ever). */
export const codMovementPostedSchema = z.object({
  movement: z.enum(COD_MOVEMENTS),
  movementId: z.uuid(),
  outcome: z.enum(['POSTED', 'REJECTED']),
  entryIds: z.array(z.uuid()).max(4),
  error: z.object({ code: identifier, message: z.string().max(MAX_REASON_LENGTH) }).optional(),
  postedAt: z.iso.datetime({ offset: true }),
});
