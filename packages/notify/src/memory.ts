import type { Delivery, Notification, Notifier } from './notifier.js';

export interface MemoryNotifier extends Notifier {
  /** Everything sent, oldest first. */
  readonly sent: readonly Notification[];
  /** The newest notification to a username (of a kind, when given). */
  latest(username: string, kind?: string): Notification | undefined;
}

/** For tests: keeps what it is sent, so a test can read the temporary password the person received. */
export function createMemoryNotifier(): MemoryNotifier {
  const sent: Notification[] = [];
  return {
    channel: 'MEMORY',
    sent,
    addressOf: (recipient) => recipient.username,
    async send(notification: Notification): Promise<Delivery> {
      sent.push(structuredClone(notification));
      return { channel: 'MEMORY', address: notification.recipient.username };
    },
    latest(username: string, kind?: string) {
      for (let index = sent.length - 1; index >= 0; index -= 1) {
        const notification = sent[index]!;
        if (notification.recipient.username === username && (kind === undefined || notification.kind === kind)) return notification;
      }
      return undefined;
    },
  };
}
