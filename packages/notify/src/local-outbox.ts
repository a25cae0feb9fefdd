import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Delivery, Notification, Notifier } from './notifier.js';

/** One line of the local outbox. */
export interface OutboxLine {
  id: string;
  sentAt: string;
  /** The username: the local outbox addresses people by it. */
  to: string;
  staffId: string;
  kind: string;
  subject: string;
  body: string;
}

export const outboxPath = (dataDir: string) => join(dataDir, 'notifications', 'outbox.jsonl');

/**
 * The embedded default: each notification is a JSON line appended to <DATA_DIR>/notifications/outbox.jsonl, which a
 * newcomer reads with `npm run notifications -- <username>`. It holds secrets (temporary passwords), so the folder is
 * 0700 and the file 0600, as secrets.json is; it is for trying the system out, and production refuses it.
 */
export function createLocalOutboxNotifier(options: { dataDir: string; clock?: () => Date }): Notifier {
  const clock = options.clock ?? (() => new Date());
  const path = outboxPath(options.dataDir);
  // One append at a time from this process: lines never interleave.
  let queue: Promise<unknown> = Promise.resolve();

  async function append(line: OutboxLine): Promise<void> {
    await mkdir(join(options.dataDir, 'notifications'), { recursive: true, mode: 0o700 });
    await chmod(join(options.dataDir, 'notifications'), 0o700);
    const file = await open(path, 'a', 0o600);
    try {
      await file.chmod(0o600);
      await file.appendFile(`${JSON.stringify(line)}\n`, 'utf8');
    } finally {
      await file.close();
    }
  }

  return {
    channel: 'LOCAL_OUTBOX',
    addressOf: (recipient) => recipient.username,
    async send(notification: Notification): Promise<Delivery> {
      const { recipient } = notification;
      const line: OutboxLine = {
        id: randomUUID(),
        sentAt: clock().toISOString(),
        to: recipient.username,
        staffId: recipient.staffId,
        kind: notification.kind,
        subject: notification.subject,
        body: notification.body,
      };
      const written = queue.then(() => append(line));
      queue = written.catch(() => undefined);
      await written;
      return { channel: 'LOCAL_OUTBOX', address: recipient.username };
    },
  };
}

/** The outbox's lines, newest first, for one username or everyone; a missing outbox is empty. */
export async function readLocalOutbox(dataDir: string, username?: string): Promise<OutboxLine[]> {
  let text: string;
  try {
    text = await readFile(outboxPath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as OutboxLine);
  const wanted = username === undefined ? lines : lines.filter((line) => line.to === username.trim().toLowerCase());
  return wanted.reverse();
}
