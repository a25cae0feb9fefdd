import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { calendarDateProblem } from '@postal/calendar';
import { badUserInput, cannotSerialize, describeLiteral, describeValue } from './errors.js';

function parse(input: string, node?: ValueNode): string {
  const problem = calendarDateProblem(input);
  if (problem) throw badUserInput(`Invalid Date ${describeValue(input)}: ${problem}`, node);
  return input;
}

/**
 * A calendar day with no time or zone, 'YYYY-MM-DD': business dates, effective dates. The internal value is the same
 * string, which sorts and compares correctly as text and cannot drift across time zones the way a Date would.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',

  parseValue(input: unknown): string {
    if (typeof input !== 'string') {
      throw badUserInput(`Date must be a string such as "2024-12-16"; got ${describeValue(input)}`);
    }
    return parse(input);
  },

  parseLiteral(node: ValueNode): string {
    if (node.kind !== Kind.STRING) {
      throw badUserInput(`Date must be a quoted string such as "2024-12-16"; got ${describeLiteral(node)}`, node);
    }
    return parse(node.value, node);
  },

  /** A 'YYYY-MM-DD' string as it is, or a JS Date as its UTC calendar day. */
  serialize(output: unknown): string {
    if (typeof output === 'string') {
      const problem = calendarDateProblem(output);
      if (problem) throw cannotSerialize('Date', `${describeValue(output)}: ${problem}`);
      return output;
    }
    if (output instanceof Date) {
      if (Number.isNaN(output.getTime())) throw cannotSerialize('Date', 'an invalid Date');
      const day = output.toISOString().slice(0, 10);
      // Years past 9999 come out as "+010000-..." and are not 'YYYY-MM-DD'.
      if (calendarDateProblem(day)) throw cannotSerialize('Date', `the Date ${output.toISOString()}`);
      return day;
    }
    throw cannotSerialize('Date', `${describeValue(output)}: return a 'YYYY-MM-DD' string or a Date`);
  },
});
