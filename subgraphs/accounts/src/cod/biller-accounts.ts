import type { Tx } from '@postal/db';
import { COD_PAYABLE_HEAD } from '../ledger-accounts/chart.js';
import { OfficeNotFoundError } from '../ledger-accounts/errors.js';
import { insertAccountIfAbsent } from '../ledger-accounts/repository.js';
import { SettlementOfficeInvalidError } from './errors.js';
import { readSettlementOffice, type SettlementOffice } from './repository.js';
import { bankAccountCode, billerPayableCode } from './rules.js';

/**
 * Checks a biller's settlement office and opens the biller's COD payable there on its first use, inside the posting's
 * transaction (so a movement the ledger refuses leaves no account behind). The office must be known and keep a bank
 * account (1500, head offices only): a biller is settled from its settlement office's bank, so a movement for an
 * office that cannot settle is refused at once (SETTLEMENT_OFFICE_INVALID) rather than left payable where it can
 * never be paid.
 *
 * The account is a control account like the office's own 2200: a detail LIABILITY under header 2200, in the
 * movement's currency, whose debits may not exceed its credits (a biller is never settled more than it is owed), and
 * closed to manual journals. Opened with INSERT ... ON CONFLICT DO NOTHING: the first of many movements at once opens
 * it, the others wait on the key and find it. An office with closed days gets it closed through them, as openAccount
 * does. An account of that code that already exists is used as it is (the posting path checks its currency and status).
 */
export async function prepareBillerAccount(tx: Tx, biller: { settlementOfficeCode: string; billerCode: string }, currency: string): Promise<SettlementOffice> {
  const { settlementOfficeCode: officeCode, billerCode } = biller;
  const office = await readSettlementOffice(tx, officeCode);
  if (!office) throw new OfficeNotFoundError(officeCode);
  if (!office.keepsBank) throw new SettlementOfficeInvalidError(officeCode, bankAccountCode(officeCode));
  await insertAccountIfAbsent(tx, {
    code: billerPayableCode(officeCode, billerCode),
    name: `${COD_PAYABLE_HEAD.name}, ${billerCode}, ${office.name}`.slice(0, 200),
    type: COD_PAYABLE_HEAD.type,
    kind: 'DETAIL',
    parentCode: COD_PAYABLE_HEAD.headCode,
    headCode: COD_PAYABLE_HEAD.headCode,
    currency,
    officeCode,
    balanceConstraint: COD_PAYABLE_HEAD.balanceConstraint,
    allowManualEntries: COD_PAYABLE_HEAD.allowManualEntries,
    closedThrough: office.closedThrough,
  });
  return office;
}
