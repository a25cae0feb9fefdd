import type { StatementFormat } from '../model.js';

/** The message a camt file carries, read from its root namespace. */
export interface CamtMessage {
  format: Extract<StatementFormat, 'CAMT_053' | 'CAMT_054'>;
  /** 'camt.053.001.08' */
  version: string;
  /** The version's number (2, 4, 8, ...): v8 moved party names under Pty and Sts under Sts/Cd. */
  versionNumber: number;
  /** The element under Document that holds the statements (BkToCstmrStmt) or notifications (BkToCstmrDbtCdtNtfctn). */
  messageElement: string;
  /** Stmt or Ntfctn. */
  recordElement: string;
}

const CAMT_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(camt\.(053|054)\.001\.(\d{2}))$/;

/**
 * Every published version from .02 (2009, the one SEPA started with) on: the elements we read kept their names across
 * versions, and the few that moved (Sts, party names) are read in both places. Version .01 predates the SEPA profiles
 * and no bank we know sends it; a later version than we have seen is accepted on the same grounds.
 */
const FIRST_VERSION = 2;

/** The message and version of a root namespace, or undefined for anything that is not camt.053/camt.054. */
export function camtMessageOf(namespace: string): CamtMessage | undefined {
  const match = CAMT_NAMESPACE.exec(namespace);
  if (!match) return undefined;
  const versionNumber = Number(match[3]);
  if (versionNumber < FIRST_VERSION) return undefined;
  return match[2] === '053'
    ? { format: 'CAMT_053', version: match[1]!, versionNumber, messageElement: 'BkToCstmrStmt', recordElement: 'Stmt' }
    : {
        format: 'CAMT_054',
        version: match[1]!,
        versionNumber,
        messageElement: 'BkToCstmrDbtCdtNtfctn',
        recordElement: 'Ntfctn',
      };
}
