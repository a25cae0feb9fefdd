import type { MoneyValue } from '../../format/money';

/**
 * A payload the console has no dedicated view for, made readable: every leaf as a labelled row ("Command › Postings
 * › 2 › Amount"), money objects ({ amount, currency }) as money, and a payload that carries `before` and `after`
 * shown side by side. Nothing is left out: every leaf of the payload is a row, so the checker sees all of it.
 */
export type FieldValue = { kind: 'text'; text: string } | { kind: 'money'; money: MoneyValue } | { kind: 'none' };

export interface PayloadField {
  path: string[];
  value: FieldValue;
}

export interface FieldChange {
  path: string[];
  before: FieldValue;
  after: FieldValue;
}

export function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.length === 0 ? key : words.charAt(0).toUpperCase() + words.slice(1);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMoney(value: unknown): value is MoneyValue {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value.amount === 'string' && typeof value.currency === 'string' && /^-?\d+(\.\d+)?$/.test(value.amount) && /^[A-Z]{3}$/.test(value.currency);
}

function leaf(value: unknown): FieldValue {
  if (value === null || value === undefined) return { kind: 'none' };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'Yes' : 'No' };
  if (typeof value === 'string') return value.length === 0 ? { kind: 'text', text: '(empty)' } : { kind: 'text', text: value };
  return { kind: 'text', text: String(value) };
}

/** Every leaf of a JSON value, depth first, in the payload's own key order. */
export function payloadFields(value: unknown, path: string[] = []): PayloadField[] {
  if (isMoney(value)) return [{ path, value: { kind: 'money', money: value } }];
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ path, value: { kind: 'text', text: '(none)' } }];
    return value.flatMap((item, index) => payloadFields(item, [...path, `#${index + 1}`]));
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [{ path, value: { kind: 'text', text: '(empty)' } }];
    return entries.flatMap(([key, item]) => payloadFields(item, [...path, humanize(key)]));
  }
  return [{ path, value: leaf(value) }];
}

/**
 * When a payload says what it changes as `before` and `after` (objects), the fields side by side, each field once,
 * in the order they first appear; the payload's other fields are answered separately (`rest`).
 */
export function beforeAfter(payload: Record<string, unknown>): { changes: FieldChange[]; rest: PayloadField[] } | null {
  const { before, after, ...rest } = payload;
  if (!(isObject(before) || before === null) || !(isObject(after) || after === null) || (before == null && after == null)) return null;
  const beforeFields = new Map(payloadFields(before ?? {}).map((field) => [field.path.join(' › '), field]));
  const afterFields = new Map(payloadFields(after ?? {}).map((field) => [field.path.join(' › '), field]));
  const keys = [...new Set([...beforeFields.keys(), ...afterFields.keys()])].filter((key) => key !== '');
  const none: FieldValue = { kind: 'none' };
  return {
    changes: keys.map((key) => ({
      path: (beforeFields.get(key) ?? afterFields.get(key))!.path,
      before: before == null ? none : (beforeFields.get(key)?.value ?? none),
      after: after == null ? none : (afterFields.get(key)?.value ?? none),
    })),
    rest: Object.keys(rest).length > 0 ? payloadFields(rest) : [],
  };
}

/** Whether two readable values say the same (a field the change leaves as it was). */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text;
  if (a.kind === 'money' && b.kind === 'money') return a.money.amount === b.money.amount && a.money.currency === b.money.currency;
  return true;
}
