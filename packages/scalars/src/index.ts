import { CurrencyCodeScalar } from './currency-code-scalar.js';
import { DateScalar } from './date-scalar.js';
import { DateTimeScalar } from './date-time-scalar.js';
import { DecimalScalar } from './decimal-scalar.js';

export { DecimalScalar, DateScalar, DateTimeScalar, CurrencyCodeScalar };
export { toMoneyOutput, type MoneyOutput } from './money-output.js';
export { isCalendarDate } from '@postal/calendar';

/** The shared scalars by their GraphQL name, ready to spread into a subgraph's resolver map. */
export const scalarResolvers = {
  Decimal: DecimalScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  CurrencyCode: CurrencyCodeScalar,
} as const;
