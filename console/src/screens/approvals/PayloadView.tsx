import { GenericPayload } from './GenericPayload';
import { JournalPostChange, JournalReverseChange } from './ManualJournalChange';
import { parseManualJournal, parseRoleGrant } from './payload-kinds';
import { RoleGrantChange } from './RoleGrantChange';

/**
 * The exact payload as what it will change: a dedicated view for the kinds the console knows (a role grant, a
 * manual journal or reversal), and for any other kind or an unexpected shape every field of the payload in words.
 */
export function PayloadView({ kind, status, payload, result }: { kind: string; status: string; payload: Record<string, unknown>; result: Record<string, unknown> | null }) {
  if (kind === 'ROLE_GRANT') {
    const grant = parseRoleGrant(payload);
    if (grant) return <RoleGrantChange payload={grant} status={status} result={result} />;
  }
  if (kind === 'MANUAL_JOURNAL') {
    const journal = parseManualJournal(payload);
    if (journal?.operation === 'POST') return <JournalPostChange payload={journal} status={status} />;
    if (journal?.operation === 'REVERSE') return <JournalReverseChange payload={journal} />;
  }
  return <GenericPayload payload={payload} />;
}
