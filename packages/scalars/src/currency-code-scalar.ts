import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { MoneyError, currencyOf } from '@postal/money';
import { badUserInput, cannotSerialize, describeLiteral, describeValue } from './errors.js';

/** The canonical code, or the reason it is not one (currencyOf is strict: upper case, known to ISO 4217). */
function check(input: string): { ok: true; code: string } | { ok: false; problem: string } {
  try {
    return { ok: true, code: currencyOf(input).code };
  } catch (error) {
    if (error instanceof MoneyError) return { ok: false, problem: error.message };
    throw error;
  }
}

function parse(input: string, node?: ValueNode): string {
  const result = check(input);
  if (!result.ok) throw badUserInput(`Invalid CurrencyCode: ${result.problem}`, node);
  return result.code;
}

/** An ISO 4217 alphabetic code such as INR: three upper-case letters that ISO 4217 knows. */
export const CurrencyCodeScalar = new GraphQLScalarType<string, string>({
  name: 'CurrencyCode',
  description: 'An ISO 4217 currency code, e.g. INR.',

  parseValue(input: unknown): string {
    if (typeof input !== 'string') {
      throw badUserInput(`CurrencyCode must be a string such as "INR"; got ${describeValue(input)}`);
    }
    return parse(input);
  },

  parseLiteral(node: ValueNode): string {
    // An enum-looking literal (INR without quotes) is refused too: the scalar is a string on the wire.
    if (node.kind !== Kind.STRING) {
      throw badUserInput(`CurrencyCode must be a quoted string such as "INR"; got ${describeLiteral(node)}`, node);
    }
    return parse(node.value, node);
  },

  serialize(output: unknown): string {
    if (typeof output !== 'string') throw cannotSerialize('CurrencyCode', describeValue(output));
    const result = check(output);
    if (!result.ok) throw cannotSerialize('CurrencyCode', `${describeValue(output)}: ${result.problem}`);
    return result.code;
  },
});
