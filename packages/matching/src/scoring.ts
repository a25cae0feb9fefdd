import { Decimal } from '@postal/money';
import type { Rule } from './rules.js';

/**
 * The confidence formula (docs/matching.md):
 *
 *   confidence = clamp(base − amountPenalty − datePenalty + counterpartyBonus − subsetPenalty, 0, 1), 4 places, down
 *
 * - amountPenalty = 0.10 × |difference| / allowance: nothing for an exact amount, 0.10 at the tolerance's edge;
 * - datePenalty = 0.02 per day between the line and the farthest item, at most 0.10;
 * - counterpartyBonus = 0.05 when the counterparties agree (account, else name);
 * - subsetPenalty = 0.10 when the group was found by a subset search, not named by a reference or a groupKey: a sum
 *   that happens to fit is weaker evidence.
 * Rounded down so a score is never shown higher than it is.
 */
export const SCORING = {
  amountPenaltyAtEdge: new Decimal('0.10'),
  datePenaltyPerDay: new Decimal('0.02'),
  maxDatePenalty: new Decimal('0.10'),
  counterpartyBonus: new Decimal('0.05'),
  subsetPenalty: new Decimal('0.10'),
  places: 4,
} as const;

const HUNDRED = new Decimal(100);
const ONE = new Decimal(1);
const ZERO = new Decimal(0);

interface RuleNumbers {
  absolute: Decimal;
  /** percent / 100 */
  rate: Decimal;
  base: Decimal;
}

/** A rule's decimal strings read once, not once per candidate (100,000 candidates would make 300,000 Decimals). */
const numbers = new WeakMap<Rule, RuleNumbers>();
function numbersOf(rule: Rule): RuleNumbers {
  let cached = numbers.get(rule);
  if (!cached) {
    cached = {
      absolute: new Decimal(rule.amountTolerance.absolute),
      rate: new Decimal(rule.amountTolerance.percent).dividedBy(HUNDRED),
      base: new Decimal(rule.baseConfidence),
    };
    numbers.set(rule, cached);
  }
  return cached;
}

/** How far the line total may be from the items' total: the larger of the absolute and the percent tolerance. */
export function allowance(rule: Rule, itemsTotal: Decimal): Decimal {
  const { absolute, rate } = numbersOf(rule);
  return rate.isZero() ? absolute : Decimal.max(absolute, itemsTotal.times(rate));
}

/** Inclusive: a difference equal to the allowance is within it. */
export function withinTolerance(rule: Rule, linesTotal: Decimal, itemsTotal: Decimal): boolean {
  return linesTotal.eq(itemsTotal) || linesTotal.minus(itemsTotal).abs().lte(allowance(rule, itemsTotal));
}

/**
 * The range of items' totals X that can be within tolerance of a line total L, for a range scan over sorted amounts:
 * |L − X| ≤ max(a, X·p/100) holds only for X in [min(L − a, L/(1 + p/100)), max(L + a, L/(1 − p/100))] (no upper
 * bound at p = 100). Every X in the range is still checked exactly with withinTolerance.
 */
export function itemsTotalRange(rule: Rule, linesTotal: Decimal): { low: Decimal; high: Decimal | undefined } {
  const { absolute, rate } = numbersOf(rule);
  const low = Decimal.min(linesTotal.minus(absolute), linesTotal.dividedBy(rate.plus(1)));
  const high = rate.gte(1) ? undefined : Decimal.max(linesTotal.plus(absolute), linesTotal.dividedBy(new Decimal(1).minus(rate)));
  return { low, high };
}

/**
 * The range of lines' totals L within tolerance of a fixed items' total X: [X − allowance, X + allowance].
 */
export function linesTotalRange(rule: Rule, itemsTotal: Decimal): { low: Decimal; high: Decimal } {
  const room = allowance(rule, itemsTotal);
  return { low: itemsTotal.minus(room), high: itemsTotal.plus(room) };
}

/** Whether a line dated `lineDay` is within the rule's window around an item dated `itemDay`. */
export function withinWindow(rule: Rule, lineDay: number, itemDay: number): boolean {
  const offset = lineDay - itemDay;
  return offset >= -rule.dateWindowDays.before && offset <= rule.dateWindowDays.after;
}

export interface ScoreInput {
  linesTotal: Decimal;
  itemsTotal: Decimal;
  /** The largest |line day − item day| over the match's pairs. */
  days: number;
  counterparty: boolean;
  subset: boolean;
}

export function confidence(rule: Rule, input: ScoreInput): Decimal {
  let score = numbersOf(rule).base;
  const difference = input.linesTotal.minus(input.itemsTotal).abs();
  if (!difference.isZero()) {
    // A non-zero difference passed withinTolerance, so the allowance is positive.
    score = score.minus(SCORING.amountPenaltyAtEdge.times(difference).dividedBy(allowance(rule, input.itemsTotal)));
  }
  if (input.days > 0) score = score.minus(Decimal.min(SCORING.maxDatePenalty, SCORING.datePenaltyPerDay.times(input.days)));
  if (input.counterparty) score = score.plus(SCORING.counterpartyBonus);
  if (input.subset) score = score.minus(SCORING.subsetPenalty);
  if (score.gt(1)) return ONE;
  if (score.lt(0)) return ZERO;
  return score.decimalPlaces() <= SCORING.places ? score : score.toDecimalPlaces(SCORING.places, Decimal.ROUND_DOWN);
}
