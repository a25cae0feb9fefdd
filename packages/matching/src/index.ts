export * from './model.js';
export * from './errors.js';
export {
  checkRuleSet,
  DEFAULT_RULE_SET,
  RULE_SET_LIMITS,
  RULE_KINDS,
  STRATEGIES,
  LINE_FIELDS,
  ITEM_FIELDS,
  type Rule,
  type RuleSet,
  type RuleKind,
  type Strategy,
  type LineField,
  type ItemField,
} from './rules.js';
export { matchAll, ENGINE_LIMITS } from './engine.js';
export { dryRun, type DryRun, type RuleOutcome } from './dry-run.js';
export { SCORING } from './scoring.js';
export { SUBSET_LIMITS } from './subset.js';
export { MAX_SCAN, MAX_WHOLE_GROUP } from './amount.js';
export { MIN_REFERENCE_LENGTH, MAX_TEXT_LENGTH } from './normalize.js';
