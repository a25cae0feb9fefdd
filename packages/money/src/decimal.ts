import { Decimal as DecimalJs } from 'decimal.js';

/** Significant digits kept by every arithmetic result. Amounts and percentages stay far below this (see money.ts). */
export const DECIMAL_PRECISION_DIGITS = 40;

/**
 * The project's own Decimal constructor. decimal.js keeps its settings on the constructor, so a private clone means
 * no other code (or library) calling `Decimal.set` on the global one can change how our amounts round.
 *
 * - `defaults: true` starts from decimal.js's defaults instead of copying whatever the global constructor holds now.
 * - precision 40 significant digits: enough for any amount and product we compute, checked where it matters.
 * - ROUND_HALF_UP is only what arithmetic falls back on when a result exceeds 40 digits; money rounding always names
 *   its mode explicitly (see rounding.ts).
 * - toExpNeg/toExpPos ±40: `toString()` never switches to exponent notation for any amount we accept.
 */
export const Decimal = DecimalJs.clone({
  defaults: true,
  precision: DECIMAL_PRECISION_DIGITS,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

/** A Decimal value. All clones share one prototype, so this is the same instance type as decimal.js's own. */
export type Decimal = DecimalJs;

/** decimal.js's rounding-mode numbers (ROUND_UP = 0 ... ROUND_HALF_FLOOR = 8). */
export type DecimalJsRounding = DecimalJs.Rounding;

/**
 * Copies a Decimal into our constructor. Operations use the settings of `this.constructor`, so a Decimal made by the
 * global decimal.js (precision 20!) must be re-homed before we compute with it. Copying is exact: decimal.js only
 * rounds results of operations, never values passed to the constructor.
 */
export function ownDecimal(value: Decimal): Decimal {
  const copy = new Decimal(value);
  // -0 prints as "0" but is negative to isNeg(); money has no negative zero.
  return copy.isZero() ? new Decimal(0) : copy;
}
