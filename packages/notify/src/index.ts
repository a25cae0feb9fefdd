export {
  ContactRequiredError,
  NotificationFailedError,
  requireAddress,
  type Delivery,
  type Notification,
  type NotificationChannel,
  type Notifier,
  type Recipient,
} from './notifier.js';
export { createSmsNotifier, createEmailNotifier, DEFAULT_HTTP_TIMEOUT_MS, type HttpNotifierOptions } from './http.js';
export { createLocalOutboxNotifier, readLocalOutbox, outboxPath, type OutboxLine } from './local-outbox.js';
export { createMemoryNotifier, type MemoryNotifier } from './memory.js';
export { createNotifier, type NotifierSettings } from './create.js';
