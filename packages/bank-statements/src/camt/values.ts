import { Decimal, currencyOf, isMoneyError } from '@postal/money';
import { StatementParseError } from '../model.js';
import type { XmlNode } from './reader.js';

export function refuse(node: XmlNode, reason: string): never {
  throw new StatementParseError(`camt: ${node.path} (line ${node.line}): ${reason}`, {
    line: node.line,
    element: node.path,
  });
}

/** The descendant at a path of child names ('Tp', 'CdOrPrtry', 'Cd'), or undefined. */
export function find(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let current = node;
  for (const name of names) {
    if (!current) return undefined;
    current = current.children.find((child) => child.name === name);
  }
  return current;
}

export function findAll(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((child) => child.name === name) : [];
}

/** The text at a path, undefined when the element is missing or empty. */
export function textAt(node: XmlNode | undefined, ...names: string[]): string | undefined {
  const found = find(node, ...names);
  return found && found.text !== '' ? found.text : undefined;
}

/** xs:decimal as camt's amounts use it: digits, an optional fraction, no sign (CdtDbtInd carries it). */
const AMOUNT = /^[0-9]{1,18}(?:\.[0-9]{0,5})?$/;

export interface Amount {
  /** With exactly the currency's minor units: '8.85', '200000.00', JPY '2700'. */
  value: string;
  currency: string;
}

/**
 * An Amt element (`<Amt Ccy="EUR">8.85</Amt>`): the currency must be ISO 4217 and the amount must fit its minor units
 * (EUR 8.855 is refused, not rounded: a bank that sends it has sent something we cannot book).
 */
export function amountOf(node: XmlNode): Amount {
  const currencyCode = node.attributes['Ccy'];
  if (!currencyCode) refuse(node, 'the amount has no Ccy');
  let minorUnits: number;
  try {
    minorUnits = currencyOf(currencyCode).minorUnits;
  } catch (error) {
    if (isMoneyError(error)) refuse(node, `Ccy "${currencyCode}" is not an ISO 4217 currency`);
    throw error;
  }
  if (!AMOUNT.test(node.text)) refuse(node, `"${node.text}" is not an amount (digits, optionally '.' and decimals)`);
  const amount = new Decimal(node.text);
  if (!amount.times(new Decimal(10).pow(minorUnits)).isInteger()) {
    refuse(node, `"${node.text}" has more decimals than ${currencyCode}'s ${minorUnits}`);
  }
  return { value: amount.toFixed(minorUnits), currency: currencyCode };
}

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:$|T)/;

/** A real calendar date 'YYYY-MM-DD' from an ISODate or the date part of an ISODateTime, as written (no zone shift). */
export function dateOf(node: XmlNode): string {
  const match = ISO_DATE.exec(node.text);
  if (!match) refuse(node, `"${node.text}" is not an ISO date`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCFullYear() !== year || probe.getUTCDate() !== day) {
    refuse(node, `"${node.text}" is not a calendar date`);
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** BookgDt, ValDt, Bal/Dt: a choice of Dt or DtTm. */
export function dateChoiceOf(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  const inner = find(node, 'Dt') ?? find(node, 'DtTm');
  if (!inner) refuse(node, 'neither Dt nor DtTm');
  return dateOf(inner);
}

export function directionOf(node: XmlNode | undefined, owner: XmlNode): 'CREDIT' | 'DEBIT' {
  if (!node) refuse(owner, 'no CdtDbtInd');
  if (node.text === 'CRDT') return 'CREDIT';
  if (node.text === 'DBIT') return 'DEBIT';
  return refuse(node, `"${node.text}" is neither CRDT nor DBIT`);
}
