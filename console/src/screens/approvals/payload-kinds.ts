/**
 * The payloads of the kinds the console knows, read defensively: the inbox stores whatever the owning subgraph
 * submitted, so a payload that does not have the expected shape falls back to the generic field table rather than
 * being half shown. Shapes: administration's parseRoleGrantPayload and accounts' manualJournalPayloadSchema.
 */
export interface RoleGrantPayload {
  username: string;
  staffId: string;
  role: string;
  officeCode: string;
  /** The biller a biller's person acts for, when they are one: what BILLER is approved for. */
  billerCode?: string;
}

export interface JournalPosting {
  accountCode: string;
  side: 'DEBIT' | 'CREDIT';
  /** As the maker wrote it; the ledger judges it at execution. */
  amount: string;
  currency: string | undefined;
}

export type ManualJournalPayload =
  | {
      operation: 'POST';
      command: {
        idempotencyKey: string;
        officeCode: string;
        effectiveDate: string;
        description: string;
        source: { type: string; reference: string | null };
        postings: JournalPosting[];
      };
    }
  | { operation: 'REVERSE'; entryId: string; reason: string; idempotencyKey: string };

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseRoleGrant(payload: Record<string, unknown>): RoleGrantPayload | null {
  const { username, staffId, role, officeCode, billerCode } = payload;
  if (!isText(username) || !isText(staffId) || !isText(role) || !isText(officeCode)) return null;
  if (billerCode !== undefined && !isText(billerCode)) return null;
  return { username, staffId, role, officeCode, ...(billerCode === undefined ? {} : { billerCode }) };
}

function parsePosting(value: unknown): JournalPosting | null {
  if (!isObject(value)) return null;
  const { accountCode, side, amount, currency } = value;
  if (!isText(accountCode) || (side !== 'DEBIT' && side !== 'CREDIT') || !isText(amount)) return null;
  if (currency !== undefined && !isText(currency)) return null;
  return { accountCode, side, amount, currency };
}

export function parseManualJournal(payload: Record<string, unknown>): ManualJournalPayload | null {
  if (payload.operation === 'REVERSE') {
    const { entryId, reason, idempotencyKey } = payload;
    if (!isText(entryId) || !isText(reason) || !isText(idempotencyKey)) return null;
    return { operation: 'REVERSE', entryId, reason, idempotencyKey };
  }
  if (payload.operation !== 'POST' || !isObject(payload.command)) return null;
  const { idempotencyKey, officeCode, effectiveDate, description, source, postings } = payload.command;
  if (!isText(idempotencyKey) || !isText(officeCode) || !isText(effectiveDate) || !isText(description)) return null;
  if (!isObject(source) || !isText(source.type) || !(source.reference === null || typeof source.reference === 'string')) return null;
  if (!Array.isArray(postings)) return null;
  const parsed = postings.map(parsePosting);
  if (parsed.some((posting) => posting === null)) return null;
  return {
    operation: 'POST',
    command: { idempotencyKey, officeCode, effectiveDate, description, source: { type: source.type, reference: source.reference }, postings: parsed as JournalPosting[] },
  };
}
