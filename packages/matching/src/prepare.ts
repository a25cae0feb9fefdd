import { calendarDateProblem } from '@postal/calendar';
import { currencyOf, Decimal, isMoneyError, money } from '@postal/money';
import { MatchingInputError } from './errors.js';
import { counterpartyKeys, dayNumber, type CounterpartyKeys } from './normalize.js';
import { ITEM_KINDS, type BankLine, type ItemKind, type OpenItem } from './model.js';
import { LINE_FIELDS, ITEM_FIELDS, type ItemField, type LineField } from './rules.js';

/** A bank line or open item checked once and held in the forms the engine compares (Decimal, day number, keys). */
export interface Side {
  id: string;
  direction: 'CREDIT' | 'DEBIT';
  currency: string;
  amount: Decimal;
  date: string;
  day: number;
  counterparty?: CounterpartyKeys;
}

export interface PreparedLine extends Side {
  /** Field → value as written (for evidence). */
  fields: Partial<Record<LineField, string>>;
}

export interface PreparedItem extends Side {
  kind: ItemKind;
  fields: Partial<Record<ItemField, string>>;
  groupKey?: string;
}

const MAX_ID_LENGTH = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkId(value: unknown, path: string, seen: Set<string>): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) {
    throw new MatchingInputError(`${path}.id`, `must be a non-empty string of at most ${MAX_ID_LENGTH} characters`);
  }
  if (seen.has(value)) throw new MatchingInputError(`${path}.id`, `${JSON.stringify(value)} is given twice`);
  seen.add(value);
  return value;
}

function checkDirection(value: unknown, path: string): 'CREDIT' | 'DEBIT' {
  if (value !== 'CREDIT' && value !== 'DEBIT') throw new MatchingInputError(`${path}.direction`, 'must be CREDIT or DEBIT');
  return value;
}

function checkMoney(amount: unknown, currency: unknown, path: string): { amount: Decimal; currency: string } {
  try {
    const value = money(amount as string, currency as string);
    if (!value.amount.gt(0)) throw new MatchingInputError(`${path}.amount`, 'must be positive');
    return { amount: value.amount, currency: value.currency };
  } catch (error) {
    if (isMoneyError(error)) {
      throw new MatchingInputError(`${path}.${error.field === 'currency' ? 'currency' : 'amount'}`, error.message);
    }
    throw error;
  }
}

function checkDate(value: unknown, path: string): string {
  const problem = typeof value === 'string' ? calendarDateProblem(value) : 'must be a string';
  if (problem !== undefined) throw new MatchingInputError(path, problem);
  return value as string;
}

function stringFields<K extends string>(source: unknown, keys: readonly K[], path: string): Partial<Record<K, string>> {
  if (source === undefined) return {};
  if (!isRecord(source)) throw new MatchingInputError(path, 'must be an object');
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new MatchingInputError(`${path}.${key}`, 'must be a string');
    out[key] = value;
  }
  return out;
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Checks every line (refusing the whole input on the first fault) and returns them sorted by id. */
export function prepareLines(lines: readonly BankLine[]): PreparedLine[] {
  if (!Array.isArray(lines)) throw new MatchingInputError('lines', 'must be a list');
  const seen = new Set<string>();
  const referenceFields = LINE_FIELDS.filter((field) => field !== 'remittance');
  return lines
    .map((line, index): PreparedLine => {
      const path = `lines[${index}]`;
      if (!isRecord(line)) throw new MatchingInputError(path, 'must be an object');
      const id = checkId(line.id, path, seen);
      const direction = checkDirection(line.direction, path);
      const { amount, currency } = checkMoney(line.amount, line.currency, path);
      const date = checkDate(line.bookingDate, `${path}.bookingDate`);
      if (line.valueDate !== undefined) checkDate(line.valueDate, `${path}.valueDate`);
      const fields: PreparedLine['fields'] = stringFields(line.references, referenceFields, `${path}.references`);
      if (line.remittance !== undefined) {
        if (typeof line.remittance !== 'string') throw new MatchingInputError(`${path}.remittance`, 'must be a string');
        fields.remittance = line.remittance;
      }
      const counterparty = counterpartyKeys(
        stringFields(line.counterparty, ['name', 'iban', 'account', 'bic'] as const, `${path}.counterparty`),
      );
      const prepared: PreparedLine = { id, direction, currency, amount, date, day: dayNumber(date), fields };
      if (counterparty) prepared.counterparty = counterparty;
      return prepared;
    })
    .sort(byId);
}

export function prepareItems(items: readonly OpenItem[]): PreparedItem[] {
  if (!Array.isArray(items)) throw new MatchingInputError('items', 'must be a list');
  const seen = new Set<string>();
  const referenceFields = ITEM_FIELDS.filter((field) => field !== 'groupKey');
  return items
    .map((item, index): PreparedItem => {
      const path = `items[${index}]`;
      if (!isRecord(item)) throw new MatchingInputError(path, 'must be an object');
      const id = checkId(item.id, path, seen);
      if (!ITEM_KINDS.includes(item.kind as ItemKind)) {
        throw new MatchingInputError(`${path}.kind`, `must be one of ${ITEM_KINDS.join(', ')}`);
      }
      const direction = checkDirection(item.direction, path);
      const { amount, currency } = checkMoney(item.amount, item.currency, path);
      const date = checkDate(item.date, `${path}.date`);
      const fields: PreparedItem['fields'] = stringFields(item.references, referenceFields, `${path}.references`);
      if (item.groupKey !== undefined) {
        if (typeof item.groupKey !== 'string' || item.groupKey === '') {
          throw new MatchingInputError(`${path}.groupKey`, 'must be a non-empty string');
        }
        fields.groupKey = item.groupKey;
      }
      const counterparty = counterpartyKeys(
        stringFields(item.counterparty, ['name', 'iban', 'account', 'bic'] as const, `${path}.counterparty`),
      );
      const prepared: PreparedItem = {
        id,
        kind: item.kind as ItemKind,
        direction,
        currency,
        amount,
        date,
        day: dayNumber(date),
        fields,
      };
      if (item.groupKey !== undefined) prepared.groupKey = item.groupKey;
      if (counterparty) prepared.counterparty = counterparty;
      return prepared;
    })
    .sort(byId);
}

const minorUnitsByCode = new Map<string, number>();

/** The currency's minor units, for printing totals ("500.00", JPY "500"). */
export function minorUnits(currency: string): number {
  let units = minorUnitsByCode.get(currency);
  if (units === undefined) minorUnitsByCode.set(currency, (units = currencyOf(currency).minorUnits));
  return units;
}
