import { Decimal } from '@postal/money';
import type { StatementFormat } from '../model.js';
import { fail } from './errors.js';
import type { RawField, RawMessage } from './fields.js';
import type { Mt940Line, SumEntries } from './types.js';
import type { SwiftBalance } from './values.js';

/** MT940: opening + credits - debits = closing. MT942: :90D:/:90C: count and sum per booking direction. */
export function validate(
  format: StatementFormat,
  where: string,
  message: RawMessage,
  lines: Mt940Line[],
  opening: SwiftBalance | undefined,
  closing: SwiftBalance | undefined,
  closingField: RawField | undefined,
  sums: { debit?: SumEntries; credit?: SumEntries },
): void {
  // Expected entries (EC/ED) are not booked, so they are left out of the booked balance and the totals.
  const booked = lines.filter((l) => l.status === 'BOOK');
  const total = (d: 'CREDIT' | 'DEBIT') => booked.filter((l) => l.direction === d).reduce((s, l) => s.plus(l.amount), new Decimal(0));
  if (format === 'MT940') {
    const expected = new Decimal(opening!.signed).plus(total('CREDIT')).minus(total('DEBIT'));
    if (!expected.equals(new Decimal(closing!.signed))) {
      fail(closingField!.line, `:${closingField!.tag}:`, `${where} does not balance: opening ${opening!.signed} + credits ${total('CREDIT').toString()} - debits ${total('DEBIT').toString()} = ${expected.toString()}, but the closing balance is ${closing!.signed}`);
    }
    return;
  }
  for (const [d, s, tag] of [['DEBIT', sums.debit, ':90D:'], ['CREDIT', sums.credit, ':90C:']] as const) {
    if (!s) continue;
    const count = booked.filter((l) => l.direction === d).length;
    if (count !== s.count || !total(d).equals(new Decimal(s.amount))) {
      const f = message.fields.find((x) => `:${x.tag}:` === tag)!;
      fail(f.line, tag, `${where}: ${tag} says ${s.count} entries for ${s.amount}, the lines hold ${count} for ${total(d).toString()}`);
    }
  }
}
