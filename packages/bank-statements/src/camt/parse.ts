import { withIndianReferences } from '../references.js';
import { StatementParseError, type AccountIdentification, type ParsedStatement } from '../model.js';
import { mapBalance, mapEntry } from './mapping.js';
import type { CamtMessage } from './namespaces.js';
import { readCamt, type XmlNode } from './reader.js';
import { checkBalances } from './validate.js';
import { find, refuse, textAt } from './values.js';

export interface CamtOptions {
  /**
   * Check opening + booked entries = closing (default true). Only for reading a file to look at it (a support tool, or
   * the upstream test samples whose made-up balances do not add up): an import must never turn this off.
   */
  verifyBalances?: boolean;
}

interface RecordState {
  path: string;
  line: number;
  statement: Partial<ParsedStatement> & { account: AccountIdentification; balances: ParsedStatement['balances'] };
  lines: ParsedStatement['lines'];
}

function accountOf(node: XmlNode): AccountIdentification {
  const account: AccountIdentification = {};
  const iban = textAt(node, 'Id', 'IBAN');
  const other = textAt(node, 'Id', 'Othr', 'Id');
  const servicer = find(node, 'Svcr', 'FinInstnId');
  const bic = textAt(servicer, 'BIC') ?? textAt(servicer, 'BICFI');
  const currency = textAt(node, 'Ccy');
  if (iban) account.iban = iban;
  if (other) account.other = other;
  if (bic) account.servicerBic = bic;
  if (currency) {
    if (!/^[A-Z]{3}$/.test(currency)) refuse(find(node, 'Ccy')!, `"${currency}" is not a currency code`);
    account.currency = currency;
  }
  return account;
}

/** Acct/Ccy, else the opening (or closing, or first) balance's currency, else undefined (taken from the first entry). */
function statementCurrencyOf(record: RecordState): string | undefined {
  const { account, balances } = record.statement;
  if (account.currency) return account.currency;
  const preferred = ['OPBD', 'PRCD', 'CLBD'].map((type) => balances.find((b) => b.type === type)).find(Boolean);
  return (preferred ?? balances[0])?.currency;
}

/**
 * Reads an ISO 20022 camt.053 (statements) or camt.054 (debit/credit notifications) file, any version from .02 on,
 * into one ParsedStatement per Stmt/Ntfctn. All or nothing: the first problem throws a StatementParseError naming the
 * line and element (or the statement whose balances do not add up), and nothing from the file is returned.
 */
export function parseCamt(xml: string | Buffer, options: CamtOptions = {}): ParsedStatement[] {
  const verifyBalances = options.verifyBalances ?? true;
  const statements: ParsedStatement[] = [];
  let message: CamtMessage | undefined;
  let messageId: string | undefined;
  let record: RecordState | undefined;
  let currency: string | undefined;

  readCamt(xml, {
    message(found) {
      message = found;
    },
    groupHeader(node) {
      messageId = textAt(node, 'MsgId');
    },
    recordStart(path, line) {
      record = { path, line, statement: { account: {}, balances: [] }, lines: [] };
      currency = undefined;
    },
    recordChild(node) {
      const current = record!;
      const statement = current.statement;
      switch (node.name) {
        case 'Id':
          statement.statementId = node.text;
          break;
        case 'ElctrncSeqNb':
          statement.sequenceNumber = node.text;
          break;
        case 'LglSeqNb':
          statement.sequenceNumber ??= node.text;
          break;
        case 'CreDtTm':
          statement.createdAt = node.text;
          break;
        case 'Acct':
          statement.account = accountOf(node);
          break;
        case 'Bal':
          statement.balances.push(mapBalance(node));
          break;
        case 'Ntry': {
          const line = mapEntry(node, current.lines.length + 1);
          currency ??= statementCurrencyOf(current) ?? line.currency;
          if (line.currency !== currency) {
            refuse(find(node, 'Amt')!, `the entry is in ${line.currency}, the statement in ${currency}`);
          }
          current.lines.push(line);
          break;
        }
        default:
          break;
      }
    },
    recordEnd() {
      const current = record!;
      const { statement } = current;
      if (!statement.statementId) {
        throw new StatementParseError(`camt: ${current.path} (line ${current.line}) has no Id`, {
          line: current.line,
          element: current.path,
        });
      }
      const statementCurrency = currency ?? statementCurrencyOf(current);
      if (!statementCurrency) {
        throw new StatementParseError(
          `camt: statement ${statement.statementId} has no currency (no Acct/Ccy, balance or entry)`,
          { line: current.line, element: current.path },
        );
      }
      const parsed: ParsedStatement = {
        format: message!.format,
        version: message!.version,
        ...(messageId !== undefined ? { messageId } : {}),
        statementId: statement.statementId,
        ...(statement.sequenceNumber !== undefined ? { sequenceNumber: statement.sequenceNumber } : {}),
        ...(statement.createdAt !== undefined ? { createdAt: statement.createdAt } : {}),
        account: statement.account,
        currency: statementCurrency,
        balances: statement.balances,
        lines: current.lines,
      };
      if (verifyBalances) checkBalances(parsed, { line: current.line, element: current.path });
      statements.push(parsed);
      record = undefined;
    },
  });
  if (!message) throw new StatementParseError('camt: no Document', {});
  if (statements.length === 0) {
    throw new StatementParseError(`camt: the ${message.messageElement} holds no ${message.recordElement}`, {
      element: message.messageElement,
    });
  }
  return withIndianReferences(statements);
}
