/**
 * The operator's bank accounts, pure: what a registration may carry, how an account number is normalised and
 * recognised in a statement, and the key its ledger account is named by.
 */
import { createHash } from 'node:crypto';
import { isIban, type AccountIdentification } from '@postal/bank-statements';
import { BadUserInputError } from '@postal/errors';
import { currencyOf, isMoneyError } from '@postal/money';
import { checkText } from '../../billers/domain.js';
import { ReconError } from '../errors.js';

export const BANK_ACCOUNT_PURPOSES = ['COLLECTION', 'PAYOUT', 'CASH_DEPOSIT'] as const;
export type BankAccountPurpose = (typeof BANK_ACCOUNT_PURPOSES)[number];

const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;
const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const ACCOUNT = /^[A-Z0-9]{6,34}$/;
const LEDGER_CODE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const OFFICE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface CheckedBankAccount {
  name: string;
  accountNumber: string;
  isIban: boolean;
  bic: string | null;
  ifsc: string | null;
  currency: string;
  purpose: BankAccountPurpose;
  ledgerAccountCode: string | null;
  officeCode: string | null;
}

/** Upper case without spaces or dashes: how an account number is stored and compared. */
export function normaliseAccountNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

function optional(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toUpperCase() : null;
}

export function checkBankAccountInput(input: Record<string, unknown>): CheckedBankAccount {
  const name = checkText(input.name, 'name', 100);
  const raw = typeof input.accountNumber === 'string' ? normaliseAccountNumber(input.accountNumber) : '';
  if (!ACCOUNT.test(raw)) throw new ReconError('INVALID_ACCOUNT_NUMBER', 'an account number is an IBAN or 6 to 34 letters and digits', { field: 'accountNumber' });
  // Two letters and two digits first is an IBAN's shape: then its check digits must hold (a typo is caught here).
  const looksIban = /^[A-Z]{2}\d{2}/.test(raw) && raw.length >= 15;
  if (looksIban && !isIban(raw)) throw new ReconError('INVALID_IBAN', `${raw.slice(0, 34)} is not a valid IBAN (its check digits do not hold)`, { field: 'accountNumber' });
  const bic = optional(input.bic);
  if (bic !== null && !BIC.test(bic)) throw new ReconError('INVALID_BIC', 'a BIC is 8 or 11 letters and digits (e.g. SBININBB or DEUTDEFF500)', { field: 'bic' });
  const ifsc = optional(input.ifsc);
  if (ifsc !== null && !IFSC.test(ifsc)) throw new ReconError('INVALID_IFSC', 'an IFSC is 4 letters, 0, and 6 letters or digits (e.g. SBIN0000691)', { field: 'ifsc' });
  let currency: string;
  try {
    currency = currencyOf(String(input.currency ?? '')).code;
  } catch (error) {
    if (isMoneyError(error)) throw new BadUserInputError('currency', 'currency is an ISO 4217 code');
    throw error;
  }
  const purpose = input.purpose as BankAccountPurpose;
  if (!BANK_ACCOUNT_PURPOSES.includes(purpose)) throw new BadUserInputError('purpose', `purpose is one of ${BANK_ACCOUNT_PURPOSES.join(', ')}`);
  const ledgerAccountCode = typeof input.ledgerAccountCode === 'string' && input.ledgerAccountCode !== '' ? input.ledgerAccountCode : null;
  if (ledgerAccountCode !== null && !LEDGER_CODE.test(ledgerAccountCode)) throw new BadUserInputError('ledgerAccountCode', 'not a ledger account code');
  const officeCode = typeof input.officeCode === 'string' && input.officeCode !== '' ? input.officeCode : null;
  if (officeCode !== null && !OFFICE_CODE.test(officeCode)) throw new BadUserInputError('officeCode', 'not an office code');
  if (ledgerAccountCode === null && officeCode === null) throw new BadUserInputError('officeCode', 'name the office that keeps the account, or its ledger account');
  return { name, accountNumber: raw, isIban: looksIban, bic, ifsc, currency, purpose, ledgerAccountCode, officeCode };
}

/**
 * The last part of the ledger account opened for a bank account, `<office>:1500:<key>`: from the number and currency
 * alone, so a registration retried after a crash finds the account the first try opened instead of opening another.
 */
export function ledgerKeyOf(accountNumber: string, currency: string): string {
  return `BA${createHash('sha256').update(`${accountNumber}|${currency}`).digest('hex').slice(0, 10).toUpperCase()}`;
}

/**
 * Whether a statement's account is this bank account. Equal numbers (normalised) match; so does, for an account
 * registered by IBAN, a bank number the IBAN ends with (an MT940 `:25:BLZ/ACCOUNT` names the account inside the
 * IBAN), compared without leading zeros and only when it has at least 6 digits, so a short number cannot match by
 * chance. A statement naming no account at all (a CSV export) is the account it is imported into.
 */
export function statementIsForAccount(statement: AccountIdentification, account: { accountNumber: string; isIban: boolean }): boolean {
  const given = [statement.iban, statement.other].filter((value): value is string => typeof value === 'string' && value !== '').map(normaliseAccountNumber);
  if (given.length === 0) return true;
  return given.some((number) => {
    if (number === account.accountNumber) return true;
    if (!account.isIban) return false;
    const bare = number.replace(/^0+/, '');
    return bare.length >= 6 && /^\d+$/.test(bare) && account.accountNumber.slice(4).replace(/^0+/, '').endsWith(bare);
  });
}
