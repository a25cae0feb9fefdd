import { businessDate, DEFAULT_TIME_ZONE } from '@postal/calendar';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { inputFields, isInaccessible } from './api-schema.js';

const TEXT = ['String', 'ID'];

/**
 * What an attacker or a careless client sends. The first few go into every attacked slot (a Decimal must refuse a
 * NUL as clearly as a String); the rest into the slots whose scalar they probe (`scalars`), to keep the run short.
 */
export interface HostileValue {
  name: string;
  value: string;
  /** Only into slots of these scalars (every attacked slot when absent). */
  scalars?: readonly string[];
  /** Only into arguments or input fields of this name. */
  argument?: string;
  /**
   * Text no user may send, whatever their rights (refused before authorisation): sent as one of the users in turn,
   * not as each, to keep the run short.
   */
  anyUser?: boolean;
}

export const HOSTILE_VALUES: readonly HostileValue[] = [
  { name: 'NUL', anyUser: true, value: '\u0000' },
  { name: 'NUL inside', anyUser: true, value: 'NDGPO\u0000x' },
  { name: 'lone high surrogate', anyUser: true, value: '\uD800' },
  { name: 'lone low surrogate', anyUser: true, value: 'a\uDFFFb' },
  { name: '100 kB', value: 'x'.repeat(100_000) },
  { name: 'empty', value: '' },
  { name: 'SQL quote and comment', value: "';--", scalars: TEXT },
  // Ending in a backslash: a LIKE pattern built from it without escaping ends in the escape character.
  { name: 'LIKE wildcards and escape', value: '%_\\', scalars: TEXT },
  { name: 'not a UUID', value: 'not-a-uuid', scalars: TEXT },
  { name: 'exponent', value: '1e5', scalars: [...TEXT, 'Decimal'] },
  { name: 'negative exponent', value: '1E-3', scalars: ['Decimal'] },
  { name: 'first day', value: '0001-01-01', scalars: ['Date'] },
  { name: 'last day', value: '9999-12-31', scalars: ['Date'] },
  { name: 'first instant', value: '0001-01-01T00:00:00Z', scalars: ['DateTime'] },
  { name: 'last instant', value: '9999-12-31T23:59:59.999Z', scalars: ['DateTime'] },
  // Relay's `after`: cursors that decode (base64url JSON, as the API issues them) to keys no row has or can have.
  ...[
    ['junk'],
    ['\u0000'],
    ['1e5', 'not-a-uuid'],
    ['9999-12-31', '\u0000'],
    ['0001-01-01T00:00:00Z', '-1'],
    ['1', '2', '3'],
  ].map((key) => ({ name: `cursor ${JSON.stringify(key)}`, value: Buffer.from(JSON.stringify(key)).toString('base64url'), scalars: TEXT, argument: 'after' })),
];

/** A value of the right shape for a scalar, so the arguments around a hostile one pass and the resolver runs. */
const PLAUSIBLE_SCALARS: Record<string, () => unknown> = {
  String: () => 'fuzz',
  // A well-formed id that names nothing: lookups answer not found, which is what they must do.
  ID: () => '5f0c8a4e-0000-4000-8000-00000000f022',
  Int: () => 1,
  Float: () => 1.5,
  Boolean: () => false,
  Decimal: () => '10.00',
  Date: () => businessToday(),
  DateTime: () => new Date().toISOString(),
  CurrencyCode: () => 'INR',
  JSON: () => ({}),
};

/** The operator's business date now (the fuzzed stack runs on the real clock). */
export function businessToday(): string {
  return businessDate(new Date(), DEFAULT_TIME_ZONE);
}

/**
 * A plausible value of an input type: required fields filled by type (recursively), optional ones left out unless
 * `include` asks for them, enums their first value, lists one element.
 */
export function plausibleValue(type: GraphQLInputType, include: (string | number)[] | undefined = undefined, depth = 0): unknown {
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  if (isListType(unwrapped)) {
    const rest = include?.[0] === 0 ? include.slice(1) : undefined;
    // Two elements where the list is of input objects: postings, for one, need at least two to be checked at all.
    const inner = getNamedType(unwrapped.ofType);
    const count = isInputObjectType(inner) ? 2 : 1;
    return Array.from({ length: count }, (_, index) => plausibleValue(unwrapped.ofType, index === 0 ? rest : undefined, depth + 1));
  }
  const named = getNamedType(unwrapped);
  if (isEnumType(named)) return named.getValues().find((value) => !isInaccessible(value))?.name;
  if (isScalarType(named)) {
    // A scalar added later without an entry here still gets a value: text, which it may refuse as bad input.
    return (PLAUSIBLE_SCALARS[named.name] ?? PLAUSIBLE_SCALARS['String']!)();
  }
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of inputFields(named)) {
      const wanted = include?.[0] === field.name;
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || wanted) value[field.name] = plausibleValue(field.type, wanted ? include!.slice(1) : undefined, depth + 1);
    }
    return value;
  }
  throw new Error(`no plausible value for ${String(named)}`);
}

/** A copy of `value` with the leaf at `path` replaced. */
export function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = [...(value as unknown[])];
    list[head] = withValueAt(list[head], rest, replacement);
    return list;
  }
  const object = { ...(value as Record<string, unknown>) };
  object[head!] = withValueAt(object[head!], rest, replacement);
  return object;
}
