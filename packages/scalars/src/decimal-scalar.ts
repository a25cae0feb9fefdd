import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { Decimal, MoneyError, parseAmount } from '@postal/money';
import { badUserInput, cannotSerialize, describeLiteral, describeValue } from './errors.js';

const EXAMPLE = '"1234.50"';
const NO_NUMBERS = 'numbers are refused because floating point loses digits (0.1 + 0.2 != 0.3)';

function parse(text: string, node?: ValueNode): Decimal {
  try {
    return parseAmount(text, 'Decimal');
  } catch (error) {
    if (error instanceof MoneyError) throw badUserInput(error.message, node);
    throw error;
  }
}

/**
 * Exact decimal numbers, sent as strings on the wire in both directions. Inputs become a decimal.js Decimal (the
 * constructor exported by @postal/money); JSON numbers and numeric literals are refused because a float has lost
 * digits before we ever see it.
 */
export const DecimalScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Decimal',
  description: 'A decimal number written as a string, such as "1050.00". Never a float: money must be exact.',

  parseValue(input: unknown): Decimal {
    if (typeof input !== 'string') {
      throw badUserInput(`Decimal must be a string such as ${EXAMPLE}; got ${describeValue(input)}: ${NO_NUMBERS}`);
    }
    return parse(input);
  },

  parseLiteral(node: ValueNode): Decimal {
    if (node.kind === Kind.INT || node.kind === Kind.FLOAT) {
      throw badUserInput(
        `Decimal must be a quoted string such as ${EXAMPLE}; got the number ${describeLiteral(node)}: ${NO_NUMBERS}`,
        node,
      );
    }
    if (node.kind !== Kind.STRING) {
      throw badUserInput(`Decimal must be a quoted string such as ${EXAMPLE}; got ${describeLiteral(node)}`, node);
    }
    return parse(node.value, node);
  },

  /**
   * A Decimal goes out as its plain fixed string (never an exponent). A string is checked and sent as it is, so a
   * resolver that already fixed the scale ("50.00", see toMoneyOutput) keeps it.
   */
  serialize(output: unknown): string {
    if (Decimal.isDecimal(output)) {
      if (!output.isFinite()) throw cannotSerialize('Decimal', `the non-finite value ${output.toString()}`);
      return output.toFixed();
    }
    if (typeof output === 'string') {
      let value: Decimal;
      try {
        value = parseAmount(output, 'Decimal');
      } catch (error) {
        if (error instanceof MoneyError) throw cannotSerialize('Decimal', `${describeValue(output)}: ${error.message}`);
        throw error;
      }
      return value.isZero() && output.startsWith('-') ? output.slice(1) : output;
    }
    throw cannotSerialize('Decimal', `${describeValue(output)}: return a Decimal or a plain decimal string`);
  },
});
