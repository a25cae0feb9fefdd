import type { AuditBreakReason } from '../../gql/graphql';

export const BREAK_REASONS: Record<AuditBreakReason, string> = {
  HASH_MISMATCH: 'A stored field of the record, or its seal, is not what was sealed: the record was changed after it was sealed.',
  LINK_MISMATCH: 'The seal does not follow the stored hash of the seal before it: the chain was re-pointed.',
  RECORD_MISSING: 'The seal is there but the record it sealed is gone: a record was deleted.',
  POSITION_MISSING: 'A position of the chain is gone: a seal was deleted.',
  UNSEALED: 'A stored record is neither sealed nor waiting to be: it was taken out of the sealing queue.',
};

export function breakReason(reason: string): string {
  return BREAK_REASONS[reason as AuditBreakReason] ?? reason;
}

/** "LOGIN_SUCCEEDED" → "Login succeeded": the action as words, the code kept beside it on screen. */
export function actionWords(action: string): string {
  const words = action.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A change's value is JSON text ("\"Sansad Marg\"", "12", "null"); shown as the value it holds. */
export function jsonText(text: string | null): string | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'string') return value;
    if (value === null) return 'null';
    return typeof value === 'object' ? JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ') : String(value);
  } catch {
    return text;
  }
}
