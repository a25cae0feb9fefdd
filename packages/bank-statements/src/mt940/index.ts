import { withIndianReferences } from '../references.js';
import { splitMessages } from './fields.js';
import { buildStatement } from './statement.js';
import type { Mt940Statement } from './types.js';

export type { Mt940Statement, Mt940Line, Mt940LineDetails, SumEntries } from './types.js';

/**
 * Reads a SWIFT MT940 (customer statement) or MT942 (interim transaction report) file: one or more messages, with
 * or without the {1:}{2:}{4: envelope. Every statement is checked before any is returned; a file with one bad field
 * is refused whole with a StatementParseError naming the line and the field.
 */
export function parseMt940(text: string): Mt940Statement[] {
  return withIndianReferences(splitMessages(text).map(buildStatement));
}
