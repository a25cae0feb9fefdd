/**
 * What a confirmed match does to the books, inside the transaction that confirms it (so once: a match is confirmed
 * once, under its row lock, and the ledger movements it stages go out through the outbox with their own keys):
 * - a bank debit matched to a PENDING payout makes it PAID with the bank's UTR (settlement/payouts.ts payPayoutIn);
 *   a payout already PAID is only found on the bank, nothing changes;
 * - the bank's credit returning a PAID payout (the same amount, usually its UTR) makes it REVERSED: the SETTLED entry
 *   reversed, the articles due again, the seller told once the transaction has committed;
 * - an aggregator's credit matched to UPI/card collections clears them with the bank's reference
 *   (articles/clearing.ts clearCollectionsIn): DIGITAL_CLEARED moves the money from UPI clearing to the bank.
 * A debit without a UTR the payout can carry cannot pay it: such a match stays SUGGESTED for a person (who marks the
 * payout paid with the UTR from the bank's advice).
 */
import type { SignedRequestContext } from '@postal/auth';
import { businessDate } from '@postal/calendar';
import type { Tx } from '@postal/db';
import { rowsOf } from '@postal/db';
import { sql } from 'drizzle-orm';
import { clearCollectionsIn } from '../../articles/clearing.js';
import { actorOf } from '../../articles/deps.js';
import { failPayoutIn, payPayoutIn, tellBiller } from '../../settlement/payouts.js';
import { utrProblem } from '../../settlement/domain.js';
import type { ReconDeps } from '../deps.js';

export interface EffectLine {
  utr?: string | null | undefined;
  accountServicerReference?: string | null | undefined;
  endToEndId?: string | null | undefined;
}

export interface EffectItem {
  kind: string;
  id: string;
}

/** The UTR a payout can carry from the matched debit: its UTR, else a bank reference shaped as one. */
export function payoutUtrOf(lines: readonly EffectLine[]): string | undefined {
  for (const line of lines) {
    for (const value of [line.utr, line.accountServicerReference, line.endToEndId]) {
      const candidate = value?.trim().toUpperCase();
      if (candidate && utrProblem(candidate) === undefined) return candidate;
    }
  }
  return undefined;
}

/** Whether confirming can do what it must (a pending payout needs a UTR). */
export async function effectsBlocked(tx: Tx, lines: readonly EffectLine[], items: readonly EffectItem[]): Promise<string | undefined> {
  const payoutIds = items.filter((item) => item.kind === 'PAYOUT').map((item) => item.id);
  if (payoutIds.length === 0) return undefined;
  const pending = rowsOf<{ id: string }>(await tx.execute(sql`select id::text from cod.payouts where id in ${payoutIds} and status = 'PENDING'`));
  if (pending.length > 0 && payoutUtrOf(lines) === undefined) return 'the bank line carries no UTR to mark the payout paid with';
  return undefined;
}

/** What to do once the transaction has committed (tell a seller their payout came back). */
export type AfterCommit = Array<() => Promise<void>>;

export async function applyEffects(tx: Tx, deps: ReconDeps, context: SignedRequestContext, lines: readonly EffectLine[], items: readonly EffectItem[], afterCommit: AfterCommit = []): Promise<string[]> {
  const now = deps.clock();
  const today = businessDate(now, deps.timeZone);
  const effects: string[] = [];
  // The bank sent a paid payout back: REVERSED, its SETTLED entry reversed and its articles due again (failPayoutIn).
  const returned = items.filter((item) => item.kind === 'PAYOUT_RETURN').map((item) => item.id).sort();
  for (const payoutId of returned) {
    const reference = (lines[0]?.utr ?? lines[0]?.accountServicerReference ?? 'the bank').slice(0, 64);
    const failed = await failPayoutIn(tx, context, payoutId, { reason: `returned by the bank (${reference})`, status: 'REVERSED' }, now, deps.timeZone);
    afterCommit.push(() => tellBiller(deps, failed.biller, failed.batch, failed.updated));
    effects.push(`PAYOUT_REVERSED ${payoutId}`);
  }
  const payoutIds = items.filter((item) => item.kind === 'PAYOUT').map((item) => item.id).sort();
  if (payoutIds.length > 0) {
    const pending = rowsOf<{ id: string }>(await tx.execute(sql`select id::text from cod.payouts where id in ${payoutIds} and status = 'PENDING' order by id for update`));
    const utr = payoutUtrOf(lines);
    // One debit for several payouts (a batch debit) carries one UTR; the first payout takes it, the others the
    // bank's reference of the line in the UTR's place would be a lie, so they stay for a person.
    for (const [index, payout] of pending.entries()) {
      if (!utr || index > 0) continue;
      await payPayoutIn(tx, context, payout.id, utr, today);
      effects.push(`PAYOUT_PAID ${payout.id} ${utr}`);
    }
  }
  const collectionIds = items.filter((item) => item.kind === 'AGGREGATOR_CREDIT').map((item) => item.id).sort();
  if (collectionIds.length > 0) {
    const rows = rowsOf<{ article_id: string; article_number: string }>(
      await tx.execute(sql`select c.article_id::text as article_id, a.article_number from cod.collections c join cod.articles a on a.id = c.article_id where c.article_id in ${collectionIds} order by c.article_id`),
    );
    const numbers = new Map(rows.map((row) => [row.article_id, row.article_number]));
    const reference = (lines[0]?.utr ?? lines[0]?.accountServicerReference ?? lines[0]?.endToEndId ?? 'BANK-CREDIT').slice(0, 64);
    const cleared = await clearCollectionsIn(tx, { articleIds: rows.map((row) => row.article_id), numberOf: (id) => numbers.get(id)!, reference, today, now, actor: actorOf(context.identity).event, requestId: context.requestId });
    for (const biller of cleared) effects.push(`COLLECTIONS_CLEARED ${biller.billerCode} ${biller.articleCount} ${biller.amount} ${biller.currency}`);
  }
  return effects;
}
