import type { AccountIdentification, Balance, StatementFormat } from '../model.js';
import { validate } from './checks.js';
import { fail } from './errors.js';
import type { RawField, RawMessage } from './fields.js';
import { parseInfo86 } from './info86.js';
import { parseLine61 } from './line61.js';
import type { Mt940Line, Mt940Statement, SumEntries } from './types.js';
import { isIban, parseBalance, parseSwiftAmount, parseYymmdd, type SwiftBalance } from './values.js';

const BALANCE_TYPE: Record<string, string> = { '60F': 'OPBD', '60M': 'ITBD', '62F': 'CLBD', '62M': 'ITBD', '64': 'CLAV', '65': 'FWAV' };
// Field order: header, opening, lines, closing/totals, available balances. :86: is placed by what precedes it.
const PHASE: Record<string, number> = {
  '20': 0, '21': 0, '25': 0, '25P': 0, '28': 0, '28C': 0, '34F': 0, '13D': 0, '13': 0,
  '60F': 1, '60M': 1, '61': 2, '62F': 3, '62M': 3, '90D': 3, '90C': 3, '64': 4, '65': 4,
};
const REPEATABLE = new Set(['61', '86', '65', '34F', 'NS']);
const SAME_FIELD = new Set(['60F', '60M', '62F', '62M', '28C', '25P', '13D']);

function oneLine(field: RawField): string {
  const extra = field.lines.slice(1).filter((l) => l.trim() !== '');
  if (extra.length > 0) fail(field.line + 1, `:${field.tag}:`, `unexpected continuation ${JSON.stringify(extra[0]!.trim().slice(0, 40))}`);
  return field.lines[0]!.trim();
}

function account(field: RawField, currency: string): AccountIdentification {
  const text = oneLine(field.tag === '25P' ? { ...field, lines: field.lines.slice(0, 1) } : field);
  if (text === '' || text.length > 35) fail(field.line, ':25:', `account identification must be 1 to 35 characters`);
  const out: AccountIdentification = { currency };
  const slash = text.indexOf('/');
  const number = slash > 0 ? text.slice(slash + 1) : text;
  if (slash > 0) out.servicerBic = text.slice(0, slash);
  if (field.tag === '25P' && field.lines[1]?.trim()) out.servicerBic = field.lines[1].trim();
  if (isIban(number)) out.iban = number;
  else if (/^[A-Z]{3}$/.test(number.slice(-3)) && isIban(number.slice(0, -3))) out.iban = number.slice(0, -3);
  else out.other = number;
  return out;
}

function sumEntries(field: RawField, currency: string): SumEntries {
  const tag = `:${field.tag}:`;
  const m = /^(\d{1,5})([A-Z]{3})(.*)$/.exec(oneLine(field));
  if (!m) fail(field.line, tag, 'expected number of entries, currency, amount');
  if (m[2] !== currency) fail(field.line, tag, `currency ${m[2]} is not the statement's ${currency}`);
  return { count: Number(m[1]), currency, amount: parseSwiftAmount(m[3]!, currency, field.line, tag) };
}

/** Reads one message's fields into a statement and checks its figures add up. */
export function buildStatement(message: RawMessage): Mt940Statement {
  const seen = new Map<string, RawField>();
  let phase = 0;
  let previous: string | undefined;
  const opening: { field?: RawField; tag?: string } = {};
  const closing: { field?: RawField; tag?: string } = {};
  const lineFields: { f61: RawField; f86?: RawField }[] = [];
  const others: RawField[] = [];
  let statementInfo: RawField | undefined;
  const floorLimits: RawField[] = [];

  for (const field of message.fields) {
    const tag = `:${field.tag}:`;
    if (field.tag === 'NS') continue; // non-SWIFT field some banks add; carries nothing we read
    if (field.tag === '86') {
      if (previous === '61') lineFields[lineFields.length - 1]!.f86 = field;
      else if (phase >= 3 && !statementInfo) statementInfo = field;
      else fail(field.line, tag, 'an :86: must follow a :61: or the closing balance, once');
      previous = '86';
      continue;
    }
    const p = PHASE[field.tag];
    if (p === undefined) fail(field.line, tag, `field ${tag} is not part of an MT940 or MT942 message`);
    if (p < phase) fail(field.line, tag, `field ${tag} is out of order`);
    // :60F: and :60M: (and :62a:, :28:/:28C:, :25:/:25P:, :13:/:13D:) are one field in two options.
    const key = SAME_FIELD.has(field.tag) ? field.tag.slice(0, 2) : field.tag;
    if (!REPEATABLE.has(field.tag) && seen.has(key)) fail(field.line, tag, `field ${tag} appears twice in one message`);
    seen.set(key, field);
    phase = p;
    previous = field.tag;
    if (field.tag.startsWith('60')) Object.assign(opening, { field, tag: field.tag });
    else if (field.tag.startsWith('62')) Object.assign(closing, { field, tag: field.tag });
    else if (field.tag === '61') lineFields.push({ f61: field });
    else if (field.tag === '34F') floorLimits.push(field);
    else others.push(field);
  }

  const first = message.fields[0]!;
  const reference = oneLine(first);
  if (reference === '' || reference.length > 16) fail(first.line, ':20:', 'transaction reference must be 1 to 16 characters');
  const isMt942 = message.messageType === '942' || (message.messageType !== '940' && (floorLimits.length > 0 || seen.has('13')) && !opening.field);
  if (message.messageType && message.messageType !== '940' && message.messageType !== '942') {
    fail(message.startLine, ':20:', `message type MT${message.messageType} is neither MT940 nor MT942`);
  }
  const format: StatementFormat = isMt942 ? 'MT942' : 'MT940';
  const where = `statement ${reference} (line ${first.line})`;
  const require = (tag: string, present: unknown) => {
    if (!present) fail(message.fields[message.fields.length - 1]!.line, tag, `${where} has no ${tag} field`);
  };
  require(':25:', seen.get('25'));
  require(':28C:', seen.get('28'));

  let openingBalance: SwiftBalance | undefined;
  let closingBalance: SwiftBalance | undefined;
  let currency: string;
  const balances: Balance[] = [];
  const toBalance = (tag: string, b: SwiftBalance): Balance => ({ type: BALANCE_TYPE[tag]!, amount: b.signed, currency: b.currency, date: b.date });
  const floor: { debit?: string; credit?: string } = {};

  if (format === 'MT940') {
    require(':60F:', opening.field);
    require(':62F:', closing.field);
    openingBalance = parseBalance(oneLine(opening.field!), opening.field!.line, `:${opening.tag}:`);
    currency = openingBalance.currency;
    closingBalance = parseBalance(oneLine(closing.field!), closing.field!.line, `:${closing.tag}:`);
    balances.push(toBalance(opening.tag!, openingBalance), toBalance(closing.tag!, closingBalance));
  } else {
    if (opening.field || closing.field) fail((opening.field ?? closing.field)!.line, `:${(opening.field ?? closing.field)!.tag}:`, 'an MT942 has no booked opening or closing balance');
    require(':34F:', floorLimits[0]);
    if (floorLimits.length > 2) fail(floorLimits[2]!.line, ':34F:', 'at most two floor limits (debit, credit)');
    currency = '';
    for (const f of floorLimits) {
      const m = /^([A-Z]{3})([DC]?)(.*)$/.exec(oneLine(f));
      if (!m) fail(f.line, ':34F:', 'expected currency, optional D/C, amount');
      if (currency && m[1] !== currency) fail(f.line, ':34F:', `currency ${m[1]} differs from ${currency}`);
      currency = m[1]!;
      const amount = parseSwiftAmount(m[3]!, currency, f.line, ':34F:');
      if (m[2] !== 'C') floor.debit = amount;
      if (m[2] !== 'D') floor.credit = amount;
    }
  }

  let createdAt: string | undefined;
  let relatedReference: string | undefined;
  let accountId: AccountIdentification | undefined;
  let sequenceNumber: string | undefined;
  const sums: { debit?: SumEntries; credit?: SumEntries } = {};
  for (const f of others) {
    const tag = `:${f.tag}:`;
    if (f.tag === '21') relatedReference = oneLine(f);
    else if (f.tag === '25' || f.tag === '25P') accountId = account(f, currency);
    else if (f.tag === '28' || f.tag === '28C') {
      sequenceNumber = oneLine(f);
      if (!/^\d{1,5}(\/\d{1,5})?$/.test(sequenceNumber)) fail(f.line, tag, 'expected statement number [/sequence number], e.g. 00004/00001');
    } else if (f.tag === '13D' || f.tag === '13') {
      const m = /^(\d{6})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?$/.exec(oneLine(f));
      if (!m || Number(m[2]) > 23 || Number(m[3]) > 59) fail(f.line, tag, 'expected YYMMDDhhmm+hhmm');
      createdAt = `${parseYymmdd(m[1]!, f.line, tag)}T${m[2]}:${m[3]}:00${m[4] ? `${m[4]}${m[5]}:${m[6]}` : ''}`;
    } else if (f.tag === '90D') sums.debit = sumEntries(f, currency);
    else if (f.tag === '90C') sums.credit = sumEntries(f, currency);
    else if (f.tag === '64' || f.tag === '65') {
      const b = parseBalance(oneLine(f), f.line, tag);
      if (b.currency !== currency) fail(f.line, tag, `currency ${b.currency} is not the statement's ${currency}`);
      balances.push(toBalance(f.tag, b));
    }
  }
  if (closingBalance && closingBalance.currency !== currency) {
    fail(closing.field!.line, `:${closing.tag}:`, `currency ${closingBalance.currency} is not the opening balance's ${currency}`);
  }

  const lines: Mt940Line[] = lineFields.map(({ f61, f86 }, i) => {
    const l = parseLine61(f61, currency);
    const info = f86 ? parseInfo86(f86.lines) : undefined;
    const ownerReference = l.ownerReference && l.ownerReference !== 'KREF+' ? l.ownerReference : info?.references.ownerReference;
    const out: Mt940Line = {
      index: i + 1,
      direction: l.direction,
      reversal: l.reversal,
      amount: l.amount,
      currency,
      valueDate: l.valueDate,
      status: l.expected ? 'PDNG' : 'BOOK',
      transactionCode: l.transactionCode,
      references: {},
      mt940: { mark: l.mark, fileLine: l.line },
    };
    if (l.entryDate) out.bookingDate = l.entryDate;
    if (ownerReference) out.references.ownerReference = ownerReference;
    if (l.bankReference) out.references.accountServicerReference = l.bankReference;
    if (info?.references.endToEndId) out.references.endToEndId = info.references.endToEndId;
    if (info?.references.mandateId) out.references.mandateId = info.references.mandateId;
    if (info?.remittanceInformation) out.remittanceInformation = info.remittanceInformation;
    if (info?.counterparty) out.counterparty = info.counterparty;
    const details = out.mt940;
    if (l.fundsCode) details.fundsCode = l.fundsCode;
    if (l.supplementaryDetails) details.supplementaryDetails = l.supplementaryDetails;
    if (info) {
      details.information = info.text;
      for (const k of ['businessCode', 'postingText', 'primaNota', 'returnReason', 'sepa'] as const) {
        if (info[k] !== undefined) (details as unknown as Record<string, unknown>)[k] = info[k];
      }
    }
    return out;
  });

  validate(format, where, message, lines, openingBalance, closingBalance, closing.field, sums);

  const statement: Mt940Statement = {
    format,
    messageId: reference,
    statementId: sequenceNumber ? `${reference}/${sequenceNumber}` : reference,
    sequenceNumber,
    account: accountId!,
    currency,
    balances,
    lines,
    mt940: { fileLine: first.line },
  };
  if (createdAt) statement.createdAt = createdAt;
  if (relatedReference) statement.mt940.relatedReference = relatedReference;
  if (statementInfo) statement.mt940.information = parseInfo86(statementInfo.lines).text;
  if (floor.debit !== undefined) statement.mt940.debitFloorLimit = floor.debit;
  if (floor.credit !== undefined) statement.mt940.creditFloorLimit = floor.credit;
  if (sums.debit) statement.mt940.debitEntries = sums.debit;
  if (sums.credit) statement.mt940.creditEntries = sums.credit;
  return statement;
}
