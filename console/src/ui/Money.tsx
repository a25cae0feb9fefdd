import { formatMoney, type MoneyValue } from '../format/money';

/** An amount as the back office reads it: lakh/crore grouping, its currency, right-aligned tabular figures. */
export function Money({ value, showCurrency = true }: { value: MoneyValue | null | undefined; showCurrency?: boolean }) {
  if (!value) return <span className="money money-none">—</span>;
  const negative = value.amount.startsWith('-');
  return (
    <span className={`money${negative ? ' money-negative' : ''}`}>
      {formatMoney(value)}
      {showCurrency ? <span className="money-currency"> {value.currency}</span> : null}
    </span>
  );
}
