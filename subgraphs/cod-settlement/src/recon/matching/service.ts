/**
 * Matching (issue 13): a run reads the account's open bank lines and open items (sources.ts) under the account's row
 * lock, lets @postal/matching's engine decide (rules in priority order, confidence, the deterministic tie-break), and
 * stores each match: CONFIRMED at or above the rule set's threshold, with its effects on the books applied in the same
 * transaction (effects.ts), SUGGESTED below it for a person to confirm or reject. A dry run stores only its summary
 * and a preview. Running again takes only what is still open and never suggests again what a person rejected, so a
 * second run on the same books finds nothing new: deterministic and idempotent.
 */
import { randomUUID } from 'node:crypto';
import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertCan, assertHolds, scopeCondition } from '@postal/authz';
import { rowsOf, transaction, type Tx } from '@postal/db';
import { BadUserInputError, isExpectedError } from '@postal/errors';
import { checkRuleSet, dryRun as dryRunOf, type Match, type RuleSet } from '@postal/matching';
import { activeRuleSet, listRuleSets, proposeRuleSet } from './rule-sets.js';
import { stageEvents } from '@postal/outbox';
import { auditEvent, decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { matchesCsv } from '../exports.js';
import { currencyOf, Decimal } from '@postal/money';
import { actorName, auditTables } from '../../billers/audit.js';
import { findBankAccount, lockBankAccount, type BankAccountRow } from '../bank-accounts/repository.js';
import { canSeeBankAccount } from '../bank-accounts/service.js';
import { signedIn, UUID } from '../access.js';
import type { ReconDeps } from '../deps.js';
import { ReconError } from '../errors.js';
import { bankAccounts } from '../tables.js';
import { applyEffects, effectsBlocked, type AfterCommit, type EffectLine } from './effects.js';
import { decideMatch, findMatch, findRun, insertMatch, insertRun, listMatches, lockMatch, matchItems, matchLineIds, rejectedSets, type MatchRow, type RunRow } from './repository.js';
import { MAX_RUN_ITEMS, MAX_RUN_LINES, openItems, openLines, parseItemKey } from './sources.js';
import { reconMatches } from './tables.js';

/** A dry run keeps this many of its matches to show. */
const PREVIEW_MATCHES = 200;
const MAX_REASON = 500;
/** Who confirms automatically: the system, by the approved rule set, whoever asked for the run. */
const SYSTEM: Identity = { kind: 'service', service: 'cod-settlement' };


async function matchableAccount(deps: ReconDeps, identity: Identity, bankAccountId: unknown): Promise<BankAccountRow> {
  signedIn(identity);
  assertHolds(identity, 'recon.match');
  const id = typeof bankAccountId === 'string' && UUID.test(bankAccountId) ? bankAccountId.toLowerCase() : undefined;
  const account = id ? await findBankAccount(deps.database.db, id) : undefined;
  if (!account || !canSeeBankAccount(identity, account)) throw new ReconError('BANK_ACCOUNT_NOT_FOUND', 'no such bank account', { field: 'bankAccountId' });
  assertCan(identity, 'recon.match', account.officePath);
  return account;
}


function proposedRuleSet(text: unknown): RuleSet {
  if (typeof text !== 'string' || text.length > 65_536) throw new BadUserInputError('ruleSet', 'ruleSet is a rule set as JSON text, at most 64 kB');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ReconError('RULE_SET_INVALID', 'the rule set is not JSON', { field: 'ruleSet' });
  }
  return checkRuleSet(parsed);
}

const setKey = (lineIds: readonly string[], itemIds: readonly string[]) => `${[...lineIds].sort().join(',')}|${[...itemIds].sort().join(',')}`;

async function linesForEffects(tx: Tx, lineIds: readonly number[]): Promise<EffectLine[]> {
  if (lineIds.length === 0) return [];
  const rows = rowsOf<{ utr: string | null; account_servicer_reference: string | null; end_to_end_id: string | null }>(
    await tx.execute(sql`select utr, account_servicer_reference, end_to_end_id from cod.bank_statement_lines where id in ${lineIds} order by id`),
  );
  return rows.map((row) => ({ utr: row.utr, accountServicerReference: row.account_servicer_reference, endToEndId: row.end_to_end_id }));
}

export interface RunInput {
  bankAccountId: unknown;
  statementId?: unknown;
  dryRun?: unknown;
  /** A dry run may try a proposed rule set (JSON text); a real run uses the one in force. */
  ruleSet?: unknown;
}

async function run(deps: ReconDeps, context: SignedRequestContext, input: RunInput): Promise<RunRow> {
  const account = await matchableAccount(deps, context.identity, input.bankAccountId);
  const dry = input.dryRun === true;
  if (!dry && input.ruleSet !== undefined && input.ruleSet !== null) throw new BadUserInputError('ruleSet', 'a rule set can only be tried in a dry run; a real run uses the approved one');
  const tried = dry && input.ruleSet !== undefined && input.ruleSet !== null ? proposedRuleSet(input.ruleSet) : undefined;
  let statementId: string | null = null;
  if (input.statementId !== undefined && input.statementId !== null) {
    const ok = typeof input.statementId === 'string' && UUID.test(input.statementId);
    const [found] = ok ? rowsOf<{ id: string }>(await deps.database.db.execute(sql`select id::text from cod.bank_statements where id = ${(input.statementId as string).toLowerCase()} and bank_account_id = ${account.id} and state = 'STORED'`)) : [];
    if (!found) throw new ReconError('STATEMENT_NOT_FOUND', 'no such statement of this bank account', { field: 'statementId' });
    statementId = found.id;
  }
  const now = deps.clock();
  const afterCommit: AfterCommit = [];
  const stored = await transaction(deps.database, 'read committed', async (tx) => {
    await lockBankAccount(tx, account.id);
    const ruleSet = tried ?? (await activeRuleSet(tx));
    const lines = await openLines(tx, account, statementId, MAX_RUN_LINES + 1);
    const items = await openItems(tx, account, MAX_RUN_ITEMS + 1);
    if (lines.length > MAX_RUN_LINES || items.length > MAX_RUN_ITEMS) {
      throw new ReconError('MATCH_RUN_TOO_LARGE', `a run takes at most ${MAX_RUN_LINES} open lines and ${MAX_RUN_ITEMS} open items; run it per statement`, { details: { maxLines: MAX_RUN_LINES, maxItems: MAX_RUN_ITEMS } });
    }
    const result = dryRunOf(lines, items, ruleSet);
    const rejected = await rejectedSets(tx, account.id);
    const matches = result.matches.filter((match) => !rejected.has(setKey(match.lineIds, match.itemIds)));
    const runId = randomUUID();
    let confirmed = 0;
    if (!dry) {
      for (const match of matches) if ((await storeMatch(tx, deps, context, account, runId, ruleSet.version, match, now, afterCommit)) === 'CONFIRMED') confirmed += 1;
    } else {
      confirmed = matches.filter((match) => match.status === 'CONFIRMED').length;
    }
    const matchedLines = new Set(matches.flatMap((match) => match.lineIds));
    const matchedItems = new Set(matches.flatMap((match) => match.itemIds));
    const row = await insertRun(tx, {
      id: runId,
      bankAccountId: account.id,
      statementId,
      dryRun: dry,
      ruleSetVersion: ruleSet.version,
      lineCount: lines.length,
      itemCount: items.length,
      confirmedCount: confirmed,
      suggestedCount: matches.length - confirmed,
      unmatchedLineCount: lines.length - matchedLines.size,
      unmatchedItemCount: items.length - matchedItems.size,
      byRule: result.byRule,
      preview: dry ? matches.slice(0, PREVIEW_MATCHES) : null,
      actorLabel: actorName(context.identity),
      createdAt: now,
    });
    if (!dry) {
      await stageEvents(tx, auditTables, [
        auditEvent('cod-settlement', context, {
          action: 'RECON_MATCHING_RUN',
          outcome: 'SUCCESS',
          target: { type: 'BankAccount', id: account.id },
          officeCode: account.officeCode,
          after: { runId, statementId, ruleSetVersion: ruleSet.version, confirmed, suggested: matches.length - confirmed },
        }),
      ]);
    }
    return row;
  });
  for (const then of afterCommit) await then();
  return stored;
}

/**
 * One match stored. A CONFIRMED one has its effects applied in a savepoint: when the books refuse (the UTR is already
 * another payout's, say) or cannot be moved (no UTR on the line), it is kept as SUGGESTED with the reason, for a person.
 */
async function storeMatch(tx: Tx, deps: ReconDeps, context: SignedRequestContext, account: BankAccountRow, runId: string, ruleSetVersion: number, match: Match, now: Date, afterCommit: AfterCommit): Promise<'CONFIRMED' | 'SUGGESTED'> {
  const id = randomUUID();
  const lineIds = match.lineIds.map(Number);
  const items = match.itemIds.map(parseItemKey);
  const itemRows = items.map((item) => ({ kind: item.kind, id: item.id, amount: '0' }));
  const base = {
    id,
    bankAccountId: account.id,
    runId,
    ruleSetVersion,
    ruleId: match.ruleId,
    strategy: match.strategy,
    confidence: match.confidence,
    currency: match.currency,
    difference: match.difference,
    evidence: match.evidence,
    createdAt: now,
  };
  const lines = await linesForEffects(tx, lineIds);
  let status: 'CONFIRMED' | 'SUGGESTED' = match.status;
  let reason: string | null = null;
  if (status === 'CONFIRMED') reason = (await effectsBlocked(tx, lines, items)) ?? null;
  if (reason) status = 'SUGGESTED';
  await insertMatch(tx, { ...base, status, reason, decidedBy: status === 'CONFIRMED' ? 'cod-settlement' : null, decidedAt: status === 'CONFIRMED' ? now : null }, lineIds, await withAmounts(tx, itemRows));
  if (status !== 'CONFIRMED') return status;
  try {
    const pending: AfterCommit = [];
    const effects = await tx.transaction((savepoint) => applyEffects(savepoint, deps, { ...context, identity: SYSTEM }, lines, items, pending));
    afterCommit.push(...pending);
    await tx.update(reconMatches).set({ effects }).where(eq(reconMatches.id, id));
    return 'CONFIRMED';
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    await tx.update(reconMatches).set({ status: 'SUGGESTED', decidedBy: null, decidedAt: null, reason: `${error.code}: ${error.message}`.slice(0, MAX_REASON) }).where(eq(reconMatches.id, id));
    return 'SUGGESTED';
  }
}

/** Each item's own amount (a payout's net, a collection's amount) kept on the match for the person reading it. */
async function withAmounts(tx: Tx, items: Array<{ kind: string; id: string; amount: string }>) {
  const payouts = items.filter((item) => item.kind === 'PAYOUT' || item.kind === 'PAYOUT_RETURN').map((item) => item.id);
  const collections = items.filter((item) => item.kind === 'AGGREGATOR_CREDIT').map((item) => item.id);
  const amounts = new Map<string, string>();
  if (payouts.length > 0) for (const row of rowsOf<{ id: string; amount: string }>(await tx.execute(sql`select id::text, amount::text from cod.payouts where id in ${payouts}`))) amounts.set(row.id, row.amount);
  if (collections.length > 0) for (const row of rowsOf<{ id: string; amount: string }>(await tx.execute(sql`select article_id::text as id, amount::text from cod.collections where article_id in ${collections}`))) amounts.set(row.id, row.amount);
  return items.map((item) => ({ ...item, amount: amounts.get(item.id) ?? '0' }));
}

function checkReason(value: unknown): string {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (reason.length === 0 || reason.length > MAX_REASON) throw new BadUserInputError('reason', `a reason is 1 to ${MAX_REASON} characters`);
  return reason;
}

/** The match locked, in the caller's reach (recon.match over its account's office), in the state the decision needs. */
async function lockForDecision(tx: Tx, deps: ReconDeps, identity: Identity, id: unknown, from: MatchRow['status']): Promise<{ match: MatchRow; account: BankAccountRow }> {
  signedIn(identity);
  assertHolds(identity, 'recon.match');
  const match = typeof id === 'string' && UUID.test(id) ? await lockMatch(tx, id.toLowerCase()) : undefined;
  const account = match ? await findBankAccount(tx, match.bankAccountId) : undefined;
  if (!match || !account || !canSeeBankAccount(identity, account)) throw new ReconError('MATCH_NOT_FOUND', 'no such match', { field: 'id' });
  assertCan(identity, 'recon.match', account.officePath);
  if (match.status !== from) throw new ReconError(from === 'SUGGESTED' ? 'MATCH_NOT_SUGGESTED' : 'MATCH_NOT_CONFIRMED', `the match is ${match.status}, not ${from}`, { details: { status: match.status } });
  return { match, account };
}

async function decide(deps: ReconDeps, context: SignedRequestContext, id: unknown, decision: 'CONFIRMED' | 'REJECTED' | 'UNMATCHED', reasonInput?: unknown): Promise<MatchRow> {
  const reason = decision === 'CONFIRMED' ? null : checkReason(reasonInput);
  const now = deps.clock();
  const afterCommit: AfterCommit = [];
  const decided = await transaction(deps.database, 'read committed', async (tx) => {
    const { match, account } = await lockForDecision(tx, deps, context.identity, id, decision === 'UNMATCHED' ? 'CONFIRMED' : 'SUGGESTED');
    let effects = match.effects;
    if (decision === 'CONFIRMED') {
      const lines = await linesForEffects(tx, await matchLineIds(tx, match.id));
      const items = (await matchItems(tx, match.id)).map((item) => ({ kind: item.itemKind, id: item.itemId }));
      const blocked = await effectsBlocked(tx, lines, items);
      if (blocked) throw new ReconError('MATCH_EFFECT_BLOCKED', `the match cannot be confirmed: ${blocked}`);
      effects = await applyEffects(tx, deps, context, lines, items, afterCommit);
    }
    if (decision === 'UNMATCHED' && match.effects.length > 0) {
      throw new ReconError('MATCH_HAS_EFFECTS', `the match changed the books (${match.effects.join('; ')}); a returned payout is marked failed, not unmatched`, { details: { effects: match.effects } });
    }
    const row = await decideMatch(tx, match.id, { status: decision, decidedBy: actorName(context.identity), decidedAt: now, reason: reason ?? match.reason, effects });
    await stageEvents(tx, auditTables, [
      auditEvent('cod-settlement', context, {
        action: `RECON_MATCH_${decision}`,
        outcome: 'SUCCESS',
        target: { type: 'ReconMatch', id: match.id },
        officeCode: account.officeCode,
        ...(reason ? { reason } : {}),
        before: { status: match.status },
        after: { status: decision, effects },
      }),
    ]);
    return row;
  });
  for (const then of afterCommit) await then();
  return decided;
}

const ITEM_KINDS_CHOSEN = ['PAYOUT', 'PAYOUT_RETURN', 'AGGREGATOR_CREDIT'] as const;
/** A manual match holds at most this many lines and items (a batch debit for a day's payouts, an aggregator's credit). */
const MAX_MANUAL = 1_000;

export interface ManualMatchInput {
  bankAccountId: unknown;
  lineIds: unknown;
  items: unknown;
  reason: unknown;
}

/**
 * matchReconManually: lines and items a person puts together, confirmed at once with its effects (a person's
 * judgement is the evidence, recorded as the reason). Every line must be an open booked line of the account, every item
 * an open item of its books, all of one currency, the items' expected direction the lines' one. The difference (lines
 * less items) is recorded as it is: a fee short-paid is seen on the match, not hidden.
 */
async function manualMatch(deps: ReconDeps, context: SignedRequestContext, input: ManualMatchInput): Promise<MatchRow> {
  const account = await matchableAccount(deps, context.identity, input.bankAccountId);
  const reason = checkReason(input.reason);
  if (!Array.isArray(input.lineIds) || input.lineIds.length === 0 || input.lineIds.length > MAX_MANUAL) throw new BadUserInputError('lineIds', `a manual match has 1 to ${MAX_MANUAL} lines`);
  if (!Array.isArray(input.items) || input.items.length === 0 || input.items.length > MAX_MANUAL) throw new BadUserInputError('items', `a manual match has 1 to ${MAX_MANUAL} items`);
  const lineIds = input.lineIds.map((id) => {
    const n = typeof id === 'string' && /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : NaN;
    if (!Number.isSafeInteger(n)) throw new BadUserInputError('lineIds', 'a line id is one this API gave');
    return n;
  });
  const items = (input.items as Array<{ kind?: unknown; id?: unknown }>).map((item) => {
    if (!ITEM_KINDS_CHOSEN.includes(item?.kind as never) || typeof item?.id !== 'string' || !UUID.test(item.id)) throw new BadUserInputError('items', `an item is a kind (${ITEM_KINDS_CHOSEN.join(', ')}) and its id`);
    return { kind: item.kind as string, id: item.id.toLowerCase() };
  });
  if (new Set(lineIds).size !== lineIds.length || new Set(items.map((item) => `${item.kind}:${item.id}`)).size !== items.length) throw new BadUserInputError('items', 'a line or an item is named twice');
  const now = deps.clock();
  const afterCommit: AfterCommit = [];
  const made = await transaction(deps.database, 'read committed', async (tx) => {
    await lockBankAccount(tx, account.id);
    const lines = await openLines(tx, account, null, MAX_MANUAL + 1, lineIds);
    const open = await openItems(tx, account, MAX_MANUAL + 1, items);
    if (lines.length !== lineIds.length) throw new ReconError('MATCH_NOT_OPEN', 'a line is not an open booked line of this account (matched already, not booked, or another account’s)', { field: 'lineIds' });
    if (open.length !== items.length) throw new ReconError('MATCH_NOT_OPEN', 'an item is not open in this account’s books (matched already, settled elsewhere, or not found)', { field: 'items' });
    const currency = lines[0]!.currency;
    const direction = lines[0]!.direction;
    if ([...lines, ...open].some((side) => side.currency !== currency)) throw new ReconError('MATCH_NOT_OPEN', 'a match never mixes currencies', { field: 'items' });
    if ([...lines, ...open].some((side) => side.direction !== direction)) throw new ReconError('MATCH_NOT_OPEN', `the lines are ${direction}s: every item must be one the bank shows as a ${direction.toLowerCase()}`, { field: 'items' });
    const lineTotal = lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0));
    const itemTotal = open.reduce((sum, item) => sum.plus(item.amount), new Decimal(0));
    const minor = currencyOf(currency).minorUnits;
    const id = randomUUID();
    const strategy = lines.length === 1 && open.length === 1 ? 'ONE_TO_ONE' : lines.length === 1 ? 'ONE_TO_MANY' : open.length === 1 ? 'MANY_TO_ONE' : 'MANY_TO_MANY';
    const chosen = open.map((item) => parseItemKey(item.id));
    const ruleSet = await activeRuleSet(tx);
    await insertMatch(
      tx,
      {
        id,
        bankAccountId: account.id,
        runId: null,
        status: 'CONFIRMED',
        ruleSetVersion: ruleSet.version,
        ruleId: 'manual',
        strategy,
        confidence: '1',
        currency,
        difference: lineTotal.minus(itemTotal).toFixed(minor),
        evidence: [{ field: 'manual', lineValue: lineTotal.toFixed(minor), itemValue: itemTotal.toFixed(minor), detail: reason }],
        createdAt: now,
        decidedBy: actorName(context.identity),
        decidedAt: now,
        reason,
      },
      lineIds,
      await withAmounts(tx, chosen.map((item) => ({ ...item, amount: '0' }))),
    );
    const effectLines = await linesForEffects(tx, lineIds);
    const blocked = await effectsBlocked(tx, effectLines, chosen);
    if (blocked) throw new ReconError('MATCH_EFFECT_BLOCKED', `the match cannot be made: ${blocked}`);
    const effects = await applyEffects(tx, deps, context, effectLines, chosen, afterCommit);
    const [row] = await tx.update(reconMatches).set({ effects }).where(eq(reconMatches.id, id)).returning();
    await stageEvents(tx, auditTables, [
      auditEvent('cod-settlement', context, { action: 'RECON_MATCH_MANUAL', outcome: 'SUCCESS', target: { type: 'ReconMatch', id }, officeCode: account.officeCode, reason, after: { lineIds, items: chosen, difference: row!.difference, effects } }),
    ]);
    return row!;
  });
  for (const then of afterCommit) await then();
  return made;
}

export interface MatchFilter {
  bankAccountId?: string | null;
  status?: string | null;
  statementId?: string | null;
}

/** A match list's conditions: the accounts in the caller's recon.read scope, and the filter; null when nothing can match. */
function matchConditions(identity: Identity, filter: MatchFilter | null | undefined): SQL[] | null {
  const visible = sql`select ${bankAccounts.id} from ${bankAccounts} where ${scopeCondition(identity, 'recon.read', bankAccounts.officePath)}`;
  const conditions: SQL[] = [sql`${reconMatches.bankAccountId} in (${visible})`];
  if (filter?.bankAccountId) {
    if (!UUID.test(filter.bankAccountId)) return null;
    conditions.push(eq(reconMatches.bankAccountId, filter.bankAccountId.toLowerCase()));
  }
  if (filter?.status) conditions.push(eq(reconMatches.status, filter.status));
  if (filter?.statementId) {
    if (!UUID.test(filter.statementId)) return null;
    conditions.push(sql`exists (select 1 from cod.recon_match_lines ml join cod.bank_statement_lines l on l.id = ml.line_id where ml.match_id = ${reconMatches.id} and l.statement_id = ${filter.statementId.toLowerCase()})`);
  }
  return conditions;
}

async function list(deps: ReconDeps, identity: Identity, filter: MatchFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<MatchRow>> {
  signedIn(identity);
  const size = pageSize(first, 50);
  const cursor = decodeCursor(after, 2);
  if (cursor && (Number.isNaN(Date.parse(cursor[0]!)) || !UUID.test(cursor[1]!))) throw new BadUserInputError('after', 'the cursor is not one this API issued');
  const conditions = matchConditions(identity, filter);
  if (!conditions) return toConnection([], size, () => []);
  const rows = await listMatches(deps.database.db, conditions, cursor ? { createdAt: cursor[0]!, id: cursor[1]! } : undefined, size + 1);
  return toConnection(rows, size, (row) => [row.createdAt.toISOString(), row.id]);
}

async function find(deps: ReconDeps, identity: Identity, id: string): Promise<MatchRow | null> {
  signedIn(identity);
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const match = await findMatch(deps.database.db, id.toLowerCase());
  const account = match ? await findBankAccount(deps.database.db, match.bankAccountId) : undefined;
  return match && account && canSeeBankAccount(identity, account) ? match : null;
}

async function findRunFor(deps: ReconDeps, identity: Identity, id: string): Promise<RunRow | null> {
  signedIn(identity);
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const row = await findRun(deps.database.db, id.toLowerCase());
  const account = row ? await findBankAccount(deps.database.db, row.bankAccountId) : undefined;
  return row && account && canSeeBankAccount(identity, account) ? row : null;
}

/** reconOpenItems: what the account's lines can still be matched with, for a person choosing a manual match. */
async function listOpenItems(deps: ReconDeps, identity: Identity, bankAccountId: unknown) {
  signedIn(identity);
  const id = typeof bankAccountId === 'string' && UUID.test(bankAccountId) ? bankAccountId.toLowerCase() : undefined;
  const account = id ? await findBankAccount(deps.database.db, id) : undefined;
  if (!account || !canSeeBankAccount(identity, account)) throw new ReconError('BANK_ACCOUNT_NOT_FOUND', 'no such bank account', { field: 'bankAccountId' });
  return transaction(deps.database, 'read committed', (tx) => openItems(tx, account, OPEN_ITEMS_SHOWN));
}
const OPEN_ITEMS_SHOWN = 500;

/** reconMatchesCsv: the same list (scope and filter) as CSV, at most MAX_EXPORT_ROWS. */
async function csv(deps: ReconDeps, identity: Identity, filter: MatchFilter | null | undefined): Promise<string> {
  signedIn(identity);
  const conditions = matchConditions(identity, filter) ?? [sql`false`];
  return matchesCsv(deps.database.db, and(...conditions)!);
}

export function createMatchingService(deps: ReconDeps) {
  return {
    run: (context: SignedRequestContext, input: RunInput) => run(deps, context, input),
    confirm: (context: SignedRequestContext, id: unknown) => decide(deps, context, id, 'CONFIRMED'),
    reject: (context: SignedRequestContext, id: unknown, reason: unknown) => decide(deps, context, id, 'REJECTED', reason),
    unmatch: (context: SignedRequestContext, id: unknown, reason: unknown) => decide(deps, context, id, 'UNMATCHED', reason),
    manual: (context: SignedRequestContext, input: ManualMatchInput) => manualMatch(deps, context, input),
    openItems: (identity: Identity, bankAccountId: unknown) => listOpenItems(deps, identity, bankAccountId),
    csv: (identity: Identity, filter: MatchFilter | null | undefined) => csv(deps, identity, filter),
    list: (identity: Identity, filter: MatchFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) => list(deps, identity, filter, first, after),
    find: (identity: Identity, id: string) => find(deps, identity, id),
    findRun: (identity: Identity, id: string) => findRunFor(deps, identity, id),
    proposeRuleSet: (context: SignedRequestContext, ruleSet: unknown, reason: unknown) => {
      signedIn(context.identity);
      return proposeRuleSet(deps, context, ruleSet, reason);
    },
    ruleSet: async (identity: Identity) => {
      signedIn(identity);
      assertHolds(identity, 'recon.read');
      return activeRuleSet(deps.database.db);
    },
    ruleSets: async (identity: Identity) => {
      signedIn(identity);
      assertHolds(identity, 'recon.read');
      return listRuleSets(deps.database.db);
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
