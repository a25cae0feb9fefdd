import type { Notification, Recipient } from '@postal/notify';
import type { StaffRecord } from './model.js';

/** The kind of the notification that carries a temporary password (what an outbox reader filters on). */
export const TEMPORARY_PASSWORD_KIND = 'TEMPORARY_PASSWORD';

export function recipientOf(staff: Pick<StaffRecord, 'id' | 'username' | 'mobile' | 'email'>): Recipient {
  return { staffId: staff.id, username: staff.username, mobile: staff.mobile, email: staff.email };
}

/**
 * The message that gives a person their temporary password. It goes only to them (never into the command's answer
 * or the audit trail), so the administrator who set it cannot sign in as them.
 */
export function temporaryPasswordNotification(staff: StaffRecord, temporaryPassword: string, occasion: 'CREATED' | 'RESET'): Notification {
  return {
    recipient: recipientOf(staff),
    kind: TEMPORARY_PASSWORD_KIND,
    subject: occasion === 'CREATED' ? 'Your Postal Finance account' : 'Your Postal Finance password was reset',
    body:
      `Your temporary Postal Finance password is ${temporaryPassword} (username ${staff.username}). ` +
      'It signs you in once; you will then choose your own. If you did not expect this, tell your administrator.',
  };
}
