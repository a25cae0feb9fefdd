import type { SignedRequestContext } from '@postal/auth';
import type { Database } from '@postal/db';
import { BadUserInputError, ExpectedError } from '@postal/errors';
import { currencyOf, isMoneyError } from '@postal/money';
import { stageEvents } from '@postal/outbox';
import { auditEvent } from '@postal/server';
import { closedThroughOf } from '../business-days/repository.js';
import { outbox, processedEvents } from '../db-schema.js';
import { AccountNotFoundError } from '../journal/errors.js';
import { OfficeNotFoundError } from '../ledger-accounts/errors.js';
import type { AccountRecord } from '../ledger-accounts/model.js';
import { findAccount, insertAccountIfAbsent } from '../ledger-accounts/repository.js';
import type { Loaders } from '../loaders.js';
import { requireCodSettlement } from './service.js';

/** The head every bank account of the operator is kept under (chart.ts HEADS.bank). */
export const BANK_HEAD = '1500';
/** What cod-settlement names a bank account by in its ledger code: `<office>:1500:<key>`. */
const KEY = /^[A-Z0-9]{4,20}$/;
const auditTables = { outbox, processedEvents };

/** A ledger account a bank account cannot be kept in: not a detail asset under 1500, another currency, closed. */
export class LedgerAccountUnsuitableError extends ExpectedError {
  constructor(code: string, why: string) {
    super('LEDGER_ACCOUNT_UNSUITABLE', `ledger account ${code} cannot keep a bank account: ${why}`, { field: 'ledgerAccountCode', details: { code } });
  }
}

export interface PrepareBankLedgerAccountInput {
  officeCode?: string | null;
  currency: string;
  /** cod-settlement's key for the bank account (derived from its number and currency, so a retry finds the same code). */
  key: string;
  name: string;
  /** An existing account to keep it in, instead of opening one. */
  ledgerAccountCode?: string | null;
}

function suitability(account: AccountRecord, currency: string): string | undefined {
  if (account.kind !== 'DETAIL') return 'it is a header';
  if (account.type !== 'ASSET' || account.headCode !== BANK_HEAD) return `it is not a bank account (head ${BANK_HEAD})`;
  if (account.currency !== currency) return `it is in ${account.currency}, not ${currency}`;
  if (account.status === 'CLOSED') return 'it is closed';
  if (account.officeCode === null) return 'it belongs to no office';
  return undefined;
}

/**
 * For cod-settlement's registerBankAccount: the ledger account one of the operator's bank accounts is reconciled
 * against. Given one, it is checked (a detail ASSET under 1500, in the currency, not closed, at the office when one is
 * named); left out, `<office>:1500:<key>` is opened at the office (or found, when a retry already opened it: the key is
 * the caller's deterministic one, so a crash between this and cod-settlement's commit leaves no second account).
 */
export async function prepareBankLedgerAccount(database: Database, loaders: Loaders, context: SignedRequestContext, input: PrepareBankLedgerAccountInput): Promise<AccountRecord> {
  requireCodSettlement(context.identity, 'opening a bank ledger account');
  let currency: string;
  try {
    currency = currencyOf(input.currency).code;
  } catch (error) {
    if (isMoneyError(error)) throw new BadUserInputError('currency', `${String(input.currency).slice(0, 8)} is not an ISO 4217 currency`);
    throw error;
  }
  const officeCode = input.officeCode ?? null;
  if (input.ledgerAccountCode) {
    const account = await findAccount(database.db, input.ledgerAccountCode);
    if (!account) throw new AccountNotFoundError(input.ledgerAccountCode);
    const why = suitability(account, currency) ?? (officeCode !== null && account.officeCode !== officeCode ? `it is office ${account.officeCode}'s, not ${officeCode}'s` : undefined);
    if (why) throw new LedgerAccountUnsuitableError(account.code, why);
    return account;
  }
  if (officeCode === null) throw new BadUserInputError('officeCode', 'an office is needed to open a bank ledger account');
  if (officeCode.length > 64) throw new OfficeNotFoundError(officeCode.slice(0, 64));
  if (!KEY.test(input.key)) throw new BadUserInputError('key', 'a key is 4 to 20 upper-case letters or digits');
  const name = String(input.name ?? '').trim().slice(0, 200);
  if (name.length === 0) throw new BadUserInputError('name', 'a name is needed');
  const code = `${officeCode}:${BANK_HEAD}:${input.key}`;
  const account = await database.db.transaction(async (tx) => {
    const office = await loaders.officePaths.load(officeCode);
    if (office === null || office === undefined) throw new OfficeNotFoundError(officeCode);
    const opened = await insertAccountIfAbsent(tx, {
      code,
      name: `Bank, ${name}`.slice(0, 200),
      type: 'ASSET',
      kind: 'DETAIL',
      parentCode: BANK_HEAD,
      headCode: BANK_HEAD,
      currency,
      officeCode,
      balanceConstraint: 'NONE',
      allowManualEntries: true,
      closedThrough: await closedThroughOf(tx, officeCode),
    });
    const found = (await findAccount(tx, code))!;
    const why = suitability(found, currency);
    if (why) throw new LedgerAccountUnsuitableError(code, why);
    if (opened) {
      await stageEvents(tx, auditTables, [
        auditEvent('accounts', context, {
          action: 'ACCOUNT_OPENED',
          outcome: 'SUCCESS',
          target: { type: 'Account', id: code },
          officeCode,
          after: { code, name: found.name, type: found.type, headCode: found.headCode, currency, officeCode },
        }),
      ]);
    }
    return found;
  });
  loaders.clearAll();
  return account;
}
