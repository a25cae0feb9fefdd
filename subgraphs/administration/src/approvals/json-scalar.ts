import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { checkPayload } from './payload.js';

/**
 * `JSON`: an approval's payload and result, as a JSON object. A structured scalar rather than a string of JSON, so a
 * client sends and reads an object (no double encoding) and a malformed payload is refused while the request is
 * parsed, before any resolver runs; the hash is over the canonical form, so the wire form does not matter. Input is
 * held to the payload rules (an object, at most 16 kB canonical, safe integers only, see payload.ts).
 */
export const JsonScalar = new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
  name: 'JSON',
  description: 'A JSON object (at most 16 kB; decimals as strings).',

  parseValue(input: unknown) {
    const checked = checkPayload(input);
    if (!checked.ok) throw badInput(`Invalid JSON: ${checked.problem}`);
    return checked.payload;
  },

  parseLiteral(node: ValueNode) {
    const checked = checkPayload(literalValue(node));
    if (!checked.ok) throw badInput(`Invalid JSON: ${checked.problem}`, node);
    return checked.payload;
  },

  serialize(output: unknown) {
    if (typeof output !== 'object' || output === null || Array.isArray(output)) {
      throw new GraphQLError('JSON cannot represent a value that is not an object');
    }
    return output as Record<string, unknown>;
  },
});

function badInput(message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, { ...(node ? { nodes: node } : {}), extensions: { code: 'BAD_USER_INPUT' } });
}

/** An inline literal as a value. Variables inside a JSON literal are refused: send the whole object as a variable. */
function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalValue(field.value)]));
    case Kind.LIST:
      return node.values.map(literalValue);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.VARIABLE:
      throw badInput('a JSON literal cannot contain variables; pass the whole object as one variable', node);
  }
}
