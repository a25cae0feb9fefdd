import { ExpectedError } from '@postal/errors';

/*
 * One way to tell a person something: a temporary password today, a money order's one-time code or a settlement
 * notice later. Callers say who and what; the adapter decides how it travels and to which address of the person's. A
 * message may carry a secret, so adapters never log bodies, and nothing here is an audit record (the caller audits
 * where it was sent, never what).
 */

/** A member of staff (or later a customer) as a notifier needs them: who, and the addresses they have. */
export interface Recipient {
  staffId: string;
  username: string;
  /** E.164, e.g. +919812345678. */
  mobile?: string | null;
  email?: string | null;
}

export interface Notification {
  recipient: Recipient;
  /** What this is, for templates and for reading an outbox: e.g. TEMPORARY_PASSWORD, OTP. */
  kind: string;
  subject: string;
  body: string;
}

/** How a notification travels. MEMORY is the tests' notifier. */
export type NotificationChannel = 'SMS' | 'EMAIL' | 'LOCAL_OUTBOX' | 'MEMORY';

/** Where a notification went: the channel and the address on it (a mobile, an e-mail, a username's outbox). */
export interface Delivery {
  channel: NotificationChannel;
  address: string;
}

export interface Notifier {
  readonly channel: NotificationChannel;
  /** The recipient's address on this channel, or undefined when they have none (the caller refuses CONTACT_REQUIRED). */
  addressOf(recipient: Recipient): string | undefined;
  /** Sends it, or throws NotificationFailedError; throws ContactRequiredError when the recipient has no address. */
  send(notification: Notification): Promise<Delivery>;
}

/** The recipient has no address this notifier can reach: a mobile for SMS, an e-mail for e-mail. */
export class ContactRequiredError extends ExpectedError {
  constructor(channel: NotificationChannel, field: 'mobile' | 'email') {
    super('CONTACT_REQUIRED', `notifications go by ${channel === 'SMS' ? 'SMS' : 'e-mail'}: give the person ${field === 'mobile' ? 'a mobile number' : 'an e-mail address'}`, {
      field,
      details: { channel },
    });
  }
}

/**
 * The provider did not take the notification (unreachable, timed out, refused). Expected, so the caller gets a code
 * rather than a masked fault: the change that needed it has committed, and the remedy is to send again.
 */
export class NotificationFailedError extends ExpectedError {
  constructor(channel: NotificationChannel, reason: string) {
    super('NOTIFICATION_FAILED', `the ${channel} notification could not be sent (${reason})`, { details: { channel } });
  }
}

/** The address, or ContactRequiredError: the check callers make before a change that must reach the person. */
export function requireAddress(notifier: Notifier, recipient: Recipient): string {
  const address = notifier.addressOf(recipient);
  if (address !== undefined) return address;
  throw new ContactRequiredError(notifier.channel, notifier.channel === 'SMS' ? 'mobile' : 'email');
}
