import { createHash } from 'node:crypto';
import { Decimal, currencyOf, isMoneyError } from '@postal/money';
import { CsvError, parse } from 'csv-parse/sync';
import { checkBalances } from '../camt/validate.js';
import type { AccountIdentification, Balance, Counterparty, Direction, LineReferences, ParsedStatement, StatementLine } from '../model.js';
import { isIban } from '../mt940/values.js';
import { CsvMappingRequiredError, StatementTooLargeError, fail } from './errors.js';
import { checkCsvMapping, type CsvColumn, type CsvMapping, type CsvMappingInput } from './mapping.js';
import { MAX_CSV_ROWS, decodeStatementText } from './text.js';
import { compileDateFormat, parseAmount, parseDate, type DateFormat, type NumberFormat } from './values.js';

export interface CsvContext {
  /** The currency of the bank account the file is imported into: CSV exports do not say it. */
  currency: string;
  /** That account's number or IBAN. */
  accountNumber?: string;
  /** The caller's id for this statement; else one is derived from the content (see deriveStatementId). */
  statementId?: string;
}

export interface CsvLineDetails {
  /** 1-based line of the row in the file. */
  fileLine: number;
  /** The running balance the bank gives after this row, signed. */
  balance?: string;
}

export interface CsvStatementLine extends StatementLine {
  csv: CsvLineDetails;
}

export interface CsvStatement extends ParsedStatement {
  lines: CsvStatementLine[];
}

interface ResolvedColumn {
  index: number;
  /** As errors name it: `column "Withdrawal Amt."`, or `column 5` in a file without a header. */
  label: string;
}

interface Row {
  line: number;
  fields: string[];
}

/** The file cut into what is data and what is not, with file line numbers kept. */
interface Sections {
  /** Header and data lines, every other line blanked so csv-parse's line count is the file's. */
  dataText: string;
  /** Preamble and footer lines with their file line numbers, for the stated-balance patterns. */
  outside: { line: number; text: string }[];
}

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

function cutSections(text: string, mapping: CsvMapping): Sections {
  const lines = text.split('\n');
  const outside: Sections['outside'] = [];
  const skip = mapping.skipLines.map((source) => new RegExp(source));
  const stops = mapping.stopAt.map((prefix) => prefix.trim().toLowerCase());
  let headerSeen = !mapping.headerRow;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (i < mapping.skipRows) {
      outside.push({ line: i + 1, text: raw });
      lines[i] = '';
      continue;
    }
    if (raw.trim() === '') continue;
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    const bare = raw.replace(/^[\s"']+/, '').toLowerCase();
    if (stops.some((prefix) => bare.startsWith(prefix))) {
      for (let j = i; j < lines.length; j++) outside.push({ line: j + 1, text: lines[j]! });
      lines.length = i;
      break;
    }
    if (skip.some((pattern) => pattern.test(raw))) lines[i] = '';
  }
  return { dataText: lines.join('\n'), outside };
}

function readRows(dataText: string, mapping: CsvMapping): Row[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(dataText, {
      delimiter: mapping.delimiter,
      quote: mapping.quote,
      record_delimiter: '\n',
      relax_column_count: true,
      // Narrations carry stray quotes ('5" PIPE'); only a quote that opens a field quotes it.
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      fail(line, undefined, `not readable as ${mapping.delimiter === '\t' ? 'tab' : `'${mapping.delimiter}'`}-separated text: ${error.message}`);
    }
    throw error;
  }
  const rows: Row[] = [];
  for (const { record, info } of parsed) {
    if (record.every((field) => field.trim() === '')) continue;
    // csv-parse counts the line a record ends on; a quoted field with line breaks started that many lines earlier.
    const inner = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    rows.push({ line: info.lines - inner, fields: record });
    if (rows.length > MAX_CSV_ROWS + 1) {
      throw new StatementTooLargeError(`the file has more than ${MAX_CSV_ROWS.toLocaleString('en-IN')} rows`, { maxRows: MAX_CSV_ROWS });
    }
  }
  return rows;
}

function resolveColumns(mapping: CsvMapping, header: Row | undefined) {
  const names = header?.fields.map(normalise);
  const resolve = (column: CsvColumn | undefined): ResolvedColumn | undefined => {
    if (column === undefined) return undefined;
    if (typeof column === 'number') {
      const label = header ? `column ${column} ("${header.fields[column - 1]?.trim() ?? ''}")` : `column ${column}`;
      if (header && column > header.fields.length) fail(header.line, label, `the header has only ${header.fields.length} columns`);
      return { index: column - 1, label };
    }
    const wanted = normalise(column);
    const at = names!.indexOf(wanted);
    const label = `column "${column}"`;
    if (at < 0) fail(header!.line, label, `the header has no such column; it has ${header!.fields.map((f) => `"${f.trim()}"`).join(', ')}`);
    if (names!.indexOf(wanted, at + 1) >= 0) fail(header!.line, label, 'the header has this column twice');
    return { index: at, label: `column "${header!.fields[at]!.trim()}"` };
  };
  const c = mapping.columns;
  return {
    bookingDate: resolve(c.bookingDate)!,
    valueDate: resolve(c.valueDate),
    amount: resolve(c.amount),
    debitAmount: resolve(c.debitAmount),
    creditAmount: resolve(c.creditAmount),
    direction: c.direction && { column: resolve(c.direction.column)!, credit: c.direction.credit.map(normalise), debit: c.direction.debit.map(normalise) },
    description: (c.description ?? []).map((d) => resolve(d)!),
    accountServicerReference: resolve(c.accountServicerReference),
    ownerReference: resolve(c.ownerReference),
    utr: resolve(c.utr),
    endToEndId: resolve(c.endToEndId),
    transactionCode: resolve(c.transactionCode),
    counterpartyName: resolve(c.counterpartyName),
    counterpartyAccount: resolve(c.counterpartyAccount),
    balance: resolve(c.balance),
  };
}
type Columns = ReturnType<typeof resolveColumns>;

interface Reader {
  columns: Columns;
  dates: DateFormat;
  numbers: NumberFormat;
  currency: string;
  minorUnits: number;
  utrPattern: RegExp | undefined;
  fieldCount: number | undefined;
  /** The highest column position the mapping reads (for a file without a header). */
  widest: number;
}

function widestOf(columns: Columns): number {
  const all = Object.values(columns).flatMap((c) => (c === undefined ? [] : Array.isArray(c) ? c : 'index' in c ? [c] : [c.column]));
  return Math.max(...all.map((c) => c.index + 1));
}

interface Movement {
  direction: Direction;
  amount: string;
}

function readMovement(row: Row, reader: Reader): Movement {
  const { columns } = reader;
  const amountIn = (column: ResolvedColumn, { unsigned }: { unsigned: boolean }) => {
    const text = field(row, column);
    if (text === '') return undefined;
    const parsed = parseAmount(text, reader.numbers, reader.minorUnits, reader.currency);
    if ('error' in parsed) fail(row.line, column.label, parsed.error);
    if (unsigned && parsed.negative && !new Decimal(parsed.value).isZero()) {
      fail(row.line, column.label, `"${text}" is negative; this column holds unsigned amounts`);
    }
    return parsed;
  };
  if (columns.debitAmount && columns.creditAmount) {
    const debit = amountIn(columns.debitAmount, { unsigned: true });
    const credit = amountIn(columns.creditAmount, { unsigned: true });
    const nonZero = (a: typeof debit) => a !== undefined && !new Decimal(a.value).isZero();
    if (nonZero(debit) && nonZero(credit)) {
      fail(row.line, columns.creditAmount.label, `both ${columns.debitAmount.label} and ${columns.creditAmount.label} have an amount`);
    }
    if (nonZero(credit) || (credit && !debit)) return { direction: 'CREDIT', amount: credit!.value };
    if (debit) return { direction: 'DEBIT', amount: debit.value };
    return fail(row.line, columns.debitAmount.label, `neither ${columns.debitAmount.label} nor ${columns.creditAmount.label} has an amount`);
  }
  const amountColumn = columns.amount!;
  const amount = amountIn(amountColumn, { unsigned: columns.direction !== undefined });
  if (!amount) fail(row.line, amountColumn.label, 'no amount');
  if (!columns.direction) return { direction: amount.negative ? 'DEBIT' : 'CREDIT', amount: amount.value };
  const mark = field(row, columns.direction.column);
  const norm = normalise(mark);
  if (columns.direction.credit.includes(norm)) return { direction: 'CREDIT', amount: amount.value };
  if (columns.direction.debit.includes(norm)) return { direction: 'DEBIT', amount: amount.value };
  return fail(row.line, columns.direction.column.label, `"${mark}" is neither a credit (${columns.direction.credit.join(', ')}) nor a debit (${columns.direction.debit.join(', ')}) value`);
}

const field = (row: Row, column: ResolvedColumn) => (row.fields[column.index] ?? '').trim();

function readLine(row: Row, reader: Reader): Omit<CsvStatementLine, 'index'> {
  const { columns } = reader;
  if (reader.fieldCount !== undefined) {
    const extra = row.fields.slice(reader.fieldCount);
    if (row.fields.length < reader.fieldCount || extra.some((f) => f.trim() !== '')) {
      fail(row.line, undefined, `the row has ${row.fields.length} fields, the header ${reader.fieldCount} (a delimiter inside an unquoted field?)`);
    }
  } else if (row.fields.length < reader.widest) {
    fail(row.line, undefined, `the row has ${row.fields.length} fields; the mapping reads column ${reader.widest}`);
  }
  const dateIn = (column: ResolvedColumn, required: boolean) => {
    const text = field(row, column);
    if (text === '') return required ? fail(row.line, column.label, 'no date') : undefined;
    const date = parseDate(text, reader.dates);
    if (typeof date !== 'string') fail(row.line, column.label, date.error);
    return date;
  };
  const optional = (column: ResolvedColumn | undefined) => (column ? field(row, column) || undefined : undefined);

  const bookingDate = dateIn(columns.bookingDate, true)!;
  const valueDate = columns.valueDate && dateIn(columns.valueDate, false);
  const movement = readMovement(row, reader);
  const description = columns.description.map((c) => field(row, c)).filter((t) => t !== '').join(' ') || undefined;

  const references: LineReferences = {};
  const setReference = (key: keyof LineReferences, value: string | undefined) => {
    if (value !== undefined) references[key] = value;
  };
  setReference('accountServicerReference', optional(columns.accountServicerReference));
  setReference('ownerReference', optional(columns.ownerReference));
  setReference('endToEndId', optional(columns.endToEndId));
  let utr = optional(columns.utr);
  if (utr === undefined && reader.utrPattern && description) {
    const m = reader.utrPattern.exec(description);
    utr = m ? (m[1] ?? m[0]) : undefined;
  }
  setReference('utr', utr);

  const counterparty: Counterparty = {};
  const name = optional(columns.counterpartyName);
  const account = optional(columns.counterpartyAccount);
  if (name) counterparty.name = name;
  if (account) {
    const compact = account.replace(/\s+/g, '').toUpperCase();
    if (isIban(compact)) counterparty.iban = compact;
    else counterparty.account = account;
  }

  const csv: CsvLineDetails = { fileLine: row.line };
  if (columns.balance) {
    const text = field(row, columns.balance);
    if (text === '') fail(row.line, columns.balance.label, 'no running balance (the mapping names a balance column, so every row needs one)');
    const parsed = parseAmount(text, reader.numbers, reader.minorUnits, reader.currency);
    if ('error' in parsed) fail(row.line, columns.balance.label, parsed.error);
    csv.balance = signed(parsed);
  }

  const line: Omit<CsvStatementLine, 'index'> = {
    direction: movement.direction,
    reversal: false,
    amount: movement.amount,
    currency: reader.currency,
    bookingDate,
    // A bank export lists booked transactions only.
    status: 'BOOK',
    references,
    csv,
  };
  if (valueDate) line.valueDate = valueDate;
  const code = optional(columns.transactionCode);
  if (code) line.transactionCode = code;
  if (description) line.remittanceInformation = description;
  if (Object.keys(counterparty).length > 0) line.counterparty = counterparty;
  return line;
}

const signed = (amount: { negative: boolean; value: string }) => (amount.negative && !new Decimal(amount.value).isZero() ? `-${amount.value}` : amount.value);
const movementOf = (line: StatementLine) => (line.direction === 'CREDIT' ? new Decimal(line.amount) : new Decimal(line.amount).negated());

/** Each row's balance must be the previous one plus its movement; the first row's tells the opening balance. */
function checkRunningBalance(lines: CsvStatementLine[], column: ResolvedColumn, minorUnits: number): { opening: string; closing: string } {
  const first = lines[0]!;
  const opening = new Decimal(first.csv.balance!).minus(movementOf(first));
  let previous = new Decimal(first.csv.balance!);
  for (const line of lines.slice(1)) {
    const expected = previous.plus(movementOf(line));
    if (!expected.equals(line.csv.balance!)) {
      fail(line.csv.fileLine, column.label, `the running balance ${line.csv.balance} is not the previous ${previous.toFixed(minorUnits)} ${line.direction === 'CREDIT' ? '+' : '-'} ${line.amount} = ${expected.toFixed(minorUnits)}`);
    }
    previous = new Decimal(line.csv.balance!);
  }
  return { opening: opening.toFixed(minorUnits), closing: previous.toFixed(minorUnits) };
}

/** The mapping's balance patterns on the preamble and footer; a pattern that finds nothing is an error (the mapping says it is there). */
function statedBalances(sections: Sections, mapping: CsvMapping, reader: Reader): { opening?: string; closing?: string } {
  const found: { opening?: string; closing?: string } = {};
  const text = sections.outside.map((l) => l.text).join('\n');
  for (const key of ['opening', 'closing'] as const) {
    const source = mapping.balances?.[key];
    if (!source) continue;
    const m = new RegExp(source, 'im').exec(text);
    if (!m || m[1] === undefined) fail(undefined, `balances.${key}`, `no line outside the data matches /${source}/`);
    const line = sections.outside[text.slice(0, m.index).split('\n').length - 1]?.line;
    const parsed = parseAmount(m[1].trim(), reader.numbers, reader.minorUnits, reader.currency);
    if ('error' in parsed) fail(line, `balances.${key}`, parsed.error);
    found[key] = signed(parsed);
  }
  return found;
}

/**
 * Deterministic when the caller gives none: the account, the first and last booking dates and the first 16 hex digits
 * of the SHA-256 of the text (BOM dropped, line breaks as LF), so the same export imported twice has the same id and
 * two different exports of the same period do not.
 */
export function deriveStatementId(text: string, accountNumber: string | undefined, lines: StatementLine[]): string {
  const digest = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
  const dates = lines.map((l) => l.bookingDate!).sort();
  return `CSV:${accountNumber ?? '-'}:${dates[0]}:${dates[dates.length - 1]}:${digest}`;
}

function accountOf(accountNumber: string | undefined, currency: string): AccountIdentification {
  const account: AccountIdentification = { currency };
  if (accountNumber) {
    const compact = accountNumber.replace(/\s+/g, '').toUpperCase();
    if (isIban(compact)) account.iban = compact;
    else account.other = accountNumber.trim();
  }
  return account;
}

/**
 * Reads a bank's CSV export with its saved column mapping into one statement. All or nothing: a bad row, a running
 * balance that does not follow, or stated balances that do not add up refuse the file with a StatementParseError
 * naming the 1-based line and the column. Over 100 MB or 1,000,000 rows is a StatementTooLargeError.
 */
export function parseBankCsv(content: string | Buffer, mappingInput: CsvMappingInput, context: CsvContext): CsvStatement[] {
  const mapping = checkCsvMapping(mappingInput);
  let minorUnits: number;
  try {
    minorUnits = currencyOf(context.currency).minorUnits;
  } catch (error) {
    if (isMoneyError(error)) throw new CsvMappingRequiredError('CSV_CURRENCY_REQUIRED', `a CSV statement is read in the account's currency; ${error.message}`);
    throw error;
  }
  const text = decodeStatementText(content).replace(/\r\n?/g, '\n');
  const sections = cutSections(text, mapping);
  const rows = readRows(sections.dataText, mapping);
  const header = mapping.headerRow ? rows.shift() : undefined;
  if (mapping.headerRow && !header) fail(mapping.skipRows + 1, undefined, 'no header row after the skipped lines');
  if (rows.length === 0) fail(header ? header.line + 1 : mapping.skipRows + 1, undefined, 'the file has no transaction rows');
  if (rows.length > MAX_CSV_ROWS) {
    throw new StatementTooLargeError(`the file has more than ${MAX_CSV_ROWS.toLocaleString('en-IN')} rows`, { maxRows: MAX_CSV_ROWS });
  }
  const columns = resolveColumns(mapping, header);
  const reader: Reader = {
    columns,
    widest: widestOf(columns),
    dates: compileDateFormat(mapping.dateFormat) as DateFormat,
    numbers: { decimalSeparator: mapping.decimalSeparator, thousandsSeparator: mapping.thousandsSeparator, negativeForms: mapping.negativeForms },
    currency: context.currency,
    minorUnits,
    utrPattern: mapping.utrPattern === undefined ? undefined : new RegExp(mapping.utrPattern),
    fieldCount: header?.fields.length,
  };
  const read = rows.map((row) => readLine(row, reader));
  if (mapping.rowOrder === 'newest-first') read.reverse();
  const lines: CsvStatementLine[] = read.map((line, i) => ({ index: i + 1, ...line }));

  const balances: Balance[] = [];
  const stated = statedBalances(sections, mapping, reader);
  let opening = stated.opening;
  let closing = stated.closing;
  if (reader.columns.balance) {
    const running = checkRunningBalance(lines, reader.columns.balance, minorUnits);
    for (const [key, value] of [['opening', opening], ['closing', closing]] as const) {
      if (value !== undefined && !new Decimal(value).equals(running[key])) {
        fail(undefined, `balances.${key}`, `the stated ${key} balance ${value} is not the ${running[key]} the running balance gives`);
      }
    }
    opening = running.opening;
    closing = running.closing;
  }
  const firstDate = lines[0]!.bookingDate!;
  const lastDate = lines[lines.length - 1]!.bookingDate!;
  if (opening !== undefined) balances.push({ type: 'OPBD', amount: opening, currency: context.currency, date: firstDate });
  if (closing !== undefined) balances.push({ type: 'CLBD', amount: closing, currency: context.currency, date: lastDate });

  const account = accountOf(context.accountNumber, context.currency);
  const statement: CsvStatement = {
    format: 'CSV',
    statementId: context.statementId ?? deriveStatementId(text, account.iban ?? account.other, lines),
    account,
    currency: context.currency,
    balances,
    lines,
  };
  checkBalances(statement, { element: 'balances' });
  return [statement];
}
