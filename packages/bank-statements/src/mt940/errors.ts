import { StatementParseError } from '../model.js';

/** Every MT940 error names the 1-based line and the field tag, so the sender can find it in the file. */
export function fail(line: number | undefined, tag: string | undefined, message: string): never {
  const where = `${line !== undefined ? ` line ${line}` : ''}${tag ? ` (${tag})` : ''}`;
  throw new StatementParseError(`MT940${where}: ${message}`, { line, element: tag });
}
