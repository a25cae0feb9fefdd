import type { Direction } from '../model.js';
import { fail } from './errors.js';
import type { RawField } from './fields.js';
import { isoDate, isRealDate, parseSwiftAmount, parseYymmdd } from './values.js';

export interface Line61 {
  line: number;
  valueDate: string;
  entryDate?: string;
  mark: 'C' | 'D' | 'RC' | 'RD' | 'EC' | 'ED';
  /** The booking's direction on the account: RC (reversal of a credit) is a DEBIT, RD a CREDIT. */
  direction: Direction;
  reversal: boolean;
  /** EC/ED: expected (not yet booked) entries. */
  expected: boolean;
  fundsCode?: string;
  amount: string;
  /** Transaction type (N, F, S) + identification code: 'NTRF', 'S103'. */
  transactionCode: string;
  /** Undefined when the bank wrote NONREF. */
  ownerReference?: string;
  rawOwnerReference: string;
  bankReference?: string;
  supplementaryDetails?: string;
}

// 6!n value date, [4!n] entry date, 2a mark, [1!a] funds code, 15d amount, 1!a3!c type, 16x owner reference,
// [//16x] bank reference. The mark is unambiguous: C/D alone, or R/E followed by C/D.
const LINE61 =
  /^(\d{6})(\d{4})?(C|D|RC|RD|EC|ED)([A-Z])?(\d[\d,]*)([A-Z][A-Z0-9]{3})((?:(?!\/\/).){0,16})(?:\/\/(.{1,16}))?$/;

/** Entry date MMDD takes the value date's year, or the one before/after when the two straddle a New Year. */
function entryDateOf(mmdd: string, valueDate: string, line: number): string {
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2));
  const valueYear = Number(valueDate.slice(0, 4));
  const valueMonth = Number(valueDate.slice(5, 7));
  let year = valueYear;
  if (valueMonth === 12 && month === 1) year = valueYear + 1;
  else if (valueMonth === 1 && month === 12) year = valueYear - 1;
  if (!isRealDate(year, month, day)) fail(line, ':61:', `entry date ${mmdd} does not exist in ${year}`);
  return isoDate(year, month, day);
}

export function parseLine61(field: RawField, currency: string): Line61 {
  const { line } = field;
  const [first, ...more] = field.lines.map((l) => l.trimEnd());
  const rest = more.filter((l) => l !== '');
  if (rest.length > 1) fail(line, ':61:', 'a statement line has at most one line of supplementary details');
  if (rest[0] !== undefined && rest[0].length > 34) fail(line + 1, ':61:', 'supplementary details are longer than 34 characters');
  const m = LINE61.exec(first!);
  if (!m) {
    fail(line, ':61:', `statement line ${JSON.stringify(first)} does not follow the :61: grammar (YYMMDD[MMDD]C|D|RC|RD[funds]amount type+code reference[//bank reference])`);
  }
  const [, value, entry, mark, funds, amountText, code, reference, bankReference] = m;
  const valueDate = parseYymmdd(value!, line, ':61:');
  if (funds !== undefined && funds !== currency[2]) {
    fail(line, ':61:', `funds code ${funds} is not the third letter of the statement's currency ${currency}`);
  }
  const amount = parseSwiftAmount(amountText!, currency, line, ':61:');
  const reversal = mark === 'RC' || mark === 'RD';
  // A reversal undoes the original booking, so its direction on the account is the opposite of the mark's letter.
  const credit = mark === 'C' || mark === 'EC' || mark === 'RD';
  const ref = reference!.trim();
  return {
    line,
    valueDate,
    entryDate: entry ? entryDateOf(entry, valueDate, line) : undefined,
    mark: mark as Line61['mark'],
    direction: credit ? 'CREDIT' : 'DEBIT',
    reversal,
    expected: mark!.startsWith('E'),
    fundsCode: funds,
    amount,
    transactionCode: code!,
    ownerReference: ref === '' || ref === 'NONREF' ? undefined : ref,
    rawOwnerReference: ref,
    bankReference: bankReference?.trim() || undefined,
    supplementaryDetails: rest[0],
  };
}
