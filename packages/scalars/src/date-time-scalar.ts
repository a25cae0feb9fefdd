import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { parseDateTime } from '@postal/calendar';
import { badUserInput, cannotSerialize, describeLiteral, describeValue } from './errors.js';

const EXAMPLE = '"2024-12-16T10:15:00Z"';

function parse(input: string, node?: ValueNode): Date {
  const result = parseDateTime(input);
  if (!result.ok) throw badUserInput(`Invalid DateTime ${describeValue(input)}: ${result.problem}`, node);
  return result.value;
}

/**
 * An instant: ISO 8601 with "Z" or an explicit offset. A zone is mandatory because a local time without one means a
 * different instant in every office. Internal value: a JS Date. Output: always UTC, `toISOString()`.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with a time zone, e.g. 2026-11-22T10:15:00.000Z.',

  parseValue(input: unknown): Date {
    if (typeof input !== 'string') {
      throw badUserInput(`DateTime must be a string such as ${EXAMPLE}; got ${describeValue(input)}`);
    }
    return parse(input);
  },

  parseLiteral(node: ValueNode): Date {
    if (node.kind !== Kind.STRING) {
      throw badUserInput(`DateTime must be a quoted string such as ${EXAMPLE}; got ${describeLiteral(node)}`, node);
    }
    return parse(node.value, node);
  },

  /** A Date, or an ISO 8601 string with a zone, goes out as UTC `toISOString()`. */
  serialize(output: unknown): string {
    if (output instanceof Date) {
      if (Number.isNaN(output.getTime())) throw cannotSerialize('DateTime', 'an invalid Date');
      return output.toISOString();
    }
    if (typeof output === 'string') {
      const result = parseDateTime(output);
      if (!result.ok) throw cannotSerialize('DateTime', `${describeValue(output)}: ${result.problem}`);
      return result.value.toISOString();
    }
    throw cannotSerialize('DateTime', `${describeValue(output)}: return a Date or an ISO 8601 string with a zone`);
  },
});
