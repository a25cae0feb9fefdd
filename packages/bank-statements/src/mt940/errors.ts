import { StatementParseError } from '../model.js';

/** Every MT940 error names the 1-based line and the field tag, so the sender can find it in the file. */
export function fail(line: number | undefined, tag: string | undefined, message: string): never {
  const where = [line !== undefined ? `line ${line}` : undefined, tag ? `field ${tag}` : undefined]
    .filter(Boolean)
    .join(', ');
  throw new StatementParseError(`MT940: ${where ? `${where}: ` : ''}${message}`, { line, element: tag });
}
