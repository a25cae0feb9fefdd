import { ExpectedError } from '@postal/errors';

/**
 * Stable reasons the matching engine refused. The rule set is edited by people through the approvals inbox and the
 * inputs come from our own stores, so both are checked and refused whole, naming the path at fault. Never renamed,
 * only added to.
 */
export type MatchingErrorCode =
  /** The rule set is not a valid RuleSet: `field` is the first path at fault, `details.issues` lists all of them. */
  | 'RULE_SET_INVALID'
  /** A bank line or open item is malformed (amount, currency, date, a duplicate id): `field` names it. */
  | 'MATCH_INPUT_INVALID';

export interface RuleSetIssue {
  /** Where, as `rules[2].amountTolerance.percent`. */
  path: string;
  message: string;
}

/** Every problem of a rule set at once (up to a bound), so the person editing it can fix them in one go. */
export class RuleSetError extends ExpectedError {
  declare readonly code: 'RULE_SET_INVALID';
  readonly issues: readonly RuleSetIssue[];

  constructor(issues: RuleSetIssue[]) {
    const first = issues[0] ?? { path: '', message: 'invalid' };
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super('RULE_SET_INVALID', `rule set invalid: ${first.path || 'the rule set'}: ${first.message}${more}`, {
      field: first.path,
      details: { issues },
    });
    this.issues = issues;
  }
}

export class MatchingInputError extends ExpectedError {
  declare readonly code: 'MATCH_INPUT_INVALID';

  constructor(path: string, message: string) {
    super('MATCH_INPUT_INVALID', `${path}: ${message}`, { field: path });
  }
}
