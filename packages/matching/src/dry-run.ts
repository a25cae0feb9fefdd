import { matchAll } from './engine.js';
import type { BankLine, MatchResult, OpenItem } from './model.js';
import type { RuleSet } from './rules.js';

export interface RuleOutcome {
  ruleId: string;
  enabled: boolean;
  confirmed: number;
  suggested: number;
  lines: number;
  items: number;
}

export interface DryRun extends MatchResult {
  /** One entry per rule, in priority order, disabled ones included (with zeros), so a person sees what each does. */
  byRule: RuleOutcome[];
}

/**
 * What a rule set would do to these lines and items, without changing anything: matchAll is pure, so a dry run is
 * the same computation (the same matches a real run would store) with a per-rule summary for the person approving
 * a rule change. Run it with the proposed and the current rule set to compare them.
 */
export function dryRun(lines: readonly BankLine[], items: readonly OpenItem[], ruleSet: RuleSet): DryRun {
  const result = matchAll(lines, items, ruleSet);
  const byRule = new Map<string, RuleOutcome>(
    ruleSet.rules.map((rule) => [
      rule.id,
      { ruleId: rule.id, enabled: rule.enabled, confirmed: 0, suggested: 0, lines: 0, items: 0 },
    ]),
  );
  for (const match of result.matches) {
    const outcome = byRule.get(match.ruleId)!;
    if (match.status === 'CONFIRMED') outcome.confirmed++;
    else outcome.suggested++;
    outcome.lines += match.lineIds.length;
    outcome.items += match.itemIds.length;
  }
  return { ...result, byRule: [...byRule.values()] };
}
