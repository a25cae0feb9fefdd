import { StatementParseError } from '../model.js';
import { StatementTooLargeError } from './errors.js';

/** What a statement import reads at most: a year of a busy collection account fits many times over. */
export const MAX_STATEMENT_BYTES = 100 * 1024 * 1024;
export const MAX_CSV_ROWS = 1_000_000;

/**
 * A file's bytes as text: UTF-8 (the encoding net-banking exports use; anything else is refused rather than read as
 * mojibake), the BOM dropped. The size is checked before anything is decoded.
 */
export function decodeStatementText(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
  if (bytes > MAX_STATEMENT_BYTES) {
    throw new StatementTooLargeError(`the file is ${bytes} bytes; a statement file may be at most 100 MB`, { maxBytes: MAX_STATEMENT_BYTES });
  }
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      const line = lineOfFirstInvalidByte(content);
      throw new StatementParseError(`line ${line}: the file is not UTF-8 text`, { line });
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Only for the error message: the first prefix that fails to decode tells the line. */
function lineOfFirstInvalidByte(content: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const text = decoder.decode(content);
  const at = text.indexOf('\ufffd');
  return at < 0 ? 1 : text.slice(0, at).split(/\r\n|\n|\r/).length;
}
