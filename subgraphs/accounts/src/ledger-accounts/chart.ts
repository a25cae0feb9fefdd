import { Decimal, formatAmount, money } from '@postal/money';
import type { AccountRecord, AccountType } from './model.js';

/** A head of the standard chart: each accounting office gets one detail account per head. */
export interface ChartHead {
  headCode: string;
  name: string;
  type: AccountType;
}

/**
 * The standard chart per office type (DOMAIN.md, Accounting). Head and sub offices keep cash and the money-order and
 * COD liabilities; a branch office only holds cash (it is in account with its sub office); offices above head offices
 * do no counter business and get none. The accounts issue extends this into a full chart with header accounts.
 */
const HEADS = {
  cash: { headCode: '1100', name: 'Cash on hand', type: 'ASSET' },
  postmanCash: { headCode: '1200', name: 'Postman cash in hand', type: 'ASSET' },
  shortage: { headCode: '1300', name: 'Staff shortage receivable', type: 'ASSET' },
  upiClearing: { headCode: '1400', name: 'UPI clearing', type: 'ASSET' },
  bank: { headCode: '1500', name: 'Bank', type: 'ASSET' },
  moPayable: { headCode: '2100', name: 'Money orders payable', type: 'LIABILITY' },
  codPayable: { headCode: '2200', name: 'COD payable', type: 'LIABILITY' },
  gstPayable: { headCode: '2300', name: 'GST payable', type: 'LIABILITY' },
  moCommission: { headCode: '4100', name: 'Money-order commission income', type: 'INCOME' },
  codFees: { headCode: '4200', name: 'COD fee income', type: 'INCOME' },
} as const satisfies Record<string, ChartHead>;

const ACCOUNTING_OFFICE_HEADS: ChartHead[] = [
  HEADS.cash,
  HEADS.postmanCash,
  HEADS.shortage,
  HEADS.upiClearing,
  HEADS.moPayable,
  HEADS.codPayable,
  HEADS.gstPayable,
  HEADS.moCommission,
  HEADS.codFees,
];

export function chartFor(officeType: string): ChartHead[] {
  switch (officeType) {
    case 'HEAD_OFFICE':
      return [...ACCOUNTING_OFFICE_HEADS, HEADS.bank].sort((a, b) => a.headCode.localeCompare(b.headCode));
    case 'SUB_OFFICE':
      return ACCOUNTING_OFFICE_HEADS;
    case 'BRANCH_OFFICE':
      return [HEADS.cash, HEADS.postmanCash];
    default:
      return [];
  }
}

/** An office's account for a head: `NDGPO:1100`. The colon cannot occur in an office code. */
export function accountCode(officeCode: string, headCode: string): string {
  return `${officeCode}:${headCode}`;
}

/** The balance on the account's normal side: debit for assets and expenses, credit for the others. */
export function balanceOf(account: Pick<AccountRecord, 'type' | 'debitTotal' | 'creditTotal' | 'currency'>) {
  const debit = new Decimal(account.debitTotal);
  const credit = new Decimal(account.creditTotal);
  const debitNormal = account.type === 'ASSET' || account.type === 'EXPENSE';
  const amount = debitNormal ? debit.minus(credit) : credit.minus(debit);
  return { amount: formatAmount(money(amount, account.currency)), currency: account.currency };
}
