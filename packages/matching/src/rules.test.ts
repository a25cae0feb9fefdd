import { describe, expect, it } from 'vitest';
import { RuleSetError } from './errors.js';
import { matchAll } from './engine.js';
import { checkRuleSet, DEFAULT_RULE_SET, RULE_SET_LIMITS } from './rules.js';
import { amountRule, line, item, rule, ruleSet } from './test-support/builders.js';

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    checkRuleSet(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError);
    expect((error as RuleSetError).code).toBe('RULE_SET_INVALID');
    return [...(error as RuleSetError).issues];
  }
  throw new Error('checkRuleSet accepted it');
}

function pathsOf(input: unknown): string[] {
  return issuesOf(input).map((issue) => issue.path);
}

/** The default set with one rule (by index) changed through JSON, as an edited rule set arrives. */
function withRule(index: number, change: (rule: Record<string, unknown>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(DEFAULT_RULE_SET)) as { rules: Record<string, unknown>[] };
  change(copy.rules[index]!);
  return copy;
}

describe('checkRuleSet', () => {
  it('accepts DEFAULT_RULE_SET, and its JSON round trip is equal to it', () => {
    expect(checkRuleSet(DEFAULT_RULE_SET)).toEqual(DEFAULT_RULE_SET);
    const roundTripped = checkRuleSet(JSON.parse(JSON.stringify(DEFAULT_RULE_SET)));
    expect(roundTripped).toEqual(DEFAULT_RULE_SET);
    expect(JSON.stringify(roundTripped)).toBe(JSON.stringify(DEFAULT_RULE_SET));
  });

  it('names the path of a percent above 100', () => {
    const input = withRule(2, (entry) => ((entry.amountTolerance as Record<string, unknown>).percent = '100.01'));
    expect(pathsOf(input)).toEqual(['rules[2].amountTolerance.percent']);
    expect(() => checkRuleSet(input)).toThrow(/rules\[2\]\.amountTolerance\.percent: at most 100/);
  });

  it('accepts tolerances at their limits: 0 and 100 percent, 0 and the absolute maximum', () => {
    const input = withRule(0, (entry) => (entry.amountTolerance = { absolute: RULE_SET_LIMITS.maxAbsoluteTolerance, percent: '100' }));
    expect(() => checkRuleSet(input)).not.toThrow();
    const zero = withRule(0, (entry) => (entry.amountTolerance = { absolute: '0', percent: '0.0000' }));
    expect(() => checkRuleSet(zero)).not.toThrow();
  });

  it('refuses negative, non-string, exponent and over-precise tolerances', () => {
    expect(pathsOf(withRule(1, (entry) => (entry.amountTolerance = { absolute: '-1', percent: '0' })))).toEqual([
      'rules[1].amountTolerance.absolute',
    ]);
    expect(pathsOf(withRule(1, (entry) => (entry.amountTolerance = { absolute: '0', percent: 2 })))).toEqual([
      'rules[1].amountTolerance.percent',
    ]);
    expect(pathsOf(withRule(1, (entry) => (entry.amountTolerance = { absolute: '1e3', percent: '0' })))).toEqual([
      'rules[1].amountTolerance.absolute',
    ]);
    expect(pathsOf(withRule(1, (entry) => (entry.amountTolerance = { absolute: '0.00001', percent: '0' })))).toEqual([
      'rules[1].amountTolerance.absolute',
    ]);
    expect(pathsOf(withRule(1, (entry) => (entry.amountTolerance = { absolute: '1000000.01', percent: '0' })))).toEqual([
      'rules[1].amountTolerance.absolute',
    ]);
    expect(pathsOf(withRule(1, (entry) => (entry.amountTolerance = { absolute: '0' })))).toEqual([
      'rules[1].amountTolerance.percent',
    ]);
  });

  it('takes windows of 0 to 90 whole days', () => {
    expect(() => checkRuleSet(withRule(3, (entry) => (entry.dateWindowDays = { before: 90, after: 0 })))).not.toThrow();
    expect(pathsOf(withRule(3, (entry) => (entry.dateWindowDays = { before: 91, after: 0 })))).toEqual([
      'rules[3].dateWindowDays.before',
    ]);
    expect(pathsOf(withRule(3, (entry) => (entry.dateWindowDays = { before: 1, after: -1 })))).toEqual([
      'rules[3].dateWindowDays.after',
    ]);
    expect(pathsOf(withRule(3, (entry) => (entry.dateWindowDays = { before: 1.5, after: 2 })))).toEqual([
      'rules[3].dateWindowDays.before',
    ]);
  });

  it('refuses more than 100 rules, and takes exactly 100', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => rule({ id: `r${index}` }));
    expect(checkRuleSet(ruleSet(hundred)).rules).toHaveLength(100);
    expect(pathsOf(ruleSet([...hundred, rule({ id: 'r100' })]))).toEqual(['rules']);
  });

  it('refuses duplicate rule ids, unknown and missing fields, naming each', () => {
    expect(pathsOf(ruleSet([rule({ id: 'same' }), rule({ id: 'same' })]))).toEqual(['rules[1].id']);
    expect(pathsOf(withRule(4, (entry) => (entry.tolerance = '1')))).toEqual(['rules[4].tolerance']);
    expect(pathsOf(withRule(4, (entry) => delete entry.baseConfidence))).toEqual(['rules[4].baseConfidence']);
    expect(pathsOf({ ...DEFAULT_RULE_SET, extra: true })).toEqual(['extra']);
    expect(pathsOf({ version: 1, rules: [] })).toEqual(['autoConfirmAt']);
    expect(pathsOf('rules')).toEqual(['']);
  });

  it('checks the fields a kind needs and refuses those it would ignore', () => {
    expect(pathsOf(ruleSet([rule({ lineFields: [] })]))).toEqual(['rules[0].lineFields']);
    expect(pathsOf(ruleSet([amountRule({ itemFields: ['utr'] })]))).toEqual(['rules[0].itemFields']);
    expect(pathsOf(ruleSet([rule({ lineFields: ['remittance'] })]))).toEqual(['rules[0].lineFields']);
    expect(pathsOf(ruleSet([amountRule({ subsetSum: true })]))).toEqual(['rules[0].subsetSum']);
    expect(pathsOf(ruleSet([rule({ sources: [] })]))).toEqual(['rules[0].sources']);
    expect(pathsOf(ruleSet([rule({ sources: ['PAYOUT', 'PAYOUT'] })]))).toEqual(['rules[0].sources[1]']);
    expect(pathsOf(ruleSet([rule({ itemFields: ['utr', 'iban' as never] })]))).toEqual(['rules[0].itemFields[1]']);
    expect(pathsOf(ruleSet([rule({ kind: 'FUZZY' as never })]))).toEqual(['rules[0].kind']);
  });

  it('keeps confidences between 0 and 1 with at most 4 places', () => {
    expect(pathsOf(ruleSet([], '1.01'))).toEqual(['autoConfirmAt']);
    expect(pathsOf(ruleSet([], '0.12345'))).toEqual(['autoConfirmAt']);
    expect(pathsOf({ ...ruleSet([]), autoConfirmAt: 0.9 })).toEqual(['autoConfirmAt']);
    expect(pathsOf(ruleSet([rule({ baseConfidence: '1.5' })]))).toEqual(['rules[0].baseConfidence']);
    expect(checkRuleSet(ruleSet([rule({ baseConfidence: '1' })], '0')).autoConfirmAt).toBe('0');
  });

  it('lists every issue at once', () => {
    const input = ruleSet([rule({ baseConfidence: '2' }), rule({ id: 'b', dateWindowDays: { before: 100, after: 100 } })]);
    expect(pathsOf({ ...input, version: 0 })).toEqual([
      'version',
      'rules[0].baseConfidence',
      'rules[1].dateWindowDays.before',
      'rules[1].dateWindowDays.after',
    ]);
  });

  it('defaults subsetSum to false and returns only the known fields', () => {
    const { subsetSum: _omitted, ...withoutSubset } = rule();
    const checked = checkRuleSet({ version: 3, autoConfirmAt: '0.9', rules: [withoutSubset] });
    expect(checked.rules[0]!.subsetSum).toBe(false);
    expect(Object.keys(checked.rules[0]!).sort()).toEqual(Object.keys(rule()).sort());
  });

  it('is what matchAll checks too: an invalid rule set matches nothing', () => {
    const bad = ruleSet([rule({ amountTolerance: { absolute: '0', percent: '101' } })]);
    expect(() => matchAll([line('l1')], [item('i1')], bad)).toThrow(RuleSetError);
  });
});
