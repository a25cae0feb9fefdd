import { GraphQLError, parseValue, type GraphQLScalarType } from 'graphql';

/** Runs a scalar's parseLiteral on a literal written as in a query document: `"10.50"`, `10.5`, `ENUM`. */
export function fromLiteral<T>(scalar: GraphQLScalarType<T, string>, literal: string): T {
  return scalar.parseLiteral(parseValue(literal), undefined);
}

/** Runs `action` and returns the GraphQLError it throws; fails if it throws nothing or something else. */
export function graphqlErrorFrom(action: () => unknown): GraphQLError {
  try {
    action();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError, nothing was thrown');
}
