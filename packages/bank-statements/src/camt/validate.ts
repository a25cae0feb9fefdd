import { Decimal, currencyOf } from '@postal/money';
import { StatementParseError, type ParsedStatement } from '../model.js';

/** Booked lines: BOOK, or no status at all (MT940-style files and a few banks' camt.054 leave it out). */
function isBooked(status: string | undefined): boolean {
  return status === undefined || status === 'BOOK';
}

/**
 * Opening booked balance (OPBD, else PRCD, the previous statement's closing) plus booked credits minus booked debits
 * must equal the closing booked balance (CLBD), when the statement has both. A reversal counts in the direction it is
 * booked on the account (a reversed debit is a credit). Generic over the model, so the MT940 reader can use it too.
 */
export function checkBalances(statement: ParsedStatement, where: { line?: number; element?: string }): void {
  const opening = statement.balances.find((b) => b.type === 'OPBD') ?? statement.balances.find((b) => b.type === 'PRCD');
  const closing = statement.balances.find((b) => b.type === 'CLBD');
  if (!opening || !closing) return;
  for (const balance of [opening, closing]) {
    if (balance.currency !== statement.currency) {
      throw new StatementParseError(
        `statement ${statement.statementId}: its ${balance.type} balance is in ${balance.currency}, the statement in ${statement.currency}`,
        where,
      );
    }
  }
  let total = new Decimal(opening.amount);
  for (const line of statement.lines) {
    if (!isBooked(line.status)) continue;
    total = line.direction === 'CREDIT' ? total.plus(line.amount) : total.minus(line.amount);
  }
  if (!total.equals(closing.amount)) {
    throw new StatementParseError(
      `statement ${statement.statementId}: opening ${opening.type} ${opening.amount} plus booked entries gives ` +
        `${total.toFixed(currencyOf(statement.currency).minorUnits)} ${statement.currency}, but ${closing.type} is ${closing.amount}`,
      where,
    );
  }
}
