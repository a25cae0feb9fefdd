/**
 * A tariff change, as a finance officer proposes it and a checker approves it: a new version of one product's tariff
 * from a future day. Pure: the proposal's checks, the MO_TARIFF_CHANGE payload and its reading back, and the plan of
 * what the change does to the versions already there. tariffs/service.ts does the I/O.
 */
import { Decimal, formatAmount, money } from '@postal/money';
import { isCalendarDate } from '@postal/calendar';
import { BadUserInputError } from '@postal/errors';
import { canonicalJson } from '@postal/events';
import { MONEY_ORDER_PRODUCTS, validateTariffVersion, type MoneyOrderProduct, type TariffRule, type TariffVersion } from './domain.js';
import { TariffError } from './errors.js';

/** Bounds on what a proposal may carry (the inbox takes at most 16 kB of payload). */
export const MAX_RULE_TEXT_LENGTH = 4_000;
export const MAX_SLABS = 50;

/** The proposal as the API hands it over: amounts and rate as decimal text, the rule as JSON text. */
export interface TariffProposalInput {
  product: string;
  currency: string;
  effectiveFrom: string;
  minAmount: string;
  maxAmount: string;
  wholeUnitsOnly: boolean;
  rule: string;
  taxRatePercent: string;
}

/** What a MO_TARIFF_CHANGE request carries: the version exactly as it will be inserted (JSON, strings for amounts). */
export interface TariffChangePayload {
  tariff: Omit<TariffVersion, 'effectiveTo'>;
}

const COUNTRY_OF_CURRENCY: Readonly<Record<string, string>> = { INR: 'IN', PKR: 'PK' };

/** 'IN-MO-ORDINARY-2027-01-01': the seeded versions' pattern, so every version's id says what it is. */
export function tariffVersionId(currency: string, product: MoneyOrderProduct, effectiveFrom: string): string {
  return `${COUNTRY_OF_CURRENCY[currency] ?? currency}-MO-${product}-${effectiveFrom}`;
}

function decimalText(text: string, field: string): string {
  try {
    const value = new Decimal(text);
    if (!value.isFinite()) throw new Error('not finite');
    return value.toFixed();
  } catch {
    throw new BadUserInputError(field, `${field} is a decimal number`);
  }
}

function amountString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 40) {
    throw new BadUserInputError(`rule.${field}`, `rule.${field} is a decimal amount written as a string ("20")`);
  }
  return decimalText(value, `rule.${field}`);
}

/** The rule from its JSON text, with only the keys its kind has: the checker approves exactly what is applied. */
export function parseRule(text: string): TariffRule {
  if (typeof text !== 'string' || text.length > MAX_RULE_TEXT_LENGTH) {
    throw new BadUserInputError('rule', `rule is JSON of at most ${MAX_RULE_TEXT_LENGTH} characters`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadUserInputError('rule', 'rule is not JSON');
  }
  const rule = (value ?? {}) as Record<string, unknown>;
  switch (rule.kind) {
    case 'PER_UNIT_OR_PART':
      return { kind: 'PER_UNIT_OR_PART', unit: amountString(rule.unit, 'unit'), chargePerUnit: amountString(rule.chargePerUnit, 'chargePerUnit') };
    case 'SLABS': {
      if (!Array.isArray(rule.slabs) || rule.slabs.length === 0 || rule.slabs.length > MAX_SLABS) {
        throw new BadUserInputError('rule.slabs', `rule.slabs is a list of 1 to ${MAX_SLABS} {upTo, charge}`);
      }
      return {
        kind: 'SLABS',
        slabs: rule.slabs.map((slab: Record<string, unknown> | null, index: number) => ({
          upTo: amountString(slab?.upTo, `slabs[${index}].upTo`),
          charge: amountString(slab?.charge, `slabs[${index}].charge`),
        })),
      };
    }
    case 'FREE':
      return { kind: 'FREE' };
    default:
      throw new BadUserInputError('rule', 'rule.kind is PER_UNIT_OR_PART, SLABS or FREE');
  }
}

/**
 * The version a proposal asks for, checked as far as can be without the database: the operator's currency, a future
 * first day (EFFECTIVE_FROM_NOT_FUTURE), and consistent data (validateTariffVersion: INVALID_TARIFF).
 */
export function proposedVersion(input: TariffProposalInput, operatorCurrency: string, today: string): TariffChangePayload['tariff'] {
  if (!MONEY_ORDER_PRODUCTS.includes(input.product as MoneyOrderProduct)) throw new BadUserInputError('product', 'unknown money-order product');
  if (input.currency !== operatorCurrency) {
    throw new BadUserInputError('currency', `this operator's tariffs are in ${operatorCurrency}`);
  }
  if (!isCalendarDate(input.effectiveFrom)) throw new BadUserInputError('effectiveFrom', "effectiveFrom is a date 'YYYY-MM-DD'");
  if (input.effectiveFrom <= today) {
    throw new TariffError('EFFECTIVE_FROM_NOT_FUTURE', `a tariff changes from a future day; ${input.effectiveFrom} is not after ${today}`, {
      field: 'effectiveFrom',
      details: { today },
    });
  }
  const product = input.product as MoneyOrderProduct;
  const tariff = {
    id: tariffVersionId(input.currency, product, input.effectiveFrom),
    product,
    currency: input.currency,
    effectiveFrom: input.effectiveFrom,
    minAmount: decimalText(input.minAmount, 'minAmount'),
    maxAmount: decimalText(input.maxAmount, 'maxAmount'),
    wholeUnitsOnly: input.wholeUnitsOnly === true,
    rule: parseRule(input.rule),
    taxRatePercent: decimalText(input.taxRatePercent, 'taxRatePercent'),
  };
  validateTariffVersion({ ...tariff, effectiveTo: null });
  return tariff;
}

const PAYLOAD_KEYS = ['currency', 'effectiveFrom', 'id', 'maxAmount', 'minAmount', 'product', 'rule', 'taxRatePercent', 'wholeUnitsOnly'];

/** Reads an approved MO_TARIFF_CHANGE payload back: exactly the keys a proposal writes, and a consistent version. */
export function parseTariffChangePayload(payload: Record<string, unknown>): { ok: true; payload: TariffChangePayload } | { ok: false; problem: string } {
  const keys = Object.keys(payload);
  if (keys.length !== 1 || keys[0] !== 'tariff') return { ok: false, problem: 'a tariff change carries exactly { tariff }' };
  const tariff = payload.tariff as Record<string, unknown> | null;
  if (!tariff || typeof tariff !== 'object' || Array.isArray(tariff)) return { ok: false, problem: 'tariff is not an object' };
  const tariffKeys = Object.keys(tariff).sort();
  if (tariffKeys.join() !== PAYLOAD_KEYS.join()) return { ok: false, problem: `tariff has the keys ${tariffKeys.join(', ')}, not ${PAYLOAD_KEYS.join(', ')}` };
  try {
    const version = tariff as unknown as TariffChangePayload['tariff'];
    // The rule is read again with the proposal's parser, so no key the executor would ignore was approved.
    const rule = parseRule(JSON.stringify(version.rule));
    // Compared canonically: jsonb hands keys back in its own order.
    if (canonicalJson(rule) !== canonicalJson(version.rule)) return { ok: false, problem: 'rule carries keys or amounts a proposal does not write' };
    if (typeof version.wholeUnitsOnly !== 'boolean') return { ok: false, problem: 'wholeUnitsOnly is not a boolean' };
    validateTariffVersion({ ...version, effectiveTo: null });
    if (version.id !== tariffVersionId(version.currency, version.product, version.effectiveFrom)) return { ok: false, problem: 'id does not name the version' };
    return { ok: true, payload: { tariff: version } };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * What adding `next` does to the product's versions (all of them, any order): the version still open at its first
 * day ends that day. TARIFF_CONFLICT when a version already starts on or after it (a scheduled change exists:
 * approving another one before it would leave two futures; end or replace that one first).
 */
export function planTariffChange(existing: readonly TariffVersion[], next: Pick<TariffVersion, 'id' | 'product' | 'effectiveFrom'>): { close: { id: string; effectiveTo: string } | null } {
  const later = existing.filter((version) => version.effectiveFrom >= next.effectiveFrom);
  if (later.length > 0) {
    throw new TariffError('TARIFF_CONFLICT', `${next.product} tariff ${later.map((v) => v.id).join(', ')} already starts on or after ${next.effectiveFrom}`, {
      field: 'effectiveFrom',
      details: { tariffVersionIds: later.map((version) => version.id) },
    });
  }
  const open = existing.find((version) => version.effectiveTo === null || version.effectiveTo > next.effectiveFrom);
  return { close: open ? { id: open.id, effectiveTo: next.effectiveFrom } : null };
}

/** The inbox's one line: "Money-order tariff ORDINARY (INR) from 2027-01-01: Re 1 per 20 or part, 1 - 10,000, tax 18%". */
export function tariffChangeSummary(tariff: TariffChangePayload['tariff']): string {
  const amount = (text: string) => formatAmount(money(text, tariff.currency));
  const rule = tariff.rule;
  const charge =
    rule.kind === 'FREE'
      ? 'no commission'
      : rule.kind === 'PER_UNIT_OR_PART'
        ? `${amount(rule.chargePerUnit)} per ${amount(rule.unit)} or part`
        : rule.slabs.map((slab) => `${amount(slab.charge)} up to ${amount(slab.upTo)}`).join(', ');
  const line = `Money-order tariff ${tariff.product} (${tariff.currency}) from ${tariff.effectiveFrom}: ${charge}; ${amount(tariff.minAmount)} - ${amount(tariff.maxAmount)}${tariff.wholeUnitsOnly ? ' whole units' : ''}; tax ${tariff.taxRatePercent}%`;
  return line.length <= 500 ? line : `${line.slice(0, 499)}…`;
}
