import { readAmount } from '../../format/money';
import { Money } from '../../ui/Money';

/**
 * An amount from a payload, which holds it as the maker wrote it: shown as money when the server's own amount rules
 * accept it, otherwise exactly as written with what is wrong with it (the ledger will refuse it at execution).
 */
export function AmountCell({ amount, currency }: { amount: string; currency: string | null }) {
  const read = readAmount(amount, currency ?? 'INR');
  if (!read.ok) {
    return (
      <span className="amount-unreadable">
        <span className="mono">{amount}</span> <span className="field-error">({read.message})</span>
      </span>
    );
  }
  if (currency === null) {
    return (
      <span className="money">
        {amount} <span className="money-currency">(currency unknown)</span>
      </span>
    );
  }
  return <Money value={{ amount: read.value.toFixed(), currency }} />;
}
