import type { SignedRequestContext } from '@postal/auth';
import { auditEvent as sharedAuditEvent, type AuditRecordInput } from '@postal/server';

/*
 * The administration subgraph's name for the shared audit helper (@postal/server's auditEvent, which every subgraph
 * uses with its own name as the source). Kept so this subgraph's services write `auditEvent(context, {...})`.
 */
export { auditActor, changeSummary, type AuditRecordInput } from '@postal/server';

/** An `audit.recorded` event from the administration subgraph, carrying the request's id and client address. */
export function auditEvent(context: SignedRequestContext, record: AuditRecordInput) {
  return sharedAuditEvent('administration', context, record);
}
