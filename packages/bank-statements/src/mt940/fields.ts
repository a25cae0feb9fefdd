import { fail } from './errors.js';

/** One tagged field: its tag (':61:' without colons, e.g. '61'), the line it starts on and its text lines. */
export interface RawField {
  tag: string;
  line: number;
  /** First line is the text after the tag; the rest are continuation lines, untrimmed (:86: wraps mid-word). */
  lines: string[];
}

export interface RawMessage {
  /** From block 2 ({2:O940...}) when the message has the SWIFT envelope. */
  messageType?: string;
  startLine: number;
  fields: RawField[];
}

const TAG = /^:([0-9]{2}[A-Z]?|NS):/;
// Control characters some banks wrap files in (SOH/ETX in mBank's, SUB at the end of DOS files, a BOM).
const EDGE_CONTROLS = /^[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufeff]+|[\u0000-\u0008\u000b\u000c\u000e-\u001f]+$/g;

/** Consumes leading {n:...} blocks (balanced braces); returns the rest, or null when a block is left open. */
function stripBlocks(line: string, onBlock: (n: string, body: string) => void): { rest: string; inBlock4: boolean } {
  let rest = line;
  let inBlock4 = false;
  for (;;) {
    const m = /^\{([1-5]):/.exec(rest);
    if (!m) return { rest, inBlock4 };
    if (m[1] === '4') {
      inBlock4 = true;
      rest = rest.slice(3);
      continue;
    }
    let depth = 0;
    let end = -1;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '{') depth++;
      else if (rest[i] === '}' && --depth === 0) {
        end = i;
        break;
      }
    }
    if (end < 0) return { rest: '', inBlock4 };
    onBlock(m[1]!, rest.slice(3, end));
    rest = rest.slice(end + 1);
  }
}

/**
 * Splits a file into messages and their tagged fields, with 1-based line numbers. A message ends at a '-' line
 * ('-}' in the envelope), at a new :20:, or at the end of the file; a message opened with the {4: envelope must be
 * closed by '-}', or the file is truncated and refused.
 */
export function splitMessages(text: string): RawMessage[] {
  const lines = text.split(/\r\n|\n|\r/);
  const messages: RawMessage[] = [];
  let current: RawMessage | undefined;
  let enveloped = false;
  let pendingType: string | undefined;
  let last: RawField | undefined;

  const close = () => {
    if (current) messages.push(current);
    current = undefined;
    last = undefined;
    enveloped = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    let line = lines[i]!.replace(EDGE_CONTROLS, '');
    if (line.startsWith('{')) {
      const stripped = stripBlocks(line, (block, body) => {
        if (block === '2') {
          const type = /^[IO](\d{3})/.exec(body);
          pendingType = type?.[1];
        }
      });
      if (stripped.inBlock4) {
        if (current) fail(current.startLine, ':20:', `message starting on line ${current.startLine} has no end ('-}') before the next message`);
        enveloped = true;
      }
      line = stripped.rest;
    }
    const trimmed = line.trimEnd();
    if (trimmed === '') continue;
    if (/^-(\}.*)?$/.test(trimmed)) {
      if (!current && !enveloped) fail(n, undefined, `'-' ends a message, but no message is open`);
      if (enveloped && !trimmed.startsWith('-}')) fail(n, undefined, `a message in the {4: envelope ends with '-}'`);
      if (!current) fail(n, undefined, 'empty message');
      close();
      pendingType = undefined;
      continue;
    }
    const tag = TAG.exec(trimmed);
    if (tag) {
      const field: RawField = { tag: tag[1]!, line: n, lines: [line.slice(tag[0].length)] };
      if (field.tag === '20') {
        if (current && enveloped) fail(n, ':20:', `a second :20: inside one {4: block (message from line ${current.startLine})`);
        if (current) close();
        current = { messageType: pendingType, startLine: n, fields: [] };
      } else if (!current) {
        fail(n, `:${field.tag}:`, 'a message must start with :20:');
      }
      current!.fields.push(field);
      last = field;
      continue;
    }
    if (!last) fail(n, undefined, `not MT940/MT942 text: expected a field such as ':20:', got ${JSON.stringify(trimmed.slice(0, 40))}`);
    last.lines.push(line);
  }
  if (current && enveloped) fail(lines.length, undefined, `file ends inside the message starting on line ${current.startLine} (no '-}'): truncated`);
  close();
  if (messages.length === 0) fail(1, undefined, 'no MT940/MT942 message found (no :20: field)');
  return messages;
}
