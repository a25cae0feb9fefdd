import { NotificationFailedError, requireAddress, type Delivery, type Notification, type Notifier, type Recipient } from './notifier.js';

/** How long a provider has to accept a notification. */
export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;

export interface HttpNotifierOptions {
  /** The provider's endpoint: it receives a POST of JSON { to, kind, subject, body, staffId }. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  timeoutMs?: number;
  /** For tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/**
 * An HTTP provider (an SMS gateway, a transactional e-mail service) behind a small relay that takes one JSON shape:
 * `{ to, kind, subject, body, staffId }`. Any 2xx is accepted; anything else, a timeout or an unreachable host is
 * NOTIFICATION_FAILED. The body is never logged here.
 */
function createHttpNotifier(channel: 'SMS' | 'EMAIL', addressOf: (recipient: Recipient) => string | undefined, options: HttpNotifierOptions): Notifier {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const notifier: Notifier = {
    channel,
    addressOf,
    async send(notification: Notification): Promise<Delivery> {
      const to = requireAddress(notifier, notification.recipient);
      let response: Response;
      try {
        response = await send(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify({ to, kind: notification.kind, subject: notification.subject, body: notification.body, staffId: notification.recipient.staffId }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        throw new NotificationFailedError(channel, (error as Error).name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : 'provider unreachable');
      }
      // Read and drop the body, so the connection is released.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new NotificationFailedError(channel, `provider answered HTTP ${response.status}`);
      return { channel, address: to };
    },
  };
  return notifier;
}

const present = (value: string | null | undefined) => (value && value.length > 0 ? value : undefined);

/** SMS to the recipient's mobile. */
export function createSmsNotifier(options: HttpNotifierOptions): Notifier {
  return createHttpNotifier('SMS', (recipient) => present(recipient.mobile), options);
}

/** E-mail to the recipient's address. */
export function createEmailNotifier(options: HttpNotifierOptions): Notifier {
  return createHttpNotifier('EMAIL', (recipient) => present(recipient.email), options);
}
