import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';

/**
 * Text no column can hold: PostgreSQL refuses U+0000 in text and jsonb, and a lone UTF-16 surrogate is no character
 * at all (jsonb refuses its escape; node-postgres would silently store U+FFFD instead). Refused at the edge, before
 * any resolver, so that no query can fail on it and no audit record has to carry it.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be accepted as text, or undefined when it can. */
export function unstorableTextProblem(text: string): string | undefined {
  const found = UNSTORABLE.exec(text);
  if (!found) return undefined;
  return found[0] === '\u0000' ? 'contains a NUL character (U+0000)' : 'contains an unpaired UTF-16 surrogate';
}

export interface InputProblem {
  /** Where the bad text is: the argument path for a literal (`input.postings.0.amount`), the variable path for a variable. */
  field: string;
  problem: string;
}

/**
 * The first string in the operation's variables (values and object keys, at any depth) or in the document's literals
 * (arguments of fields and directives, variable defaults) that no column can hold.
 */
export function findUnstorableInput(document: DocumentNode, variables: Record<string, unknown> | undefined): InputProblem | undefined {
  if (variables) {
    const found = inValue(variables, []);
    if (found) return found;
  }
  let found: InputProblem | undefined;
  visit(document, {
    Argument(node) {
      found ??= inLiteral(node.value, [node.name.value]);
    },
    VariableDefinition(node) {
      if (node.defaultValue) found ??= inLiteral(node.defaultValue, [node.variable.name.value]);
    },
  });
  return found;
}

function inValue(value: unknown, path: (string | number)[]): InputProblem | undefined {
  if (typeof value === 'string') {
    const problem = unstorableTextProblem(value);
    return problem ? { field: path.join('.'), problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = inValue(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = unstorableTextProblem(key);
      if (keyProblem) return { field: [...path, '(a key)'].join('.'), problem: keyProblem };
      const found = inValue(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function inLiteral(node: ValueNode, path: (string | number)[]): InputProblem | undefined {
  switch (node.kind) {
    case Kind.STRING: {
      const problem = unstorableTextProblem(node.value);
      return problem ? { field: path.join('.'), problem } : undefined;
    }
    case Kind.LIST:
      for (const [index, item] of node.values.entries()) {
        const found = inLiteral(item, [...path, index]);
        if (found) return found;
      }
      return undefined;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = inLiteral(field.value, [...path, field.name.value]);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The input layer every subgraph runs: once the operation is parsed and valid, and before any resolver, it refuses
 * unstorable text with BAD_USER_INPUT naming the field. HTTP 400, like a variable that cannot be coerced, which the
 * gateway passes on to the caller as BAD_USER_INPUT with the field.
 */
export function inputValidationPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const found = findUnstorableInput(document, request.variables);
          if (!found) return;
          throw new GraphQLError(`${found.field} ${found.problem}`, {
            extensions: { code: 'BAD_USER_INPUT', field: found.field, http: { status: 400 } },
          });
        },
      };
    },
  };
}
