export { Decimal, DECIMAL_PRECISION_DIGITS } from './decimal.js';
export { MoneyError, isMoneyError, type MoneyErrorCode, type MoneyErrorOptions } from './errors.js';
export { currencyOf, type Currency } from './currency.js';
export { parseAmount, MAX_AMOUNT_TEXT_LENGTH } from './amount.js';
export {
  money,
  add,
  subtract,
  compare,
  isPositive,
  assertFitsCurrency,
  MAX_AMOUNT_INTEGER_DIGITS,
  type Money,
} from './money.js';
export { roundToMinor, percentOf, ROUNDING_MODES, type RoundingMode } from './rounding.js';
export { formatAmount, formatIndian, formatINR } from './format.js';
