export { envelopeSchema, type EventEnvelope, type EnvelopeOptions } from './envelope.js';
export { actorSchema, auditRecordedSchema, officeCreatedSchema, OFFICE_TYPES } from './payloads.js';
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
  type AuditActor,
  type AuditRecordedPayload,
  type EventPayload,
  type EventType,
  type OfficeCreatedPayload,
  type TypedEvent,
} from './catalogue.js';
