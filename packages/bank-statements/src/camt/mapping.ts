import type { Balance, Counterparty, Direction, LineReferences, StatementLine, StatementTransaction } from '../model.js';
import type { XmlNode } from './reader.js';
import { amountOf, dateChoiceOf, directionOf, find, findAll, refuse, textAt } from './values.js';

/** Bal: its type code (or proprietary code), signed amount (DBIT negative) and date. */
export function mapBalance(node: XmlNode): Balance {
  const type = textAt(node, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(node, 'Tp', 'CdOrPrtry', 'Prtry');
  if (!type) refuse(node, 'a balance without Tp/CdOrPrtry/Cd');
  const amountNode = find(node, 'Amt');
  if (!amountNode) refuse(node, 'a balance without Amt');
  const amount = amountOf(amountNode);
  const direction = directionOf(find(node, 'CdtDbtInd'), node);
  const date = dateChoiceOf(find(node, 'Dt'));
  if (!date) refuse(node, 'a balance without Dt');
  const negative = direction === 'DEBIT' && /[1-9]/.test(amount.value);
  return { type, amount: negative ? `-${amount.value}` : amount.value, currency: amount.currency, date };
}

/** BkTxCd: 'PMNT/RCDT/BOOK' from Domn, else the proprietary code. */
function transactionCodeOf(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  const domain = find(node, 'Domn');
  if (domain) {
    return [textAt(domain, 'Cd'), textAt(domain, 'Fmly', 'Cd'), textAt(domain, 'Fmly', 'SubFmlyCd')]
      .filter((part) => part !== undefined)
      .join('/');
  }
  return textAt(node, 'Prtry', 'Cd');
}

/** Sts: text up to v4 ('BOOK'), Sts/Cd from v8 (v5-v7 banks send either). */
function statusOf(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  return node.text !== '' && node.children.length === 0 ? node.text : (textAt(node, 'Cd') ?? textAt(node, 'Prtry'));
}

function booleanOf(node: XmlNode | undefined): boolean {
  if (!node) return false;
  if (node.text === 'true' || node.text === '1') return true;
  if (node.text === 'false' || node.text === '0') return false;
  return refuse(node, `"${node.text}" is not a boolean`);
}

function referencesOf(transaction: XmlNode | undefined): LineReferences {
  const refs = find(transaction, 'Refs');
  const references: LineReferences = {
    endToEndId: textAt(refs, 'EndToEndId'),
    ownerReference: textAt(refs, 'InstrId'),
    paymentInformationId: textAt(refs, 'PmtInfId'),
    mandateId: textAt(refs, 'MndtId'),
    transactionId: textAt(refs, 'TxId'),
    accountServicerReference: textAt(refs, 'AcctSvcrRef'),
    creditorReference: findAll(find(transaction, 'RmtInf'), 'Strd')
      .map((structured) => textAt(structured, 'CdtrRefInf', 'Ref'))
      .find((reference) => reference !== undefined),
  };
  return withoutUndefined(references);
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** Ustrd lines joined by a space; without them, the structured references (CdtrRefInf/Ref). */
function remittanceOf(transaction: XmlNode | undefined): string | undefined {
  const information = find(transaction, 'RmtInf');
  if (!information) return undefined;
  const unstructured = findAll(information, 'Ustrd').map((line) => line.text).filter((line) => line !== '');
  if (unstructured.length > 0) return unstructured.join(' ');
  const structured = findAll(information, 'Strd')
    .map((block) => textAt(block, 'CdtrRefInf', 'Ref'))
    .filter((reference): reference is string => reference !== undefined);
  return structured.length > 0 ? structured.join(' ') : undefined;
}

/**
 * The other party: for money in (CRDT) the debtor, for money out the creditor. A reversal is booked opposite to the
 * payment it undoes and keeps that payment's parties, so its counterparty is on the side of the original direction.
 */
function counterpartyOf(transaction: XmlNode | undefined, direction: Direction, reversal: boolean): Counterparty | undefined {
  if (!transaction) return undefined;
  const moneyIn = (direction === 'CREDIT') !== reversal;
  const side = moneyIn ? 'Dbtr' : 'Cdtr';
  const parties = find(transaction, 'RltdPties');
  const party = find(parties, side);
  const account = find(parties, `${side}Acct`, 'Id');
  const agent = find(transaction, 'RltdAgts', `${side}Agt`, 'FinInstnId');
  const counterparty = withoutUndefined<Counterparty>({
    // v8 put the party under Pty (a choice with Agt); earlier versions have Nm directly.
    name: textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm') ?? textAt(party, 'Agt', 'FinInstnId', 'Nm'),
    iban: textAt(account, 'IBAN'),
    account: textAt(account, 'Othr', 'Id'),
    bic: textAt(agent, 'BIC') ?? textAt(agent, 'BICFI'),
  });
  return Object.keys(counterparty).length > 0 ? counterparty : undefined;
}

/** TxDtls' own amount: Amt (v3+), else AmtDtls/TxAmt/Amt. */
function transactionAmountOf(transaction: XmlNode) {
  const node = find(transaction, 'Amt') ?? find(transaction, 'AmtDtls', 'TxAmt', 'Amt');
  return node ? amountOf(node) : undefined;
}

/** One Ntry, complete. Its amount and dates are checked here; the currency against the statement's by the caller. */
export function mapEntry(entry: XmlNode, index: number): StatementLine {
  const amountNode = find(entry, 'Amt');
  if (!amountNode) refuse(entry, 'an entry without Amt');
  const amount = amountOf(amountNode);
  const direction = directionOf(find(entry, 'CdtDbtInd'), entry);
  const reversal = booleanOf(find(entry, 'RvslInd'));
  const details = findAll(entry, 'NtryDtls');
  const transactions = details.flatMap((detail) => findAll(detail, 'TxDtls'));
  const batchCounts = details
    .map((detail) => textAt(detail, 'Btch', 'NbOfTxs'))
    .filter((count): count is string => count !== undefined);
  const batchPaymentInformationId = details
    .map((detail) => textAt(detail, 'Btch', 'PmtInfId'))
    .find((id) => id !== undefined);

  const line: StatementLine = {
    index,
    direction,
    reversal,
    amount: amount.value,
    currency: amount.currency,
    bookingDate: dateChoiceOf(find(entry, 'BookgDt')),
    valueDate: dateChoiceOf(find(entry, 'ValDt')),
    status: statusOf(find(entry, 'Sts')),
    transactionCode: transactionCodeOf(find(entry, 'BkTxCd')) ?? transactionCodeOf(find(transactions[0], 'BkTxCd')),
    references: {},
  };
  for (const count of batchCounts) {
    if (!/^[0-9]{1,15}$/.test(count)) refuse(find(details[0], 'Btch', 'NbOfTxs') ?? entry, `NbOfTxs "${count}"`);
  }
  const mapped = transactions.map((transaction): StatementTransaction => {
    const own = transactionAmountOf(transaction);
    const ownDirection = find(transaction, 'CdtDbtInd');
    return withoutUndefined<StatementTransaction>({
      amount: own?.value,
      currency: own?.currency,
      direction: ownDirection ? directionOf(ownDirection, transaction) : undefined,
      references: referencesOf(transaction),
      remittanceInformation: remittanceOf(transaction),
      counterparty: counterpartyOf(transaction, direction, reversal),
    });
  });

  const isBatch = batchCounts.length > 0 || transactions.length > 1;
  if (isBatch) {
    const declared = batchCounts.reduce((sum, count) => sum + Number(count), 0);
    line.transactionCount = batchCounts.length > 0 ? declared : transactions.length;
    if (mapped.length > 0) line.transactions = mapped;
    if (batchPaymentInformationId) line.references.paymentInformationId = batchPaymentInformationId;
  } else if (mapped.length === 1) {
    const only = mapped[0]!;
    line.references = { ...only.references };
    if (only.remittanceInformation !== undefined) line.remittanceInformation = only.remittanceInformation;
    if (only.counterparty) line.counterparty = only.counterparty;
  }
  const servicerReference = textAt(entry, 'AcctSvcrRef');
  if (servicerReference) line.references.accountServicerReference = servicerReference;
  return withoutUndefined(line);
}
