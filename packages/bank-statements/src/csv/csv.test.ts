import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StatementParseError } from '../model.js';
import { CsvMappingError, CsvMappingRequiredError, StatementTooLargeError } from './errors.js';
import { checkCsvMapping, type CsvMapping, type CsvMappingInput } from './mapping.js';
import { parseBankCsv, type CsvContext } from './parse.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/csv/', import.meta.url));
const read = (name: string) => readFileSync(join(FIXTURES, name));
const json = <T>(name: string) => JSON.parse(read(name).toString('utf8')) as T;

interface ExpectedLine {
  index: number;
  fileLine: number;
  direction: 'CREDIT' | 'DEBIT';
  amount: string;
  bookingDate: string;
  valueDate?: string;
  transactionCode?: string;
  remittanceInformation?: string;
  references: Record<string, string>;
  counterparty?: Record<string, string>;
  balance?: string;
}
interface Expected {
  context: CsvContext;
  statementId?: string;
  account: Record<string, string>;
  currency: string;
  balances: { type: string; amount: string; date: string }[];
  lineCount: number;
  lines: ExpectedLine[];
}

const SAMPLES = [
  { file: 'hdfc-style.csv', base: 'hdfc-style' },
  { file: 'sbi-style.tsv', base: 'sbi-style' },
  { file: 'eu-style.csv', base: 'eu-style' },
];

function expectStatement(content: string | Buffer, base: string) {
  const expected = json<Expected>(`${base}.expected.json`);
  const mapping = json<CsvMapping>(`${base}.mapping.json`);
  const statements = parseBankCsv(content, mapping, expected.context);
  expect(statements).toHaveLength(1);
  const statement = statements[0]!;
  expect(statement.format).toBe('CSV');
  if (expected.statementId) expect(statement.statementId).toBe(expected.statementId);
  expect(statement.account).toEqual(expected.account);
  expect(statement.currency).toBe(expected.currency);
  expect(statement.balances).toEqual(expected.balances.map((b) => ({ ...b, currency: expected.currency })));
  expect(statement.lines).toHaveLength(expected.lineCount);
  expected.lines.forEach((theirs, i) => {
    const ours = statement.lines[i]!;
    const where = `${base} line ${theirs.index}`;
    expect(ours.index, where).toBe(theirs.index);
    expect(ours.csv.fileLine, where).toBe(theirs.fileLine);
    expect(ours.direction, where).toBe(theirs.direction);
    expect(ours.amount, where).toBe(theirs.amount);
    expect(ours.currency, where).toBe(expected.currency);
    expect(ours.reversal, where).toBe(false);
    expect(ours.status, where).toBe('BOOK');
    expect(ours.bookingDate, where).toBe(theirs.bookingDate);
    expect(ours.valueDate, where).toBe(theirs.valueDate);
    expect(ours.transactionCode, where).toBe(theirs.transactionCode);
    expect(ours.remittanceInformation, where).toBe(theirs.remittanceInformation);
    expect(ours.references, where).toEqual(theirs.references);
    expect(ours.counterparty, where).toEqual(theirs.counterparty);
    expect(ours.csv.balance, where).toBe(theirs.balance);
  });
  return statement;
}

describe('parseBankCsv on the bank layouts in fixtures/csv', () => {
  for (const { file, base } of SAMPLES) {
    it(`reads ${file} as ${base}.expected.json says`, () => {
      expectStatement(read(file), base);
    });
  }

  it('reads the same figures from a string, with CRLF or LF, with or without a BOM', () => {
    const hdfc = read('hdfc-style.csv').toString('utf8');
    const lf = expectStatement(hdfc, 'hdfc-style');
    const crlf = expectStatement(Buffer.from(`\ufeff${hdfc.replace(/\n/g, '\r\n')}`, 'utf8'), 'hdfc-style');
    // The derived id is over the text with the BOM dropped and line breaks as LF: the same export is the same statement.
    expect(crlf.statementId).toBe(lf.statementId);
    const sbi = read('sbi-style.tsv').toString('utf8');
    expect(sbi).toContain('\r\n');
    expectStatement(sbi.replace(/\r\n/g, '\n'), 'sbi-style');
  });

  it('keeps delimiters and doubled quotes inside quoted fields', () => {
    const hdfc = parseBankCsv(read('hdfc-style.csv'), json('hdfc-style.mapping.json'), { currency: 'INR' })[0]!;
    expect(hdfc.lines[5]!.remittanceInformation).toBe('ACH D- TP ACH HDFCLIFE-1234567890, MONTHLY');
    const eu = parseBankCsv(read('eu-style.csv'), json('eu-style.mapping.json'), { currency: 'EUR' })[0]!;
    expect(eu.lines[0]!.remittanceInformation).toBe('Porto Februar 2024; Kd-Nr. 4711');
    expect(eu.lines[1]!.remittanceInformation).toBe('Rechnung RE-2024-0815 "Express"');
  });

  it('derives the statement id from the account, the dates and the content', () => {
    const mapping = json<CsvMapping>('hdfc-style.mapping.json');
    const text = read('hdfc-style.csv').toString('utf8');
    const id = parseBankCsv(text, mapping, { currency: 'INR', accountNumber: '50100123456789' })[0]!.statementId;
    expect(id).toMatch(/^CSV:50100123456789:2024-04-01:2024-04-30:[0-9a-f]{16}$/);
    expect(parseBankCsv(text, mapping, { currency: 'INR', accountNumber: '50100123456789' })[0]!.statementId).toBe(id);
    const edited = text.replace('CREDIT INTEREST CAPITALISED', 'CREDIT INTEREST');
    expect(parseBankCsv(edited, mapping, { currency: 'INR', accountNumber: '50100123456789' })[0]!.statementId).not.toBe(id);
    expect(parseBankCsv(text, mapping, { currency: 'INR' })[0]!.statementId).toMatch(/^CSV:-:2024-04-01:2024-04-30:/);
  });
});

// ---- small files written here, one problem each ----

const HEADER = 'Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance';
const HDFC: CsvMapping = checkCsvMapping({
  delimiter: ',',
  dateFormat: 'DD/MM/YY',
  thousandsSeparator: ',',
  columns: {
    bookingDate: 'Date',
    valueDate: 'Value Dt',
    description: 'Narration',
    ownerReference: 'Chq./Ref.No.',
    debitAmount: 'Withdrawal Amt.',
    creditAmount: 'Deposit Amt.',
    balance: 'Closing Balance',
  },
});
const rows = (...lines: string[]) => [HEADER, ...lines].join('\n');
const INR = { currency: 'INR' };

function refusal(run: () => unknown): StatementParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StatementParseError);
    return error as StatementParseError;
  }
  throw new Error('expected the file to be refused');
}

describe('parseBankCsv refuses a file with a bad row, naming the line and column', () => {
  it('a date that does not exist', () => {
    const error = refusal(() => parseBankCsv(rows('01/02/24,A,1,01/02/24,,100.00,100.00', '31/02/24,B,2,31/02/24,,1.00,101.00'), HDFC, INR));
    expect(error.code).toBe('STATEMENT_MALFORMED');
    expect(error.location).toEqual({ line: 3, element: 'column "Date"' });
    expect(error.message).toMatch(/"31\/02\/24" \(DD\/MM\/YY\) is not a calendar date/);
  });

  it('a date in another form than the mapping says', () => {
    const error = refusal(() => parseBankCsv(rows('2024-02-01,A,1,01/02/24,,100.00,100.00'), HDFC, INR));
    expect(error.location).toEqual({ line: 2, element: 'column "Date"' });
  });

  it('29 February only in a leap year', () => {
    expect(parseBankCsv(rows('29/02/24,A,1,29/02/24,,100.00,100.00'), HDFC, INR)[0]!.lines[0]!.bookingDate).toBe('2024-02-29');
    expect(refusal(() => parseBankCsv(rows('29/02/23,A,1,29/02/23,,100.00,100.00'), HDFC, INR)).location.line).toBe(2);
  });

  it('an amount with more decimals than the currency has, even zeros', () => {
    const error = refusal(() => parseBankCsv(rows('01/02/24,A,1,01/02/24,,"1,499.005","1,499.01"'), HDFC, INR));
    expect(error.location).toEqual({ line: 2, element: 'column "Deposit Amt."' });
    expect(error.message).toMatch(/more decimals than INR's 2/);
    expect(refusal(() => parseBankCsv(rows('01/02/24,A,1,01/02/24,,1499.000,1499.00'), HDFC, INR)).location.element).toBe('column "Deposit Amt."');
  });

  it('grouping that is neither thousands nor lakhs', () => {
    const error = refusal(() => parseBankCsv(rows('01/02/24,A,1,01/02/24,,"1,0000.00","1,0000.00"'), HDFC, INR));
    expect(error.location.element).toBe('column "Deposit Amt."');
  });

  it('a running balance that does not follow from the previous row', () => {
    const error = refusal(() =>
      parseBankCsv(rows('01/02/24,A,1,01/02/24,,"1,00,000.00","1,00,000.00"', '02/02/24,B,2,02/02/24,"5,000.00",,"96,000.00"'), HDFC, INR),
    );
    expect(error.location).toEqual({ line: 3, element: 'column "Closing Balance"' });
    expect(error.message).toMatch(/96000\.00 is not the previous 100000\.00 - 5000\.00 = 95000\.00/);
  });

  it('both a withdrawal and a deposit on one row, or neither', () => {
    expect(refusal(() => parseBankCsv(rows('01/02/24,A,1,01/02/24,10.00,20.00,10.00'), HDFC, INR)).location.line).toBe(2);
    expect(refusal(() => parseBankCsv(rows('01/02/24,A,1,01/02/24,,,10.00'), HDFC, INR)).message).toMatch(/neither/);
  });

  it('a delimiter inside an unquoted field (the row has more fields than the header)', () => {
    const error = refusal(() => parseBankCsv(rows('01/02/24,ACH D- HDFCLIFE, MONTHLY,1,01/02/24,,20.00,20.00'), HDFC, INR));
    expect(error.location.line).toBe(2);
    expect(error.message).toMatch(/8 fields, the header 7/);
  });

  it('a mapping naming a column the header does not have', () => {
    const mapping = checkCsvMapping({ ...HDFC, columns: { ...HDFC.columns, bookingDate: 'Txn Date' } });
    const error = refusal(() => parseBankCsv(rows('01/02/24,A,1,01/02/24,,100.00,100.00'), mapping, INR));
    expect(error.location).toEqual({ line: 1, element: 'column "Txn Date"' });
    expect(error.message).toMatch(/the header has no such column; it has "Date", "Narration"/);
  });

  it('counts file lines across a quoted field with a line break and across blank lines', () => {
    const text = rows('01/02/24,"NEFT CR\nACME",1,01/02/24,,100.00,100.00', '', '02/02/24,B,2,02/02/24,,1.00,101.00', '03/02/24,C,3,3/2/24,,1.00,103.00');
    const error = refusal(() => parseBankCsv(text, HDFC, INR));
    expect(error.location).toEqual({ line: 6, element: 'column "Closing Balance"' });
    const [statement] = parseBankCsv(text.replace('103.00', '102.00'), HDFC, INR);
    expect(statement!.lines.map((l) => [l.csv.fileLine, l.remittanceInformation, l.valueDate])).toEqual([
      [2, 'NEFT CR\nACME', '2024-02-01'],
      [5, 'B', '2024-02-02'],
      [6, 'C', '2024-02-03'],
    ]);
  });

  it('a mapped column the header has twice', () => {
    const twice = ['Date,Narration,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance', '01/02/24,A,B,1,01/02/24,,1.00,1.00'].join('\n');
    expect(refusal(() => parseBankCsv(twice, HDFC, INR)).location).toEqual({ line: 1, element: 'column "Narration"' });
  });

  it('a file with no rows, or text csv-parse cannot read', () => {
    expect(refusal(() => parseBankCsv(HEADER, HDFC, INR)).message).toMatch(/no transaction rows/);
    expect(refusal(() => parseBankCsv(rows('01/02/24,"A,1,01/02/24,,100.00,100.00'), HDFC, INR)).location.line).toBe(2);
  });

  it('bytes that are not UTF-8', () => {
    const latin1 = Buffer.from(rows('01/02/24,M\u00fcller,1,01/02/24,,100.00,100.00'), 'latin1');
    expect(refusal(() => parseBankCsv(latin1, HDFC, INR)).message).toMatch(/line 2: the file is not UTF-8/);
  });

  it('stated balances that the running balance contradicts, or that the rows do not add up to', () => {
    const withSummary = (closing: string) =>
      [HEADER, '01/02/24,A,1,01/02/24,,100.00,150.00', '02/02/24,B,2,02/02/24,30.00,,120.00', 'Opening Balance,Closing Balance', `50.00,${closing}`].join('\n');
    const stated = checkCsvMapping({
      ...HDFC,
      stopAt: ['Opening Balance'],
      balances: { opening: '^Opening Balance[^\\n]*\\n([^,]+),', closing: '^Opening Balance[^\\n]*\\n[^,]+,(.+)$' },
    });
    expect(parseBankCsv(withSummary('120.00'), stated, INR)[0]!.balances.map((b) => b.amount)).toEqual(['50.00', '120.00']);
    expect(refusal(() => parseBankCsv(withSummary('125.00'), stated, INR)).location.element).toBe('balances.closing');
    // Without a running balance column the stated balances are the check.
    const { balance: _balance, ...noBalance } = HDFC.columns;
    const statedOnly = checkCsvMapping({ ...stated, columns: noBalance });
    expect(parseBankCsv(withSummary('120.00'), statedOnly, INR)[0]!.balances.map((b) => b.amount)).toEqual(['50.00', '120.00']);
    expect(refusal(() => parseBankCsv(withSummary('125.00'), statedOnly, INR)).message).toMatch(/gives 120\.00 INR, but CLBD is 125\.00/);
    // A pattern the file does not match: the mapping says the figure is there.
    expect(refusal(() => parseBankCsv(rows('01/02/24,A,1,01/02/24,,100.00,150.00'), stated, INR)).location.element).toBe('balances.opening');
  });

  it('a currency the caller did not give or that is not ISO 4217', () => {
    expect(() => parseBankCsv(rows('01/02/24,A,1,01/02/24,,100.00,100.00'), HDFC, { currency: 'RUPEES' })).toThrow(CsvMappingRequiredError);
  });
});

describe('parseBankCsv number and row layouts', () => {
  const pipe = (negativeForms: string[]) =>
    checkCsvMapping({
      delimiter: '|',
      headerRow: false,
      dateFormat: 'DD-MMM-YYYY',
      thousandsSeparator: ',',
      negativeForms,
      columns: { bookingDate: 1, description: [2, 3], amount: 4, direction: { column: 5, credit: ['CR', 'C'], debit: ['DR', 'D'] }, balance: 6, utr: 7 },
    });

  it('amount + a CR/DR column, columns by position, several description columns, and the balance with a Dr suffix', () => {
    const text = [
      '01-Apr-2024|NEFT|ACME|"1,00,000.00"|CR|"1,00,000.00"|SBIN424091234567',
      '02-apr-2024|CHQ 12|| 2,50,000.00 |dr|"1,50,000.00 Dr"|',
      '03-APR-2024||FEE|1.18|D|(1,50,001.18)|',
    ].join('\n');
    const [statement] = parseBankCsv(text, pipe(['dr-suffix', 'parentheses']), INR);
    expect(statement!.lines.map((l) => [l.bookingDate, l.direction, l.amount, l.remittanceInformation, l.csv.balance, l.references.utr])).toEqual([
      ['2024-04-01', 'CREDIT', '100000.00', 'NEFT ACME', '100000.00', 'SBIN424091234567'],
      ['2024-04-02', 'DEBIT', '250000.00', 'CHQ 12', '-150000.00', undefined],
      ['2024-04-03', 'DEBIT', '1.18', 'FEE', '-150001.18', undefined],
    ]);
    expect(statement!.balances.map((b) => [b.type, b.amount])).toEqual([['OPBD', '0.00'], ['CLBD', '-150001.18']]);
    // Without the forms in the mapping, 'Dr' and parentheses are not numbers.
    expect(refusal(() => parseBankCsv(text, pipe(['leading-minus']), INR)).location).toEqual({ line: 2, element: 'column 6' });
  });

  it('a direction value the mapping does not list, and a signed amount where the direction column gives the sign', () => {
    const bad = refusal(() => parseBankCsv('01-Apr-2024|A||1.00|XX|1.00|', pipe([]), INR));
    expect(bad.location).toEqual({ line: 1, element: 'column 5' });
    expect(refusal(() => parseBankCsv('01-Apr-2024|A||-1.00|DR|-1.00|', pipe(['leading-minus']), INR)).message).toMatch(/negative/);
  });

  it('trailing minus and European grouping with a space', () => {
    const mapping = checkCsvMapping({
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
      thousandsSeparator: ' ',
      negativeForms: ['trailing-minus'],
      columns: { bookingDate: 'Datum', amount: 'Betrag' },
    });
    const [statement] = parseBankCsv('Datum;Betrag\n01.03.2024;1 234,50-\n02.03.2024;12\u00a0000,00\n03.03.2024;7', mapping, { currency: 'EUR' });
    expect(statement!.lines.map((l) => [l.direction, l.amount])).toEqual([['DEBIT', '1234.50'], ['CREDIT', '12000.00'], ['CREDIT', '7.00']]);
    expect(statement!.balances).toEqual([]);
    expect(refusal(() => parseBankCsv('Datum;Betrag\n01.03.2024;-5,00', mapping, { currency: 'EUR' })).location).toEqual({ line: 2, element: 'column "Betrag"' });
  });

  it('JPY has no minor units', () => {
    // A mapping written in code may leave out what has defaults (CsvMappingInput); parseBankCsv checks and fills it.
    const mapping: CsvMappingInput = { delimiter: ',', dateFormat: 'YYYY-MM-DD', columns: { bookingDate: 'd', amount: 'a' } };
    expect(parseBankCsv('d,a\n2024-01-05,1000', mapping, { currency: 'JPY' })[0]!.lines[0]!.amount).toBe('1000');
    expect(refusal(() => parseBankCsv('d,a\n2024-01-05,1000.5', mapping, { currency: 'JPY' })).message).toMatch(/JPY's 0/);
  });

  it('refuses more than 1,000,000 rows and more than 100 MB', () => {
    const mapping = checkCsvMapping({ delimiter: ',', headerRow: false, dateFormat: 'YYYY-MM-DD', columns: { bookingDate: 1, amount: 2 } });
    const many = '2024-01-05,1\n'.repeat(1_000_001);
    expect(() => parseBankCsv(many, mapping, INR)).toThrow(StatementTooLargeError);
    const huge = Buffer.alloc(100 * 1024 * 1024 + 1, 0x20);
    expect(() => parseBankCsv(huge, mapping, INR)).toThrow(/at most 100 MB/);
  }, 60_000);
});

describe('checkCsvMapping', () => {
  const valid = json<Record<string, unknown>>('hdfc-style.mapping.json');
  const codeAndPath = (input: unknown) => {
    try {
      checkCsvMapping(input);
    } catch (error) {
      expect(error).toBeInstanceOf(CsvMappingError);
      return [(error as CsvMappingError).code, (error as CsvMappingError).path];
    }
    throw new Error('expected the mapping to be refused');
  };
  const withColumns = (columns: Record<string, unknown>) => ({ ...valid, columns });

  it('fills the defaults of a minimal mapping', () => {
    expect(checkCsvMapping({ delimiter: ';', dateFormat: 'DD.MM.YYYY', columns: { bookingDate: 'Buchung', amount: 'Betrag' } })).toEqual({
      delimiter: ';',
      quote: '"',
      skipRows: 0,
      headerRow: true,
      stopAt: [],
      skipLines: [],
      rowOrder: 'oldest-first',
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: '.',
      thousandsSeparator: null,
      negativeForms: ['leading-minus'],
      columns: { bookingDate: 'Buchung', amount: 'Betrag' },
    });
  });

  it('accepts every fixture mapping', () => {
    for (const base of ['hdfc-style', 'sbi-style', 'eu-style']) expect(() => checkCsvMapping(json(`${base}.mapping.json`))).not.toThrow();
  });

  it('refuses with CSV_MAPPING_INVALID and the field path', () => {
    const { bookingDate: _b, ...noDate } = valid['columns'] as Record<string, unknown>;
    expect(codeAndPath(withColumns(noDate))).toEqual(['CSV_MAPPING_INVALID', 'columns.bookingDate']);
    expect(codeAndPath(null)).toEqual(['CSV_MAPPING_INVALID', '']);
    expect(codeAndPath({ ...valid, delimiter: ':' })).toEqual(['CSV_MAPPING_INVALID', 'delimiter']);
    expect(codeAndPath({ ...valid, dateFormat: 'DD/MM' })).toEqual(['CSV_MAPPING_INVALID', 'dateFormat']);
    expect(codeAndPath({ ...valid, dateFormat: 'DD/MM/YYYY hh:mm' })).toEqual(['CSV_MAPPING_INVALID', 'dateFormat']);
    expect(codeAndPath({ ...valid, skipRows: -1 })).toEqual(['CSV_MAPPING_INVALID', 'skipRows']);
    expect(codeAndPath({ ...valid, thousandsSeparator: '.' , decimalSeparator: '.' })).toEqual(['CSV_MAPPING_INVALID', 'thousandsSeparator']);
    expect(codeAndPath({ ...valid, negativeForms: ['minus'] })).toEqual(['CSV_MAPPING_INVALID', 'negativeForms[0]']);
    expect(codeAndPath({ ...valid, skipLines: ['('] })).toEqual(['CSV_MAPPING_INVALID', 'skipLines[0]']);
    expect(codeAndPath({ ...valid, balances: { opening: 'Opening Balance' } })).toEqual(['CSV_MAPPING_INVALID', 'balances.opening']);
    expect(codeAndPath({ ...valid, delimeter: ',' })).toEqual(['CSV_MAPPING_INVALID', 'delimeter']);
    const columns = valid['columns'] as Record<string, unknown>;
    expect(codeAndPath(withColumns({ ...columns, debitAmmount: 'x' }))).toEqual(['CSV_MAPPING_INVALID', 'columns.debitAmmount']);
    expect(codeAndPath(withColumns({ ...columns, creditAmount: undefined }))).toEqual(['CSV_MAPPING_INVALID', 'columns.creditAmount']);
    expect(codeAndPath(withColumns({ ...columns, amount: 'Amount' }))).toEqual(['CSV_MAPPING_INVALID', 'columns.amount']);
    expect(codeAndPath(withColumns({ bookingDate: 'Date' }))).toEqual(['CSV_MAPPING_INVALID', 'columns.amount']);
    expect(codeAndPath(withColumns({ ...columns, balance: 0 }))).toEqual(['CSV_MAPPING_INVALID', 'columns.balance']);
    expect(codeAndPath({ ...valid, headerRow: false })).toEqual(['CSV_MAPPING_INVALID', 'columns.bookingDate']);
    expect(
      codeAndPath(withColumns({ bookingDate: 'Date', amount: 'Amt', direction: { column: 'Type', credit: ['C', 'cr'], debit: ['CR'] } })),
    ).toEqual(['CSV_MAPPING_INVALID', 'columns.direction']);
  });
});
