import { getNamedType, isEnumType, isListType, isNonNullType, type GraphQLArgument, type GraphQLInputType } from 'graphql';
import { attackSlots, rootFields, selectionFor, type RootField, type Slot } from './api-schema.js';
import { HOSTILE_VALUES, plausibleValue, withValueAt } from './values.js';
import type { GraphQLSchema } from 'graphql';

/** One hostile call: an operation with one attacked slot holding one hostile value, the rest plausible. */
export interface FuzzCase {
  operation: 'query' | 'mutation';
  field: string;
  slot: Slot;
  valueName: string;
  value: string;
  /** Sent as variables (what clients do) or written into the document as literals. */
  form: 'variables' | 'literal';
  /** Whether one user stands for all (see HostileValue.anyUser); literals are all sent so. */
  anyUser: boolean;
  query: string;
  variables: Record<string, unknown> | undefined;
}

/**
 * Hostile values also written into the document as literals: the input layer must read the document as well as the
 * variables, and a scalar refusing a literal must answer as it does for a variable.
 */
const LITERAL_FORMS = new Set(['NUL inside', 'lone high surrogate', 'not a UUID', 'exponent', 'last day', 'last instant']);

export function fuzzCases(schema: GraphQLSchema): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const root of rootFields(schema)) {
    for (const slot of attackSlots(root.args)) {
      for (const { name, value, scalars, argument, anyUser = false } of HOSTILE_VALUES) {
        if (scalars && !scalars.includes(slot.scalar)) continue;
        if (argument && slot.path.at(-1) !== argument) continue;
        const args = argumentValues(root.args, slot, value);
        cases.push(buildCase(root, slot, name, value, args, 'variables', anyUser));
        if (LITERAL_FORMS.has(name)) cases.push(buildCase(root, slot, name, value, args, 'literal', true));
      }
    }
  }
  return cases;
}

/** The arguments sent: the required ones and the attacked one, each plausible but for the hostile leaf. */
function argumentValues(args: readonly GraphQLArgument[], slot: Slot, hostile: string): Map<GraphQLArgument, unknown> {
  const values = new Map<GraphQLArgument, unknown>();
  for (const arg of args) {
    const attacked = slot.path[0] === arg.name;
    const required = arg.type.toString().endsWith('!') && arg.defaultValue === undefined;
    if (!attacked && !required) continue;
    const plausible = plausibleValue(arg.type, attacked ? slot.path.slice(1) : undefined);
    values.set(arg, attacked ? withValueAt(plausible, slot.path.slice(1), hostile) : plausible);
  }
  return values;
}

function buildCase(
  root: RootField,
  slot: Slot,
  valueName: string,
  value: string,
  args: Map<GraphQLArgument, unknown>,
  form: FuzzCase['form'],
  anyUser: boolean,
): FuzzCase {
  const selection = selectionFor(root.field);
  const entries = [...args.entries()];
  let query: string;
  let variables: Record<string, unknown> | undefined;
  if (form === 'variables') {
    const declarations = entries.map(([arg]) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
    const passed = entries.map(([arg]) => `${arg.name}: $${arg.name}`).join(', ');
    query = `${root.operation} Fuzz${declarations ? `(${declarations})` : ''} { ${root.field.name}${passed ? `(${passed})` : ''} ${selection} }`;
    variables = Object.fromEntries(entries.map(([arg, argValue]) => [arg.name, argValue]));
  } else {
    const passed = entries
      .map(([arg, argValue]) => {
        return `${arg.name}: ${literalOf(argValue, arg.type)}`;
      })
      .join(', ');
    query = `${root.operation} Fuzz { ${root.field.name}${passed ? `(${passed})` : ''} ${selection} }`;
    variables = undefined;
  }
  return { operation: root.operation, field: root.field.name, slot, valueName, value, form, anyUser, query, variables };
}

/**
 * A value written as a GraphQL literal. Strings as JSON writes them, whose escapes GraphQL shares (a NUL becomes
 * \\u0000, which the parser accepts; a lone surrogate \\ud800, which it refuses); enums bare; the rest structurally.
 */
function literalOf(value: unknown, type: GraphQLInputType | undefined): string {
  const unwrapped = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) {
    const inner = unwrapped && isListType(unwrapped) ? unwrapped.ofType : undefined;
    return `[${value.map((item) => literalOf(item, inner)).join(', ')}]`;
  }
  if (typeof value === 'string') return unwrapped && isEnumType(getNamedType(unwrapped)) ? value : JSON.stringify(value);
  if (value !== null && typeof value === 'object') {
    const named = unwrapped ? getNamedType(unwrapped) : undefined;
    const fields = named && 'getFields' in named ? (named.getFields() as Record<string, { type: GraphQLInputType }>) : {};
    return `{${Object.entries(value).map(([key, item]) => `${key}: ${literalOf(item, fields[key]?.type)}`).join(', ')}}`;
  }
  return String(value);
}

/** How a case is named in a failure report: operation, argument path, value. */
export function describeCase(fuzzCase: FuzzCase): string {
  const shown = fuzzCase.value.length > 40 ? `${JSON.stringify(fuzzCase.value.slice(0, 20))}... (${fuzzCase.value.length} chars)` : JSON.stringify(fuzzCase.value);
  return `${fuzzCase.operation} ${fuzzCase.field}(${fuzzCase.slot.path.join('.')}) = ${shown} [${fuzzCase.valueName}, ${fuzzCase.form}]`;
}
