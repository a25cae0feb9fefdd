import { GraphQLError, print, type ValueNode } from 'graphql';

/**
 * A client sent a value the scalar cannot accept. The code is the one Apollo uses for bad arguments, so clients
 * handle a malformed Decimal like any other invalid input; the literal's node gives the error a location.
 */
export function badUserInput(message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, { ...(node ? { nodes: node } : {}), extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * A resolver returned something the scalar cannot send. That is a server bug, not the client's fault, so there is
 * no BAD_USER_INPUT code: the server's error formatter masks and logs it.
 */
export function cannotSerialize(scalar: string, message: string): GraphQLError {
  return new GraphQLError(`${scalar} cannot represent ${message}`);
}

const MAX_SHOWN_CHARS = 50;

/** A short, safe description of an input value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > MAX_SHOWN_CHARS ? `${value.slice(0, MAX_SHOWN_CHARS)}...` : value);
  }
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'a list';
  return `a value of type ${typeof value}`;
}

/** A short description of a literal in a query document. */
export function describeLiteral(node: ValueNode): string {
  const text = print(node);
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}...` : text;
}
