import type { TypedDocumentNode } from 'urql';
import type { TypedDocumentString } from '../gql/graphql';

/**
 * The generated operations are strings (codegen's `documentMode: 'string'`, so a screen's chunk carries its
 * operations' text rather than a parsed tree of every operation), while urql is typed for documents. urql accepts an
 * operation as a plain string and parses it itself; this hands it the string and keeps the generated result and
 * variable types. Use it wherever a generated document goes to urql: `useQuery({ query: op(MeDocument) })`.
 */
export function op<Result, Variables>(document: TypedDocumentString<Result, Variables>): TypedDocumentNode<Result, Variables extends Record<string, unknown> ? Variables : Record<string, never>> {
  return document.toString() as unknown as TypedDocumentNode<Result, Variables extends Record<string, unknown> ? Variables : Record<string, never>>;
}
