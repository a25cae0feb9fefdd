/**
 * A postman's deposit at the end of the beat (DOMAIN.md, Cash on delivery): the cash collections not yet deposited
 * against the cash counted, in ONE transaction. The collections are marked with the deposit (and due for settlement
 * from its date), a shortage or excess is raised as an exception, and the DEPOSITED movement is staged (the ledger
 * puts a shortage in staff shortage receivable 1300 and an excess in suspense 2400).
 */
import { randomUUID } from 'node:crypto';
import type { Identity } from '@postal/auth';
import { assertCan, can } from '@postal/authz';
import { businessDate } from '@postal/calendar';
import { transaction } from '@postal/db';
import { currencyOf, Decimal } from '@postal/money';
import { actorOf, operatorCurrency, type ArticleDeps } from '../articles/deps.js';
import { checkAmount, checkText, POSTMAN_ID } from '../articles/domain.js';
import { bookedOnOf } from '../articles/registration.js';
import { raiseException } from '../exceptions/repository.js';
import { stageCodMovement } from '../ledger/movements.js';
import { findOffice, type KnownOffice } from '../offices/repository.js';
import { depositDifference } from './domain.js';
import { DepositError } from './errors.js';
import { findDeposit, insertDeposit, lockPostman, lockUndepositedCash, markDeposited, type DepositRow } from './repository.js';

export interface DepositInput {
  officeCode: unknown;
  postmanId: unknown;
  businessDate?: unknown;
  depositedAmount: unknown;
  reason?: unknown;
}

export async function officeOrRefuse(deps: ArticleDeps, identity: Identity, code: unknown, permission: 'cod.deposit' | 'cod.read', field = 'officeCode'): Promise<KnownOffice> {
  const office = typeof code === 'string' && code.length > 0 && code.length <= 64 ? await findOffice(deps.database.db, code) : undefined;
  if (!office || office.status !== 'ACTIVE') throw new DepositError('OFFICE_NOT_FOUND', `no open office ${JSON.stringify(String(code).slice(0, 40))}`, { field });
  assertCan(identity, permission, office);
  return office;
}

export async function recordPostmanDeposit(deps: ArticleDeps, identity: Identity, input: DepositInput, requestId?: string): Promise<DepositRow> {
  const office = await officeOrRefuse(deps, identity, input.officeCode, 'cod.deposit');
  const postmanId = checkText(input.postmanId, 'postmanId', 64, { pattern: POSTMAN_ID, hint: 'letters, digits, . _ -' });
  const now = deps.clock();
  const today = businessDate(now, deps.timeZone);
  const { date, error } = bookedOnOf(input.businessDate, today);
  if (!date) throw new DepositError('INVALID_DATE', error!.message.replace('bookedOn', 'businessDate'), { field: 'businessDate' });
  const deposited = checkAmount(input.depositedAmount, operatorCurrency(deps), 'depositedAmount', { allowZero: true });
  const reason = input.reason == null || input.reason === '' ? null : checkText(input.reason, 'reason', 500);
  const actor = actorOf(identity);
  const id = randomUUID();
  await transaction(deps.database, 'read committed', async (tx) => {
    await lockPostman(tx, office.code, postmanId);
    const cash = await lockUndepositedCash(tx, office.code, postmanId, date);
    if (cash.length === 0) throw new DepositError('NOTHING_TO_DEPOSIT', `postman ${postmanId} has no cash collections at ${office.code} to deposit up to ${date}`, { field: 'postmanId' });
    const currency = cash[0]!.currency;
    if (cash.some((row) => row.currency !== currency)) throw new Error(`postman ${postmanId} holds collections in more than one currency`);
    const expected = cash.reduce((sum, row) => sum.plus(row.amount), new Decimal(0));
    checkAmount(deposited.toFixed(), currency, 'depositedAmount', { allowZero: true });
    const { shortage, excess } = depositDifference(expected, deposited);
    const minor = currencyOf(currency).minorUnits;
    const fixed = { expected: expected.toFixed(minor), deposited: deposited.toFixed(minor), shortage: shortage.toFixed(minor), excess: excess.toFixed(minor) };
    if ((shortage.gt(0) || excess.gt(0)) && !reason) {
      throw new DepositError('REASON_REQUIRED', `the deposit is ${shortage.gt(0) ? `short by ${shortage.toFixed(2)}` : `over by ${excess.toFixed(2)}`} against ${expected.toFixed(2)} expected: give the reason`, {
        field: 'reason',
        details: { expected: expected.toFixed(2), shortage: shortage.toFixed(2), excess: excess.toFixed(2) },
      });
    }
    await insertDeposit(tx, {
      id,
      officeCode: office.code,
      officePath: office.path,
      postmanId,
      businessDate: date,
      currency,
      ...fixed,
      reason,
      collectionCount: cash.length,
      depositedBy: actor.label,
      depositedAt: now,
    });
    if ((await markDeposited(tx, cash.map((row) => row.articleId), id, date)) !== cash.length) throw new Error('collections changed under their locks');
    for (const [type, amount] of [['SHORT_DEPOSIT', shortage], ['EXCESS_DEPOSIT', excess]] as const) {
      if (amount.isZero()) continue;
      await raiseException(tx, { type, currency, amount: amount.toFixed(minor), articleId: null, depositId: id, officeCode: office.code, officePath: office.path, billerId: null, reason, businessDate: date, raisedAt: now, raisedBy: actor.label });
    }
    await stageCodMovement(
      tx,
      { movement: 'DEPOSITED', currency, businessDate: date, actor: actor.event, depositId: id, officeCode: office.code, postmanId, ...fixed },
      { type: 'DEPOSIT', id },
      { now, requestId },
    );
  });
  return (await findDeposit(deps.database.db, id))!;
}

/** Whether the caller may see deposits and the day sheet at an office: whoever takes deposits or reads COD there. */
export function mayReadOffice(identity: Identity, office: KnownOffice): boolean {
  return can(identity, 'cod.deposit', office) || can(identity, 'cod.read', office) || can(identity, 'cod.collect', office);
}
