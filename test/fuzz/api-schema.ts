import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The API the gateway serves, read from the committed supergraph: the composed schema minus everything marked
 * @inaccessible (which only subgraphs may call). Read from the file, so whatever a later issue composes in is fuzzed
 * without an edit here.
 */
export function loadApiSchema(path = resolve(import.meta.dirname, '../../schema/supergraph.graphql')): GraphQLSchema {
  return buildSchema(readFileSync(path, 'utf8'), { assumeValidSDL: true });
}

/** Whether the supergraph marks a type, field, argument, input field or enum value @inaccessible. */
export function isInaccessible(element: { astNode?: { directives?: readonly { name: { value: string } }[] } | null | undefined }): boolean {
  return element.astNode?.directives?.some((directive) => directive.name.value === 'inaccessible') ?? false;
}

export interface RootField {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** The arguments the API shows (inaccessible ones left out). */
  args: readonly GraphQLArgument[];
}

/** Every Query and Mutation field the gateway serves. */
export function rootFields(schema: GraphQLSchema): RootField[] {
  const fields: RootField[] = [];
  for (const [operation, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      if (isInaccessible(field) || field.name.startsWith('_')) continue;
      fields.push({ operation, field, args: field.args.filter((arg) => !isInaccessible(arg)) });
    }
  }
  return fields;
}

/** The fields of an input object the API shows. */
export function inputFields(type: GraphQLNamedType): GraphQLInputField[] {
  if (!isInputObjectType(type)) return [];
  return Object.values(type.getFields()).filter((field) => !isInaccessible(field));
}

/** The scalars whose values are text on the wire and reach the resolvers as text: the ones to attack. */
export const ATTACKED_SCALARS = new Set(['String', 'ID', 'Decimal', 'Date', 'DateTime']);

/** One place in an operation's arguments where a hostile value goes: an argument, or a field (or list item) inside one. */
export interface Slot {
  /** e.g. ['input', 'postings', 0, 'amount'] */
  path: (string | number)[];
  scalar: string;
}

const MAX_INPUT_DEPTH = 4;

/** Every String, ID, Decimal, Date or DateTime reachable from the arguments, through input objects and lists. */
export function attackSlots(args: readonly GraphQLArgument[]): Slot[] {
  const slots: Slot[] = [];
  const walk = (type: GraphQLInputType, path: (string | number)[], depth: number) => {
    const unwrapped = isNonNullType(type) ? type.ofType : type;
    if (isListType(unwrapped)) return walk(unwrapped.ofType, [...path, 0], depth);
    const named = getNamedType(unwrapped);
    if (isScalarType(named) && ATTACKED_SCALARS.has(named.name)) slots.push({ path, scalar: named.name });
    if (isInputObjectType(named) && depth < MAX_INPUT_DEPTH) {
      for (const field of inputFields(named)) walk(field.type, [...path, field.name], depth + 1);
    }
  };
  for (const arg of args) walk(arg.type, [arg.name], 0);
  return slots;
}

/** A selection that makes the root resolver run and serialises its direct leaves, without following other types. */
export function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return '';
  const leaves = Object.values(type.getFields())
    .filter((child) => !isInaccessible(child) && child.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined))
    .filter((child) => {
      const named = getNamedType(child.type);
      return (isScalarType(named) || isEnumType(named)) && !isInaccessible(named);
    })
    .map((child) => child.name);
  return `{ __typename ${leaves.join(' ')} }`;
}
