import type { CodMovement } from '@postal/events';
import type { MoneyOutput } from '../reports/amounts.js';

/** What the ledger answered for one COD movement (cod_movements). */
export interface CodMovementResult {
  movementId: string;
  movement: CodMovement;
  outcome: 'POSTED' | 'REJECTED';
  entryIds: string[];
  error: { code: string; message: string } | null;
}

/** A biller's COD payable at its settlement office, for cod-settlement's reconciliation (codPayableBalances). */
export interface CodPayableBalance {
  billerCode: string;
  accountCode: string;
  /** Credits less debits: what the ledger says the biller is owed (zero for a biller with no account yet). */
  balance: MoneyOutput;
}
