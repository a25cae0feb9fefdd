import { statusLabel } from './kinds';

/** A request's status in words, coloured by what it means for the reader (waiting, done, refused). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`status status-${status.toLowerCase()}`}>{statusLabel(status)}</span>;
}
