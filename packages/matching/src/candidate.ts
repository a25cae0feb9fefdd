import { Decimal } from '@postal/money';
import type { Evidence } from './model.js';
import { compareIdLists, counterpartyAgreement } from './normalize.js';
import { minorUnits, type PreparedItem, type PreparedLine } from './prepare.js';
import type { Rule } from './rules.js';
import { allowance, confidence, withinTolerance, withinWindow } from './scoring.js';

/** A possible match found by one rule, before conflicts between candidates are resolved. */
export interface Candidate {
  /** The line (ONE_TO_ONE, ONE_TO_MANY) or item (MANY_TO_ONE) the candidate was found for. */
  anchorId: string;
  lines: PreparedLine[];
  items: PreparedItem[];
  lineIds: string[];
  itemIds: string[];
  confidence: Decimal;
  /** Lines total − items total. */
  difference: Decimal;
  absDifference: Decimal;
  days: number;
  /** Written out only for the candidates that become matches (most candidates lose). */
  linesTotal: Decimal;
  itemsTotal: Decimal;
  agreement: 'account' | 'name' | undefined;
  extras: CandidateExtras;
}

/**
 * The total order that resolves conflicts (and so what the output is, whatever the input order): confidence
 * descending, then |difference| ascending, then date distance ascending, then the line ids, then the item ids
 * (sorted lists compared element by element in code-unit order).
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.confidence.comparedTo(a.confidence) ||
    a.absDifference.comparedTo(b.absDifference) ||
    a.days - b.days ||
    compareIdLists(a.lineIds, b.lineIds) ||
    compareIdLists(a.itemIds, b.itemIds)
  );
}

export function candidateKey(candidate: Candidate): string {
  return `${candidate.lineIds.join('\u0000')}\u0001${candidate.itemIds.join('\u0000')}`;
}

const ZERO = new Decimal(0);

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sum(values: { amount: Decimal }[]): Decimal {
  if (values.length === 1) return values[0]!.amount;
  return values.reduce((total, value) => total.plus(value.amount), new Decimal(0));
}

function dates(values: { date: string }[]): string {
  if (values.length === 1) return values[0]!.date;
  return [...new Set(values.map((value) => value.date))].sort().join(',');
}

export interface CandidateExtras {
  /** What named the match: a reference equal or contained. */
  reference?: Evidence;
  /** How a group was formed (groupKey, shared reference, subset). */
  group?: string;
  /** Found by a subset search: scored lower. */
  subset?: boolean;
}

/**
 * Builds a candidate if every hard condition holds, else undefined: one currency and the same direction on both
 * sides (never across currencies, never a debit against a credit), every line within the date window of every item,
 * the totals within tolerance, and the counterparties agreeing on every pair when the rule requires it.
 */
export function buildCandidate(
  rule: Rule,
  anchorId: string,
  lineList: PreparedLine[],
  itemList: PreparedItem[],
  extras: CandidateExtras = {},
): Candidate | undefined {
  if (lineList.length === 0 || itemList.length === 0) return undefined;
  const first = lineList[0]!;
  const { currency, direction } = first;
  for (const side of lineList) if (side.currency !== currency || side.direction !== direction) return undefined;
  for (const side of itemList) if (side.currency !== currency || side.direction !== direction) return undefined;
  let days = 0;
  let agreement: 'account' | 'name' | undefined = 'account';
  for (const line of lineList) {
    for (const item of itemList) {
      if (!withinWindow(rule, line.day, item.day)) return undefined;
      days = Math.max(days, Math.abs(line.day - item.day));
      if (agreement !== undefined) {
        const pair = counterpartyAgreement(line.counterparty, item.counterparty);
        agreement = pair === undefined ? undefined : agreement === 'name' || pair === 'name' ? 'name' : 'account';
      }
    }
  }
  if (rule.requireCounterparty && agreement === undefined) return undefined;
  const linesTotal = sum(lineList);
  const itemsTotal = sum(itemList);
  if (!withinTolerance(rule, linesTotal, itemsTotal)) return undefined;

  const lines = lineList.length > 1 ? [...lineList].sort(byId) : lineList;
  const items = itemList.length > 1 ? [...itemList].sort(byId) : itemList;
  const difference = linesTotal.eq(itemsTotal) ? ZERO : linesTotal.minus(itemsTotal);
  return {
    anchorId,
    lines,
    items,
    lineIds: lines.map((line) => line.id),
    itemIds: items.map((item) => item.id),
    confidence: confidence(rule, {
      linesTotal,
      itemsTotal,
      days,
      counterparty: agreement !== undefined,
      subset: extras.subset === true,
    }),
    difference,
    absDifference: difference.isNeg() ? difference.abs() : difference,
    days,
    linesTotal,
    itemsTotal,
    agreement,
    extras,
  };
}

/** What a match rests on, as the person checking it reads it: values as written, totals, dates, how they compare. */
export function evidenceOf(rule: Rule, candidate: Candidate): Evidence[] {
  const { lines, items, linesTotal, itemsTotal, difference, days, agreement, extras } = candidate;
  const places = minorUnits(lines[0]!.currency);
  const evidence: Evidence[] = [];
  if (extras.reference) evidence.push(extras.reference);
  evidence.push({
    field: 'amount',
    lineValue: linesTotal.toFixed(places),
    itemValue: itemsTotal.toFixed(places),
    detail: difference.isZero() ? 'exact' : `within tolerance ${allowance(rule, itemsTotal).toFixed()}`,
  });
  evidence.push({ field: 'date', lineValue: dates(lines), itemValue: dates(items), detail: `${days} days` });
  if (agreement !== undefined) {
    const line = lines.find((entry) => entry.counterparty)!;
    const item = items.find((entry) => entry.counterparty)!;
    evidence.push({
      field: 'counterparty',
      lineValue: line.counterparty!.display,
      itemValue: item.counterparty!.display,
      detail: agreement,
    });
  }
  if (extras.group) {
    evidence.push({
      field: 'group',
      lineValue: `${lines.length} line${lines.length === 1 ? '' : 's'}`,
      itemValue: `${items.length} item${items.length === 1 ? '' : 's'}`,
      detail: extras.group,
    });
  }
  return evidence;
}
