import { amountCandidates } from './amount.js';
import { candidateKey, compareCandidates, evidenceOf, type Candidate } from './candidate.js';
import type { BankLine, Match, MatchResult, OpenItem } from './model.js';
import { prepareItems, prepareLines, minorUnits, type PreparedItem, type PreparedLine } from './prepare.js';
import { referenceCandidates } from './reference.js';
import { checkRuleSet, type Rule, type RuleSet } from './rules.js';
import { Decimal } from '@postal/money';

/**
 * The bounds of conflict resolution within one rule. Each anchor (the line, or for MANY_TO_ONE the item, that
 * candidates were found for) keeps its best `candidatesPerAnchor` candidates in the total order. An anchor whose
 * candidates were all taken by better ones is tried again against what is left, keeping twice as many each round
 * (25, 50, 100 … at most `maxCandidatesPerAnchor`), for at most `rounds` rounds: many equally good lines competing
 * for many equally good items (all ₹500 on one day) all find one, at a cost of at most rounds × anchors ×
 * maxCandidatesPerAnchor candidates.
 */
export const ENGINE_LIMITS = { candidatesPerAnchor: 25, maxCandidatesPerAnchor: 1_000, rounds: 10 } as const;

/**
 * Matches bank lines against open items with a rule set (the reference implementation; pure, no I/O). Rules run in
 * priority order and each takes only what earlier rules left: a line or item is in at most one match. Within a rule
 * every candidate is scored and conflicts are resolved greedily in one total order (compareCandidates), and inputs
 * are sorted by id first, so the result does not depend on input order and is the same on every run. Nothing is
 * changed: the caller stores (or, for a dry run, only shows) the result.
 *
 * Refuses a rule set that checkRuleSet refuses (RULE_SET_INVALID) and malformed input (MATCH_INPUT_INVALID).
 */
export function matchAll(lines: readonly BankLine[], items: readonly OpenItem[], ruleSet: RuleSet): MatchResult {
  const rules = checkRuleSet(ruleSet);
  const autoConfirmAt = new Decimal(rules.autoConfirmAt);
  const preparedLines = prepareLines(lines);
  const preparedItems = prepareItems(items);
  const usedLines = new Set<string>();
  const usedItems = new Set<string>();
  const matches: Match[] = [];

  for (const rule of rules.rules) {
    if (!rule.enabled) continue;
    let anchors: Set<string> | undefined;
    for (let round = 0; round < ENGINE_LIMITS.rounds; round++) {
      const openLines = preparedLines.filter((line) => !usedLines.has(line.id));
      const openItems = preparedItems.filter((item) => !usedItems.has(item.id) && rule.sources.includes(item.kind));
      if (openLines.length === 0 || openItems.length === 0) break;
      const perAnchor = Math.min(ENGINE_LIMITS.maxCandidatesPerAnchor, ENGINE_LIMITS.candidatesPerAnchor * 2 ** round);
      const candidates = ruleCandidates(rule, openLines, openItems, anchors, perAnchor);
      const tried = new Set(candidates.map((candidate) => candidate.anchorId));
      const won = new Set<string>();
      for (const candidate of candidates) {
        if (candidate.lineIds.some((id) => usedLines.has(id)) || candidate.itemIds.some((id) => usedItems.has(id))) continue;
        for (const id of candidate.lineIds) usedLines.add(id);
        for (const id of candidate.itemIds) usedItems.add(id);
        won.add(candidate.anchorId);
        matches.push(toMatch(rule, candidate, autoConfirmAt));
      }
      // Anchors that had candidates but lost them all may have others among what is left.
      const anchorsUsed = rule.strategy === 'MANY_TO_ONE' ? usedItems : usedLines;
      const lost = [...tried].filter((id) => !won.has(id) && !anchorsUsed.has(id));
      if (won.size === 0 || lost.length === 0) break;
      anchors = new Set(lost);
    }
  }

  return {
    matches,
    unmatchedLineIds: preparedLines.filter((line) => !usedLines.has(line.id)).map((line) => line.id),
    unmatchedItemIds: preparedItems.filter((item) => !usedItems.has(item.id)).map((item) => item.id),
  };
}

/** Every candidate of one rule, best first, at most `perAnchor` per anchor. */
function ruleCandidates(
  rule: Rule,
  lines: readonly PreparedLine[],
  items: readonly PreparedItem[],
  anchors: ReadonlySet<string> | undefined,
  perAnchor: number,
): Candidate[] {
  const byAnchor = new Map<string, Map<string, Candidate>>();
  const emit = (candidate: Candidate): void => {
    let own = byAnchor.get(candidate.anchorId);
    if (!own) byAnchor.set(candidate.anchorId, (own = new Map()));
    // The same lines and items found twice (two reference fields, a group and a subset): the better one counts.
    const key = candidateKey(candidate);
    const earlier = own.get(key);
    if (!earlier || compareCandidates(candidate, earlier) < 0) own.set(key, candidate);
  };
  if (rule.kind === 'AMOUNT_DATE') amountCandidates(rule, lines, items, anchors, emit);
  else referenceCandidates(rule, lines, items, anchors, emit);

  const all: Candidate[] = [];
  for (const own of byAnchor.values()) {
    const best = [...own.values()].sort(compareCandidates);
    for (const candidate of best.slice(0, perAnchor)) all.push(candidate);
  }
  return all.sort(compareCandidates);
}

function toMatch(rule: Rule, candidate: Candidate, autoConfirmAt: Decimal): Match {
  const currency = candidate.lines[0]!.currency;
  return {
    ruleId: rule.id,
    strategy: rule.strategy,
    lineIds: candidate.lineIds,
    itemIds: candidate.itemIds,
    confidence: candidate.confidence.toFixed(4),
    status: candidate.confidence.gte(autoConfirmAt) ? 'CONFIRMED' : 'SUGGESTED',
    evidence: evidenceOf(rule, candidate),
    difference: candidate.difference.toFixed(minorUnits(currency)),
    currency,
  };
}
