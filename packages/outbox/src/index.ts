export { outboxTables, type OutboxTables } from './tables.js';
export { stageEvents, MAX_EVENTS_PER_STAGE } from './stage.js';
export { QueueClosedError, MAX_CONCURRENCY, type EventQueue, type EventHandler, type ConsumeOptions } from './queue.js';
export {
  InProcessEventQueue,
  NoConsumerError,
  DeliveryFailedError,
  type InProcessQueueOptions,
} from './in-process-queue.js';
export { BullEventQueue, type BullEventQueueOptions, type BullJobSettings, type BullStallSettings } from './bull-queue.js';
export { createEventQueue, type CreateEventQueueOptions } from './create-queue.js';
export { startOutboxRelay, OutboxPublishError, type OutboxRelay, type OutboxRelayOptions } from './relay.js';
export { consumeIdempotently, PoisonMessageError, type ConsumeIdempotentlyOptions } from './consumer.js';
export { startEventWorkers, type EventWorkersOptions } from './workers.js';
export type { OutboxLogger } from './logger.js';
