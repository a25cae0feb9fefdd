import { Decimal } from '@postal/money';
import { RuleSetError, type RuleSetIssue } from './errors.js';
import { ITEM_KINDS, type ItemKind } from './model.js';

/**
 * Matching rules as data (issue 13). A rule set is edited by people and approved through the approvals inbox, so it
 * travels as JSON: every number that is money or a confidence is a decimal string, and checkRuleSet refuses anything
 * it does not know (a typo in a field name is an error, not a silently ignored setting).
 */

export type RuleKind = 'EXACT_REFERENCE' | 'AMOUNT_DATE' | 'REFERENCE_CONTAINS';
export type Strategy = 'ONE_TO_ONE' | 'ONE_TO_MANY' | 'MANY_TO_ONE';

export const RULE_KINDS: readonly RuleKind[] = ['EXACT_REFERENCE', 'AMOUNT_DATE', 'REFERENCE_CONTAINS'];
export const STRATEGIES: readonly Strategy[] = ['ONE_TO_ONE', 'ONE_TO_MANY', 'MANY_TO_ONE'];

/** Where a bank line carries a reference: its LineReferences, or the free remittance text. */
export type LineField =
  | 'endToEndId'
  | 'accountServicerReference'
  | 'ownerReference'
  | 'paymentInformationId'
  | 'utr'
  | 'mandateId'
  | 'transactionId'
  | 'creditorReference'
  | 'remittance';
export const LINE_FIELDS: readonly LineField[] = [
  'endToEndId',
  'accountServicerReference',
  'ownerReference',
  'paymentInformationId',
  'utr',
  'mandateId',
  'transactionId',
  'creditorReference',
  'remittance',
];

/** Where an open item carries a reference: its ItemReferences, or its groupKey (an aggregator's settlement id). */
export type ItemField = 'utr' | 'batchReference' | 'endToEndId' | 'rrn' | 'depositSlip' | 'moneyOrderNumber' | 'groupKey';
export const ITEM_FIELDS: readonly ItemField[] = [
  'utr',
  'batchReference',
  'endToEndId',
  'rrn',
  'depositSlip',
  'moneyOrderNumber',
  'groupKey',
];

export interface Rule {
  /** Stable: a match records it. Letters, digits, '.', '_', '-'; at most 64. */
  id: string;
  name: string;
  enabled: boolean;
  kind: RuleKind;
  strategy: Strategy;
  /** Which item kinds the rule may match. */
  sources: ItemKind[];
  /** Reference rules: the line fields compared (every line field against every item field). Empty for AMOUNT_DATE. */
  lineFields: LineField[];
  itemFields: ItemField[];
  /**
   * How far the line total may be from the items' total, inclusive: the larger of `absolute` and `percent` % of the
   * items' total. "0" and "0" means exact.
   */
  amountTolerance: { absolute: string; percent: string };
  /** The line's booking date may be up to `before` days before and `after` days after each item's date. */
  dateWindowDays: { before: number; after: number };
  /** Only when the line's and the item's counterparties agree (account/IBAN, else name). */
  requireCounterparty: boolean;
  /**
   * AMOUNT_DATE with ONE_TO_MANY or MANY_TO_ONE only: besides groups (groupKey, shared reference), search bounded
   * subsets of one counterparty's items (or lines) whose sum is within tolerance. See SUBSET_LIMITS.
   */
  subsetSum: boolean;
  /** The confidence of a perfect match under this rule, before the evidence adjusts it; 0..1. */
  baseConfidence: string;
}

export interface RuleSet {
  /** Increases with each approved change; a match run records which version it used. */
  version: number;
  /** Confidence (0..1, decimal string) at or above which a match is CONFIRMED; below it is SUGGESTED. */
  autoConfirmAt: string;
  /** In priority order: the first rule matches first, and what it matched is gone for the rules after it. */
  rules: Rule[];
}

export const RULE_SET_LIMITS = {
  maxRules: 100,
  maxIdLength: 64,
  maxNameLength: 120,
  /** Tolerances above this (in the currency's units) are a typo, not a policy. */
  maxAbsoluteTolerance: '1000000',
  maxPercentTolerance: '100',
  maxWindowDays: 90,
  /** Decimal places allowed in confidences and percentages. */
  maxScale: 4,
  maxVersion: 1_000_000_000,
} as const;

const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DECIMAL_SHAPE = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
const MAX_ISSUES = 50;

const RULE_KEYS = [
  'id',
  'name',
  'enabled',
  'kind',
  'strategy',
  'sources',
  'lineFields',
  'itemFields',
  'amountTolerance',
  'dateWindowDays',
  'requireCounterparty',
  'subsetSum',
  'baseConfidence',
] as const;
/** Optional on input (defaults to false); always present on the checked result. */
const OPTIONAL_RULE_KEYS = new Set<string>(['subsetSum']);

class Issues {
  readonly list: RuleSetIssue[] = [];
  add(path: string, message: string): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ path, message });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], path: string, issues: Issues): void {
  for (const key of Object.keys(value).sort()) {
    if (!allowed.includes(key)) issues.add(`${path}${path ? '.' : ''}${key}`, 'unknown field');
  }
}

function need(value: Record<string, unknown>, key: string, path: string, issues: Issues, optional = false): boolean {
  if (value[key] === undefined) {
    if (!optional) issues.add(`${path}${path ? '.' : ''}${key}`, 'is required');
    return false;
  }
  return true;
}

/** A non-negative decimal string with at most `scale` places, at most `max`. */
function checkDecimal(value: unknown, path: string, issues: Issues, max: string, scale: number): string | undefined {
  if (typeof value !== 'string' || !DECIMAL_SHAPE.test(value) || value.length > 40) {
    issues.add(path, `must be a non-negative decimal string such as "0.5"; got ${describe(value)}`);
    return undefined;
  }
  const decimal = new Decimal(value);
  if (decimal.decimalPlaces() > scale) {
    issues.add(path, `at most ${scale} decimal places; got ${value}`);
    return undefined;
  }
  if (decimal.gt(max)) {
    issues.add(path, `at most ${max}; got ${value}`);
    return undefined;
  }
  return value;
}

function checkInteger(value: unknown, path: string, issues: Issues, min: number, max: number): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    issues.add(path, `must be a whole number from ${min} to ${max}; got ${describe(value)}`);
    return undefined;
  }
  return value;
}

function checkBoolean(value: unknown, path: string, issues: Issues): boolean | undefined {
  if (typeof value !== 'boolean') {
    issues.add(path, `must be true or false; got ${describe(value)}`);
    return undefined;
  }
  return value;
}

function checkEnum<T extends string>(value: unknown, allowed: readonly T[], path: string, issues: Issues): T | undefined {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    issues.add(path, `must be one of ${allowed.join(', ')}; got ${describe(value)}`);
    return undefined;
  }
  return value as T;
}

function checkEnumList<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
  issues: Issues,
  nonEmpty: boolean,
): T[] | undefined {
  if (!Array.isArray(value)) {
    issues.add(path, `must be a list of ${allowed.join(', ')}; got ${describe(value)}`);
    return undefined;
  }
  if (nonEmpty && value.length === 0) issues.add(path, 'must name at least one');
  const seen = new Set<string>();
  const out: T[] = [];
  value.forEach((entry, index) => {
    const checked = checkEnum(entry, allowed, `${path}[${index}]`, issues);
    if (checked === undefined) return;
    if (seen.has(checked)) issues.add(`${path}[${index}]`, `${checked} is listed twice`);
    seen.add(checked);
    out.push(checked);
  });
  return out;
}

function checkRule(value: unknown, path: string, issues: Issues): Rule | undefined {
  if (!isRecord(value)) {
    issues.add(path, `must be an object; got ${describe(value)}`);
    return undefined;
  }
  checkKeys(value, RULE_KEYS, path, issues);
  const before = issues.list.length;
  for (const key of RULE_KEYS) need(value, key, path, issues, OPTIONAL_RULE_KEYS.has(key));

  let id: string | undefined;
  if (value.id !== undefined) {
    if (typeof value.id !== 'string' || !ID_SHAPE.test(value.id) || value.id.length > RULE_SET_LIMITS.maxIdLength) {
      const shape = `1 to ${RULE_SET_LIMITS.maxIdLength} letters, digits, '.', '_' or '-'`;
      issues.add(`${path}.id`, `must be ${shape}; got ${describe(value.id)}`);
    } else id = value.id;
  }
  let name: string | undefined;
  if (value.name !== undefined) {
    if (typeof value.name !== 'string' || value.name.trim() === '' || value.name.length > RULE_SET_LIMITS.maxNameLength) {
      issues.add(`${path}.name`, `must be a non-blank text of at most ${RULE_SET_LIMITS.maxNameLength} characters`);
    } else name = value.name;
  }
  const enabled = value.enabled === undefined ? undefined : checkBoolean(value.enabled, `${path}.enabled`, issues);
  const kind = value.kind === undefined ? undefined : checkEnum(value.kind, RULE_KINDS, `${path}.kind`, issues);
  const strategy =
    value.strategy === undefined ? undefined : checkEnum(value.strategy, STRATEGIES, `${path}.strategy`, issues);
  const sources =
    value.sources === undefined ? undefined : checkEnumList(value.sources, ITEM_KINDS, `${path}.sources`, issues, true);
  const isReference = kind === 'EXACT_REFERENCE' || kind === 'REFERENCE_CONTAINS';
  const lineFields =
    value.lineFields === undefined
      ? undefined
      : checkEnumList(value.lineFields, LINE_FIELDS, `${path}.lineFields`, issues, isReference);
  const itemFields =
    value.itemFields === undefined
      ? undefined
      : checkEnumList(value.itemFields, ITEM_FIELDS, `${path}.itemFields`, issues, isReference);
  if (kind === 'AMOUNT_DATE') {
    // Listed fields that the rule would ignore mislead whoever approves it.
    if (lineFields && lineFields.length > 0) issues.add(`${path}.lineFields`, 'must be empty for AMOUNT_DATE');
    if (itemFields && itemFields.length > 0) issues.add(`${path}.itemFields`, 'must be empty for AMOUNT_DATE');
  }
  if (kind === 'EXACT_REFERENCE' && lineFields?.includes('remittance')) {
    issues.add(`${path}.lineFields`, 'remittance is free text: compare it with REFERENCE_CONTAINS, not EXACT_REFERENCE');
  }

  let amountTolerance: Rule['amountTolerance'] | undefined;
  const tolerancePath = `${path}.amountTolerance`;
  if (value.amountTolerance !== undefined) {
    if (!isRecord(value.amountTolerance)) {
      issues.add(tolerancePath, `must be an object { absolute, percent }; got ${describe(value.amountTolerance)}`);
    } else {
      const tolerance = value.amountTolerance;
      checkKeys(tolerance, ['absolute', 'percent'], tolerancePath, issues);
      need(tolerance, 'absolute', tolerancePath, issues);
      need(tolerance, 'percent', tolerancePath, issues);
      const { maxAbsoluteTolerance, maxPercentTolerance, maxScale } = RULE_SET_LIMITS;
      const absolute =
        tolerance.absolute === undefined
          ? undefined
          : checkDecimal(tolerance.absolute, `${tolerancePath}.absolute`, issues, maxAbsoluteTolerance, maxScale);
      const percent =
        tolerance.percent === undefined
          ? undefined
          : checkDecimal(tolerance.percent, `${tolerancePath}.percent`, issues, maxPercentTolerance, maxScale);
      if (absolute !== undefined && percent !== undefined) amountTolerance = { absolute, percent };
    }
  }

  let dateWindowDays: Rule['dateWindowDays'] | undefined;
  const windowPath = `${path}.dateWindowDays`;
  if (value.dateWindowDays !== undefined) {
    if (!isRecord(value.dateWindowDays)) {
      issues.add(windowPath, `must be an object { before, after }; got ${describe(value.dateWindowDays)}`);
    } else {
      const window = value.dateWindowDays;
      checkKeys(window, ['before', 'after'], windowPath, issues);
      need(window, 'before', windowPath, issues);
      need(window, 'after', windowPath, issues);
      const days = (key: 'before' | 'after') =>
        window[key] === undefined
          ? undefined
          : checkInteger(window[key], `${windowPath}.${key}`, issues, 0, RULE_SET_LIMITS.maxWindowDays);
      const beforeDays = days('before');
      const afterDays = days('after');
      if (beforeDays !== undefined && afterDays !== undefined) {
        dateWindowDays = { before: beforeDays, after: afterDays };
      }
    }
  }

  const requireCounterparty =
    value.requireCounterparty === undefined
      ? undefined
      : checkBoolean(value.requireCounterparty, `${path}.requireCounterparty`, issues);
  const subsetSum = value.subsetSum === undefined ? false : checkBoolean(value.subsetSum, `${path}.subsetSum`, issues);
  if (subsetSum && kind !== undefined && strategy !== undefined && (kind !== 'AMOUNT_DATE' || strategy === 'ONE_TO_ONE')) {
    issues.add(`${path}.subsetSum`, 'only AMOUNT_DATE rules with ONE_TO_MANY or MANY_TO_ONE search subsets');
  }
  const baseConfidence =
    value.baseConfidence === undefined
      ? undefined
      : checkDecimal(value.baseConfidence, `${path}.baseConfidence`, issues, '1', RULE_SET_LIMITS.maxScale);

  if (issues.list.length > before) return undefined;
  return {
    id: id!,
    name: name!,
    enabled: enabled!,
    kind: kind!,
    strategy: strategy!,
    sources: sources!,
    lineFields: lineFields!,
    itemFields: itemFields!,
    amountTolerance: amountTolerance!,
    dateWindowDays: dateWindowDays!,
    requireCounterparty: requireCounterparty!,
    subsetSum: subsetSum!,
    baseConfidence: baseConfidence!,
  };
}

/**
 * Checks a rule set (parsed JSON, or anything) and returns a clean copy with exactly the known fields, or throws a
 * RuleSetError (RULE_SET_INVALID) naming every path at fault, e.g. `rules[2].amountTolerance.percent`.
 */
export function checkRuleSet(input: unknown): RuleSet {
  const issues = new Issues();
  if (!isRecord(input)) {
    issues.add('', `must be an object { version, autoConfirmAt, rules }; got ${describe(input)}`);
    throw new RuleSetError(issues.list);
  }
  checkKeys(input, ['version', 'autoConfirmAt', 'rules'], '', issues);
  for (const key of ['version', 'autoConfirmAt', 'rules']) need(input, key, '', issues);
  const version =
    input.version === undefined ? undefined : checkInteger(input.version, 'version', issues, 1, RULE_SET_LIMITS.maxVersion);
  const autoConfirmAt =
    input.autoConfirmAt === undefined
      ? undefined
      : checkDecimal(input.autoConfirmAt, 'autoConfirmAt', issues, '1', RULE_SET_LIMITS.maxScale);
  const rules: Rule[] = [];
  if (input.rules !== undefined) {
    if (!Array.isArray(input.rules)) {
      issues.add('rules', `must be a list; got ${describe(input.rules)}`);
    } else if (input.rules.length > RULE_SET_LIMITS.maxRules) {
      issues.add('rules', `at most ${RULE_SET_LIMITS.maxRules} rules; got ${input.rules.length}`);
    } else {
      const ids = new Map<string, number>();
      input.rules.forEach((entry, index) => {
        const rule = checkRule(entry, `rules[${index}]`, issues);
        if (!rule) return;
        const earlier = ids.get(rule.id);
        if (earlier !== undefined) issues.add(`rules[${index}].id`, `${rule.id} is also the id of rules[${earlier}]`);
        else ids.set(rule.id, index);
        rules.push(rule);
      });
    }
  }
  if (issues.list.length > 0) throw new RuleSetError(issues.list);
  return { version: version!, autoConfirmAt: autoConfirmAt!, rules };
}

/**
 * A starting rule set for an Indian postal operator's collection and settlement accounts. References first: a UTR,
 * RRN or end-to-end id is unique to one payment, so these confirm on their own; then the aggregator's settlement id
 * (one credit for many collections, less its fee); then references written into the narration; amount and date
 * alone are only ever suggestions (0.75 + at most 0.05 for the counterparty stays below 0.90).
 */
export const DEFAULT_RULE_SET: RuleSet = {
  version: 1,
  autoConfirmAt: '0.90',
  rules: [
    {
      id: 'payout-utr',
      name: 'Payout: UTR or end-to-end id equals',
      enabled: true,
      kind: 'EXACT_REFERENCE',
      strategy: 'ONE_TO_ONE',
      sources: ['PAYOUT', 'MONEY_ORDER'],
      lineFields: ['utr', 'endToEndId', 'transactionId'],
      itemFields: ['utr', 'endToEndId'],
      amountTolerance: { absolute: '0', percent: '0' },
      dateWindowDays: { before: 1, after: 5 },
      requireCounterparty: false,
      subsetSum: false,
      baseConfidence: '0.98',
    },
    {
      id: 'payout-batch',
      name: 'Settlement batch: one debit for the batch reference',
      enabled: true,
      kind: 'EXACT_REFERENCE',
      strategy: 'ONE_TO_MANY',
      sources: ['PAYOUT'],
      lineFields: ['paymentInformationId', 'endToEndId', 'ownerReference'],
      itemFields: ['batchReference'],
      amountTolerance: { absolute: '0', percent: '0' },
      dateWindowDays: { before: 1, after: 5 },
      requireCounterparty: false,
      subsetSum: false,
      baseConfidence: '0.95',
    },
    {
      id: 'upi-rrn',
      name: 'UPI/IMPS: RRN equals',
      enabled: true,
      kind: 'EXACT_REFERENCE',
      strategy: 'ONE_TO_ONE',
      sources: ['AGGREGATOR_CREDIT', 'MONEY_ORDER'],
      lineFields: ['utr', 'transactionId', 'endToEndId'],
      itemFields: ['rrn'],
      amountTolerance: { absolute: '0', percent: '0' },
      dateWindowDays: { before: 0, after: 3 },
      requireCounterparty: false,
      subsetSum: false,
      baseConfidence: '0.97',
    },
    {
      id: 'aggregator-settlement',
      name: 'Aggregator: one credit for a settlement id, less its fee',
      enabled: true,
      kind: 'REFERENCE_CONTAINS',
      strategy: 'ONE_TO_MANY',
      sources: ['AGGREGATOR_CREDIT'],
      lineFields: ['remittance', 'endToEndId', 'creditorReference'],
      itemFields: ['groupKey'],
      // The aggregator deducts its MDR before paying out: up to 2 % short is still the same settlement.
      amountTolerance: { absolute: '0', percent: '2' },
      dateWindowDays: { before: 0, after: 5 },
      requireCounterparty: false,
      subsetSum: false,
      baseConfidence: '0.92',
    },
    {
      id: 'deposit-slip',
      name: 'Cash deposit: pay-in slip number in the narration',
      enabled: true,
      kind: 'REFERENCE_CONTAINS',
      strategy: 'ONE_TO_ONE',
      sources: ['CASH_DEPOSIT'],
      lineFields: ['remittance', 'ownerReference', 'accountServicerReference'],
      itemFields: ['depositSlip'],
      amountTolerance: { absolute: '0', percent: '0' },
      dateWindowDays: { before: 0, after: 3 },
      requireCounterparty: false,
      subsetSum: false,
      baseConfidence: '0.93',
    },
    {
      id: 'reference-in-narration',
      name: 'Any of our references in the narration',
      enabled: true,
      kind: 'REFERENCE_CONTAINS',
      strategy: 'ONE_TO_ONE',
      sources: ['PAYOUT', 'AGGREGATOR_CREDIT', 'CASH_DEPOSIT', 'MONEY_ORDER'],
      lineFields: ['remittance'],
      itemFields: ['utr', 'rrn', 'endToEndId', 'batchReference', 'moneyOrderNumber'],
      amountTolerance: { absolute: '0', percent: '0' },
      dateWindowDays: { before: 1, after: 5 },
      requireCounterparty: false,
      subsetSum: false,
      baseConfidence: '0.85',
    },
    {
      id: 'amount-date-counterparty',
      name: 'Amount, date and counterparty (suggestion)',
      enabled: true,
      kind: 'AMOUNT_DATE',
      strategy: 'ONE_TO_ONE',
      sources: ['PAYOUT', 'CASH_DEPOSIT', 'MONEY_ORDER'],
      lineFields: [],
      itemFields: [],
      amountTolerance: { absolute: '1.00', percent: '0' },
      dateWindowDays: { before: 1, after: 3 },
      requireCounterparty: true,
      subsetSum: false,
      baseConfidence: '0.75',
    },
    {
      id: 'deposit-split',
      name: 'Cash deposit paid in over several credits (suggestion)',
      enabled: true,
      kind: 'AMOUNT_DATE',
      strategy: 'MANY_TO_ONE',
      sources: ['CASH_DEPOSIT'],
      lineFields: [],
      itemFields: [],
      amountTolerance: { absolute: '0', percent: '0' },
      dateWindowDays: { before: 0, after: 2 },
      requireCounterparty: true,
      subsetSum: true,
      baseConfidence: '0.70',
    },
  ],
};
