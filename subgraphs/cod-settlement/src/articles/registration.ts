/**
 * The rules of a new COD article, shared by registerCodArticle and the manifest job: a row is checked against the
 * same lookups (billers, offices, contracts) and the caller's scope, and every problem is named with its field, so a
 * manifest's error report lists them all and a single registration answers the first.
 */
import type { Identity } from '@postal/auth';
import { can } from '@postal/authz';
import { calendarDateProblem } from '@postal/calendar';
import { isExpectedError } from '@postal/errors';
import type { Decimal } from '@postal/money';
import type { BillerRow } from '../billers/repository.js';
import type { ContractRow } from '../contracts/repository.js';
import type { KnownOffice } from '../offices/repository.js';
import { checkAmount } from './domain.js';
import type { ArticleErrorCode } from './errors.js';
import type { ArticleRow } from './repository.js';
import { s10Problem } from './s10.js';

export interface RegistrationInput {
  articleNumber: unknown;
  billerCode: unknown;
  codAmount: unknown;
  bookingOfficeCode: unknown;
  deliveryOfficeCode: unknown;
  bookedOn?: unknown;
}

export interface RowError {
  field: string | null;
  code: ArticleErrorCode | 'FORBIDDEN';
  message: string;
}

export interface CheckedArticle {
  articleNumber: string;
  biller: BillerRow;
  codAmount: Decimal;
  bookingOffice: KnownOffice;
  deliveryOffice: KnownOffice;
  bookedOn: string;
}

/** What a check looks up: found once per chunk of a manifest, or once for a single registration. */
export interface RegistrationLookups {
  billers: ReadonlyMap<string, BillerRow>;
  offices: ReadonlyMap<string, KnownOffice>;
  /** The contract in force for a biller on a date, looked up beforehand for every (biller, date) asked. */
  contracts: ReadonlyMap<string, ContractRow | undefined>;
}

/** Offices with a counter where a postman delivers and collects (accounts keeps their cash). */
export const DELIVERY_OFFICE_TYPES: ReadonlySet<string> = new Set(['HEAD_OFFICE', 'SUB_OFFICE', 'BRANCH_OFFICE']);

export const contractKey = (billerId: string, onDate: string) => `${billerId}|${onDate}`;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const shown = (value: string) => JSON.stringify(value.slice(0, 40));

/** The booking date given, or today; a date in the future is refused (an article is registered once booked). */
export function bookedOnOf(value: unknown, today: string): { date?: string; error?: RowError } {
  const given = value == null || value === '' ? today : text(value);
  if (calendarDateProblem(given) !== undefined) return { error: { field: 'bookedOn', code: 'INVALID_DATE', message: `bookedOn ${shown(given)} is not a date, YYYY-MM-DD` } };
  if (given > today) return { error: { field: 'bookedOn', code: 'INVALID_DATE', message: `bookedOn ${given} is after today (${today})` } };
  return { date: given };
}

/**
 * Every problem of one article's facts, or the checked article. `identity` must hold cod.article.register over the
 * delivery office (its scope at the time of the request, for a manifest).
 */
export function checkRegistration(input: RegistrationInput, lookups: RegistrationLookups, identity: Identity, today: string): { article?: CheckedArticle; errors: RowError[] } {
  const errors: RowError[] = [];
  const articleNumber = text(input.articleNumber);
  const numberProblem = s10Problem(articleNumber);
  if (numberProblem) {
    errors.push({ field: 'articleNumber', code: 'INVALID_ARTICLE_NUMBER', message: numberProblem === 'FORMAT' ? `${shown(articleNumber)} is not an S10 article number (2 letters, 9 digits, 2 letters)` : `${articleNumber} has a wrong check digit` });
  }
  const billerCode = text(input.billerCode);
  const biller = lookups.billers.get(billerCode);
  if (!biller) errors.push({ field: 'billerCode', code: 'BILLER_NOT_FOUND', message: `no biller ${shown(billerCode)}` });
  else if (biller.status !== 'ACTIVE') errors.push({ field: 'billerCode', code: 'BILLER_NOT_ACTIVE', message: `biller ${billerCode} is ${biller.status}` });
  const { date: bookedOn, error: dateError } = bookedOnOf(input.bookedOn, today);
  if (dateError) errors.push(dateError);
  const codAmount = amountOf(input.codAmount, biller, bookedOn, lookups, errors);
  const bookingOffice = officeOf(input.bookingOfficeCode, 'bookingOfficeCode', lookups, errors);
  const deliveryOffice = officeOf(input.deliveryOfficeCode, 'deliveryOfficeCode', lookups, errors);
  if (deliveryOffice && !DELIVERY_OFFICE_TYPES.has(deliveryOffice.type)) {
    errors.push({ field: 'deliveryOfficeCode', code: 'OFFICE_NOT_ELIGIBLE', message: `office ${deliveryOffice.code} does not deliver articles (${deliveryOffice.type})` });
  } else if (deliveryOffice && !can(identity, 'cod.article.register', deliveryOffice.path)) {
    errors.push({ field: 'deliveryOfficeCode', code: 'FORBIDDEN', message: `you may not cod.article.register at office ${deliveryOffice.code}` });
  }
  if (errors.length > 0 || !biller || !codAmount || !bookingOffice || !deliveryOffice || !bookedOn) return { errors };
  return { article: { articleNumber, biller, codAmount, bookingOffice, deliveryOffice, bookedOn }, errors };
}

function amountOf(value: unknown, biller: BillerRow | undefined, bookedOn: string | undefined, lookups: RegistrationLookups, errors: RowError[]): Decimal | undefined {
  let amount: Decimal;
  try {
    amount = checkAmount(typeof value === 'string' ? value.trim() : value, biller?.currency ?? 'INR', 'codAmount', { allowZero: false });
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    errors.push({ field: 'codAmount', code: 'INVALID_AMOUNT', message: error.message });
    return undefined;
  }
  if (!biller || !bookedOn) return amount;
  const contract = lookups.contracts.get(contractKey(biller.id, bookedOn));
  if (!contract) {
    errors.push({ field: 'billerCode', code: 'CONTRACT_NOT_FOUND', message: `biller ${biller.code} has no contract in force on ${bookedOn}` });
  } else if (amount.gt(contract.maxArticleAmount)) {
    errors.push({ field: 'codAmount', code: 'AMOUNT_OUT_OF_RANGE', message: `codAmount ${amount.toFixed()} is above the contract's ${contract.maxArticleAmount} per article` });
  }
  return amount;
}

function officeOf(value: unknown, field: string, lookups: RegistrationLookups, errors: RowError[]): KnownOffice | undefined {
  const code = text(value);
  const office = lookups.offices.get(code);
  if (!office || office.status !== 'ACTIVE') {
    errors.push({ field, code: 'OFFICE_NOT_FOUND', message: `no open office ${shown(code)}` });
    return undefined;
  }
  return office;
}

/** Whether an article already registered under the number says the same as the new facts (then it is the same one). */
export function sameFacts(existing: ArticleRow, article: CheckedArticle): boolean {
  return (
    existing.billerId === article.biller.id &&
    article.codAmount.eq(existing.codAmount) &&
    existing.bookingOfficeCode === article.bookingOffice.code &&
    existing.deliveryOfficeCode === article.deliveryOffice.code &&
    existing.bookedOn === article.bookedOn
  );
}
