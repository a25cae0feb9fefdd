import type { z } from 'zod';
import { envelope, envelopeSchema, type EnvelopeOptions, type EventEnvelope } from './envelope.js';
import {
  approvalDecidedSchema,
  approvalExecutedSchema,
  auditRecordedSchema,
  codMovementPostedSchema,
  codMovementSchema,
  moneyOrderMovementPostedSchema,
  moneyOrderMovementSchema,
  officeCreatedSchema,
  officeUpdatedSchema,
} from './payloads.js';

/**
 * Every event type, its payload schema, and the consumer queues that receive it. A queue belongs to one consumer
 * (named '<subgraph>.<purpose>'), and that name is also the consumer's key in its processed_events table.
 * Adding a consumer to an event is a change here; the relay reads this to know where to publish.
 */
export const EVENT_CATALOGUE = {
  'audit.recorded': { payload: auditRecordedSchema, consumers: ['administration.audit'] },
  // money-orders keeps its own copy of the tree (which offices exist, are open, and whose scope they fall in).
  'office.created': { payload: officeCreatedSchema, consumers: ['accounts.office-events', 'money-orders.office-events', 'cod-settlement.office-events'] },
  'office.updated': { payload: officeUpdatedSchema, consumers: ['accounts.office-events', 'money-orders.office-events', 'cod-settlement.office-events'] },
  // Every owner of an approval kind listens here and acts only on its own subgraph's requests (administration:
  // ROLE_GRANT, accounts: MANUAL_JOURNAL); an owner added later adds its queue to this list.
  'approval.decided': {
    payload: approvalDecidedSchema,
    consumers: ['administration.approvals', 'accounts.approvals', 'money-orders.approvals', 'cod-settlement.approvals'],
  },
  // An owner other than administration reports the outcome back, so the inbox records it.
  'approval.executed': { payload: approvalExecutedSchema, consumers: ['administration.approval-results'] },
  // A money order's movement, posted by accounts' rules; accounts answers each one, posted or refused.
  'money-order.movement': { payload: moneyOrderMovementSchema, consumers: ['accounts.money-orders'] },
  'money-order.movement-posted': { payload: moneyOrderMovementPostedSchema, consumers: ['money-orders.ledger-results'] },
  // A COD movement (collection, deposit, clearing, settlement, failed payout, dispute adjustment), posted by accounts.
  'cod.movement': { payload: codMovementSchema, consumers: ['accounts.cod'] },
  'cod.movement-posted': { payload: codMovementPostedSchema, consumers: ['cod-settlement.ledger-results'] },
} as const satisfies Record<string, { payload: z.ZodType; consumers: readonly string[] }>;

export type EventType = keyof typeof EVENT_CATALOGUE;
export type EventPayload<T extends EventType> = z.output<(typeof EVENT_CATALOGUE)[T]['payload']>;
/** An envelope whose type names a catalogued event and whose payload has that event's type. */
export type TypedEvent<T extends EventType> = EventEnvelope<EventPayload<T>> & { type: T };
/** Any catalogued event; switch on `type` to narrow the payload. */
export type AnyEvent = { [T in EventType]: TypedEvent<T> }[EventType];

export type AuditRecordedPayload = EventPayload<'audit.recorded'>;
export type OfficeCreatedPayload = EventPayload<'office.created'>;
export type OfficeUpdatedPayload = EventPayload<'office.updated'>;
export type AuditActor = AuditRecordedPayload['actor'];
export type ApprovalDecidedPayload = EventPayload<'approval.decided'>;
export type ApprovalExecutedPayload = EventPayload<'approval.executed'>;
export type MoneyOrderMovementPayload = EventPayload<'money-order.movement'>;
export type MoneyOrderMovementPostedPayload = EventPayload<'money-order.movement-posted'>;
export type CodMovementPayload = EventPayload<'cod.movement'>;
export type CodMovementPostedPayload = EventPayload<'cod.movement-posted'>;

export const EVENT_TYPES: readonly EventType[] = Object.freeze(Object.keys(EVENT_CATALOGUE) as EventType[]);

/** Every consumer queue named in the catalogue, each once: what a worker process may subscribe to. */
export const CONSUMER_QUEUES: readonly string[] = Object.freeze([
  ...new Set(EVENT_TYPES.flatMap((type) => EVENT_CATALOGUE[type].consumers)),
]);

export class UnknownEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`unknown event type '${eventType}': it is not in the event catalogue`);
    this.name = 'UnknownEventTypeError';
  }
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, type);
}

function definitionOf(type: string): (typeof EVENT_CATALOGUE)[EventType] {
  if (!isEventType(type)) throw new UnknownEventTypeError(type);
  return EVENT_CATALOGUE[type];
}

/**
 * The consumer queues an event of this type goes to. An unknown type throws rather than answering none: a relay that
 * took "none" for an answer would mark the event published and lose it.
 */
export function consumersOf(type: string): readonly string[] {
  return definitionOf(type).consumers;
}

/** The payload checked against its type's schema; throws a ZodError (or UnknownEventTypeError) when it does not fit. */
export function parsePayload<T extends EventType>(type: T, payload: unknown): EventPayload<T>;
export function parsePayload(type: string, payload: unknown): unknown;
export function parsePayload(type: string, payload: unknown): unknown {
  return definitionOf(type).payload.parse(payload);
}

/** An envelope as read back from a queue or the database (unknown JSON), checked whole, payload included. */
export function parseEvent(value: unknown): AnyEvent {
  const checked = envelopeSchema.parse(value);
  const payload = parsePayload(checked.type, checked.payload);
  const event: EventEnvelope = { ...checked, payload };
  if (checked.requestId === undefined) delete event.requestId;
  return event as AnyEvent;
}

/**
 * A new event, its payload checked against the catalogue so an invalid event fails the producer's transaction instead
 * of reaching a consumer. The envelope carries the parsed payload (unknown keys stripped).
 */
export function newEvent<T extends EventType>(
  type: T,
  payload: EventPayload<T>,
  options: EnvelopeOptions,
): TypedEvent<T> {
  return envelope(type, parsePayload(type, payload), options) as TypedEvent<T>;
}
