import type { Db, Tx } from '@postal/db';
import { rowsOf } from '@postal/db';
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { reconMatchItems, reconMatchLines, reconMatches, reconRuns } from './tables.js';

export type MatchRow = typeof reconMatches.$inferSelect;
export type RunRow = typeof reconRuns.$inferSelect;
export type MatchItemRow = typeof reconMatchItems.$inferSelect;

export async function insertMatch(
  tx: Tx,
  match: typeof reconMatches.$inferInsert,
  lineIds: readonly number[],
  items: ReadonlyArray<{ kind: string; id: string; amount: string }>,
): Promise<void> {
  await tx.insert(reconMatches).values(match);
  if (lineIds.length > 0) await tx.insert(reconMatchLines).values(lineIds.map((lineId) => ({ matchId: match.id, lineId, active: true })));
  if (items.length > 0) await tx.insert(reconMatchItems).values(items.map((item) => ({ matchId: match.id, itemKind: item.kind, itemId: item.id, amount: item.amount, active: true })));
}

export async function findMatch(db: Db | Tx, id: string): Promise<MatchRow | undefined> {
  const [row] = await db.select().from(reconMatches).where(eq(reconMatches.id, id));
  return row;
}

export async function lockMatch(tx: Tx, id: string): Promise<MatchRow | undefined> {
  const [row] = await tx.select().from(reconMatches).where(eq(reconMatches.id, id)).for('update');
  return row;
}

export async function decideMatch(tx: Tx, id: string, values: Pick<MatchRow, 'status' | 'decidedBy' | 'decidedAt' | 'reason'> & { effects?: string[] }): Promise<MatchRow> {
  const [row] = await tx.update(reconMatches).set(values).where(eq(reconMatches.id, id)).returning();
  if (values.status === 'REJECTED' || values.status === 'UNMATCHED') {
    await tx.update(reconMatchLines).set({ active: false }).where(eq(reconMatchLines.matchId, id));
    await tx.update(reconMatchItems).set({ active: false }).where(eq(reconMatchItems.matchId, id));
  }
  return row!;
}

export async function matchLineIds(db: Db | Tx, matchId: string): Promise<number[]> {
  const rows = await db.select({ lineId: reconMatchLines.lineId }).from(reconMatchLines).where(eq(reconMatchLines.matchId, matchId)).orderBy(reconMatchLines.lineId);
  return rows.map((row) => row.lineId);
}

export async function matchItems(db: Db | Tx, matchId: string): Promise<MatchItemRow[]> {
  return db.select().from(reconMatchItems).where(eq(reconMatchItems.matchId, matchId)).orderBy(reconMatchItems.itemKind, reconMatchItems.itemId);
}

/** The line and item sets of the account's rejected matches: a run does not suggest one of them again. */
export async function rejectedSets(tx: Tx, bankAccountId: string): Promise<Set<string>> {
  const rows = rowsOf<{ lines: string | null; items: string | null }>(
    await tx.execute(sql`
      select (select string_agg(l.line_id::text, ',' order by l.line_id::text) from cod.recon_match_lines l where l.match_id = m.id) as lines,
             (select string_agg(i.item_kind || ':' || i.item_id::text, ',' order by i.item_kind || ':' || i.item_id::text) from cod.recon_match_items i where i.match_id = m.id) as items
        from cod.recon_matches m
       where m.bank_account_id = ${bankAccountId} and m.status = 'REJECTED'`),
  );
  return new Set(rows.map((row) => `${row.lines ?? ''}|${row.items ?? ''}`));
}

export async function insertRun(tx: Tx | Db, run: typeof reconRuns.$inferInsert): Promise<RunRow> {
  const [row] = await tx.insert(reconRuns).values(run).returning();
  return row!;
}

export async function findRun(db: Db | Tx, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(reconRuns).where(eq(reconRuns.id, id));
  return row;
}

export async function listMatches(db: Db | Tx, conditions: SQL[], after: { createdAt: string; id: string } | undefined, limit: number): Promise<MatchRow[]> {
  const where = [...conditions];
  if (after) where.push(or(lt(reconMatches.createdAt, new Date(after.createdAt)), and(eq(reconMatches.createdAt, new Date(after.createdAt)), lt(reconMatches.id, after.id)))!);
  return db
    .select()
    .from(reconMatches)
    .where(and(...where))
    .orderBy(desc(reconMatches.createdAt), desc(reconMatches.id))
    .limit(limit);
}

