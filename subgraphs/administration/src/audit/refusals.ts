import type { SignedRequestContext } from '@postal/auth';
import type { Database } from '@postal/db';
import { ExpectedError, UnauthenticatedError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { outbox, processedEvents } from '../db-schema.js';
import { auditEvent } from './events.js';

const MAX_TARGET_ID_LENGTH = 100;

/** A refused attempt as an audit event: what was tried, on what, and the stable code it was refused with. */
export function refusalAuditEvent(
  context: SignedRequestContext,
  action: string,
  target: { type: string; id: string },
  error: ExpectedError,
  officeCode?: string,
) {
  return auditEvent(context, {
    action,
    outcome: 'FAILURE',
    reason: error.code,
    target: { type: target.type, id: target.id.slice(0, MAX_TARGET_ID_LENGTH) || '(empty)' },
    ...(officeCode ? { officeCode } : {}),
  });
}

/**
 * Refused commands are audited too, in a transaction of their own (the attempt's own transaction rolled back). An
 * unauthenticated caller is not recorded: there is nobody to name, and the gateway logs it. Bugs (anything that is
 * not an ExpectedError) are not audit events; they are logged where they are caught.
 */
export function refusalAuditor(options: { database: Database; onEventsStaged?: (() => void) | undefined }) {
  async function record(context: SignedRequestContext, action: string, target: { type: string; id: string }, error: unknown): Promise<void> {
    if (!(error instanceof ExpectedError) || error instanceof UnauthenticatedError) return;
    await options.database.db.transaction(async (tx) => {
      await stageEvents(tx, { outbox, processedEvents }, [refusalAuditEvent(context, action, target, error)]);
    });
    options.onEventsStaged?.();
  }

  /** Runs a command; when a rule refuses it, records the refusal and rethrows. */
  async function audited<T>(context: SignedRequestContext, action: string, target: { type: string; id: string }, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await record(context, action, target, error);
      throw error;
    }
  }

  return { record, audited };
}
