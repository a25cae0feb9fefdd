export { envelopeSchema, type EventEnvelope, type EnvelopeOptions } from './envelope.js';
export { actorSchema, auditRecordedSchema, officeCreatedSchema, officeUpdatedSchema, OFFICE_TYPES } from './payloads.js';
export {
  APPROVAL_KINDS,
  APPROVAL_DECISIONS,
  APPROVAL_EXECUTION_OUTCOMES,
  approvalDecidedSchema,
  approvalExecutedSchema,
  type ApprovalKind,
  MONEY_ORDER_MOVEMENTS,
  moneyOrderMovementSchema,
  moneyOrderMovementPostedSchema,
  type MoneyOrderMovement,
} from './payloads.js';
export {
  EVENT_CATALOGUE,
  EVENT_TYPES,
  CONSUMER_QUEUES,
  UnknownEventTypeError,
  consumersOf,
  isEventType,
  newEvent,
  parseEvent,
  parsePayload,
  type AnyEvent,
  type ApprovalDecidedPayload,
  type ApprovalExecutedPayload,
  type AuditActor,
  type AuditRecordedPayload,
  type EventPayload,
  type EventType,
  type MoneyOrderMovementPayload,
  type MoneyOrderMovementPostedPayload,
  type OfficeCreatedPayload,
  type OfficeUpdatedPayload,
  type TypedEvent,
} from './catalogue.js';
export { canonicalJson } from './canonical.js';
