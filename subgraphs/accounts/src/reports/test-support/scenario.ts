import { Decimal } from '@postal/money';
import type { TestDatabase } from '@postal/testkit';
import { closeBusinessDay } from '../../business-days/close.js';
import { post, TODAY, transfer } from '../../journal/test-support/ledger.js';

/** One step of a ledger's history: a two-line entry on a date, or an office closing its days through a date. */
export type Step = { date: string; debit: string; credit: string; amount: string } | { close: string; through: string };

/** What the tests expect, kept apart from the database: every posting as made. */
export interface ModelPosting {
  accountCode: string;
  side: 'DEBIT' | 'CREDIT';
  amount: Decimal;
  date: string;
}

/** Plays the steps against the database through the real posting path and the real close, recording the model. */
export async function play(testDatabase: TestDatabase, steps: readonly Step[], model: ModelPosting[] = []): Promise<ModelPosting[]> {
  for (const step of steps) {
    if ('close' in step) {
      await testDatabase.database.db.transaction((tx) =>
        closeBusinessDay(tx, { officeCode: step.close, date: step.through, actor: { kind: 'service', id: 'test' }, today: TODAY }),
      );
      continue;
    }
    const command = transfer(step.debit, step.credit, step.amount, { effectiveDate: step.date });
    await post(testDatabase, command);
    // Every line, the inter-office clearing legs of a transfer between offices included.
    for (const line of command.postings) model.push({ accountCode: line.accountCode, side: line.side, amount: new Decimal(line.amount), date: step.date });
  }
  return model;
}

/** The model's answer: an account's sums of postings dated on or before `date`, fixed to paise. */
export function modelTotals(model: readonly ModelPosting[], accountCode: string, date: string): { debitTotal: string; creditTotal: string } {
  let debit = new Decimal(0);
  let credit = new Decimal(0);
  for (const posting of model) {
    if (posting.accountCode !== accountCode || posting.date > date) continue;
    if (posting.side === 'DEBIT') debit = debit.plus(posting.amount);
    else credit = credit.plus(posting.amount);
  }
  return { debitTotal: debit.toFixed(2), creditTotal: credit.toFixed(2) };
}

/** Totals as the database gives them (numeric text), fixed to paise for comparison. */
export function fixed(totals: { debitTotal: string; creditTotal: string } | undefined): { debitTotal: string; creditTotal: string } {
  return {
    debitTotal: new Decimal(totals?.debitTotal ?? '0').toFixed(2),
    creditTotal: new Decimal(totals?.creditTotal ?? '0').toFixed(2),
  };
}
