import type { StatementFormat } from './model.js';

/** Enough to see the XML root and its namespace, the SWIFT blocks, or a CSV export's preamble and header. */
const PROBE_BYTES = 8 * 1024;
const CAMT_NAMESPACE = /urn:iso:std:iso:20022:tech:xsd:camt\.(053|054)\.\d{3}\.\d{2}/;
const CAMT_MESSAGE = /<(?:\w+:)?(BkToCstmrStmt|BkToCstmrDbtCdtNtfctn)[\s>]/;
/** SOH/ETX/SUB around SWIFT messages, as the MT940 reader drops them. */
const SWIFT_CONTROLS = /[\u0001\u0003\u001a]/g;
/** Control characters no text export has: a binary file (PDF, XLSX zip, image). */
const BINARY = /[\u0000-\u0008\u000b\u000e-\u0019\u001b-\u001f\u007f]/;

function probeText(content: Buffer | string): string {
  const head = typeof content === 'string' ? content.slice(0, PROBE_BYTES) : content.subarray(0, PROBE_BYTES).toString('utf8');
  return head.replace(/^\ufeff/, '');
}

/**
 * Which reader a file is for, from its first 8 KB only: camt.053 / camt.054 by the XML namespace (else the message
 * element), MT940 / MT942 by the {2:} block or, without the envelope, by a first line ':20:' and the fields that tell
 * MT942 (:34F:/:13D: and no :60a:), the way parseMt940 tells them; else delimited text is 'CSV'. null for anything
 * else (other XML, binary, a single column of prose): such a file is not a statement we read.
 */
export function detectStatementFormat(content: Buffer | string): StatementFormat | null {
  const head = probeText(content);
  const text = head.replace(SWIFT_CONTROLS, '').trimStart();
  if (text.startsWith('<')) {
    const kind = CAMT_NAMESPACE.exec(text)?.[1] ?? { BkToCstmrStmt: '053', BkToCstmrDbtCdtNtfctn: '054' }[CAMT_MESSAGE.exec(text)?.[1] ?? ''];
    return kind === '053' ? 'CAMT_053' : kind === '054' ? 'CAMT_054' : null;
  }
  if (/^\{[1-4]:/.test(text)) {
    const type = /\{2:[IO](\d{3})/.exec(text)?.[1];
    if (type === '940') return 'MT940';
    if (type === '942') return 'MT942';
    return type === undefined && /(^|\n|\{4:\s*)\s*:20:/.test(text) ? swiftByFields(text) : null;
  }
  if (text.startsWith(':20:')) return swiftByFields(text);
  if (!isPlainText(content)) return null;
  return looksDelimited(text) ? 'CSV' : null;
}

/**
 * Text that is not XML, SWIFT, JSON or binary: what a CSV export could be even when its first lines do not show it
 * (a header and one row with a quoted delimiter). parseStatementFile lets the CSV reader judge such a file when the
 * caller says it is CSV.
 */
export function isPlainText(content: Buffer | string): boolean {
  const head = probeText(content);
  const text = head.replace(SWIFT_CONTROLS, '').trimStart();
  // JSON (or anything else bracketed) has commas on every line too; it is no bank export.
  return text !== '' && !BINARY.test(head) && !/^[{[<]/.test(text) && !text.startsWith(':20:');
}

/** Fields of one line, a quoted delimiter not counted (a quote opens a field only at its start). */
function fieldCount(line: string, delimiter: string): number {
  let count = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') quoted = line[i + 1] === '"' ? (i++, true) : false;
    } else if (ch === delimiter) {
      count++;
    } else if (ch === '"' && (i === 0 || line[i - 1] === delimiter)) {
      quoted = true;
    }
  }
  return count;
}

function swiftByFields(text: string): 'MT940' | 'MT942' {
  const has = (tag: RegExp) => new RegExp(`(^|\\n)\\s*${tag.source}`).test(text);
  return (has(/:34F:/) || has(/:13D:/)) && !has(/:60[FM]:/) ? 'MT942' : 'MT940';
}

/**
 * A CSV export: some delimiter splits at least two lines into the same number (two or more) of fields. Preamble lines
 * and quoted delimiters make the count vary, so it asks for two lines that agree, not for every line.
 */
function looksDelimited(text: string): boolean {
  const lines = text.split(/\r\n|\n|\r/).slice(0, 60);
  // The last line of the probe may be cut off in the middle.
  if (lines.length > 1 && text.length >= PROBE_BYTES - 4) lines.pop();
  return [',', ';', '|', '\t'].some((delimiter) => {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const fields = fieldCount(line, delimiter);
      if (fields < 2) continue;
      counts.set(fields, (counts.get(fields) ?? 0) + 1);
      if (counts.get(fields)! >= 2) return true;
    }
    return false;
  });
}
