import { SaxesParser, type SaxesTagNS } from 'saxes';
import { StatementParseError } from '../model.js';
import { camtMessageOf, type CamtMessage } from './namespaces.js';

/** One element of the document, built only for the parts of the file the reader hands out (see readCamt). */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
  /** Line of the start tag, for errors. */
  line: number;
  /** 'Document/BkToCstmrStmt/Stmt[2]/Ntry[17]/Amt', for errors. */
  path: string;
}

/** What the reader reports, in document order. */
export interface CamtHandler {
  message(message: CamtMessage): void;
  groupHeader(node: XmlNode): void;
  recordStart(path: string, line: number): void;
  /** A direct child of Stmt/Ntfctn (Id, Acct, Bal, Ntry, ...), complete: its subtree has closed. */
  recordChild(node: XmlNode): void;
  recordEnd(): void;
}

/** Elements that repeat, whose position the error paths give. */
const INDEXED = new Set(['Stmt', 'Ntfctn', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd']);

interface Frame {
  name: string;
  path: string;
  /** The element being built, below GrpHdr or a record's child; undefined above. */
  node?: XmlNode;
  /** Same-named children seen so far, for the [n] in paths. */
  seen: Map<string, number>;
}

const CHUNK = 1 << 16;

/**
 * The saxes state machine: Document > message element > GrpHdr | Stmt/Ntfctn > children. Only a record's direct
 * children are built as trees, one at a time, and handed out when they close, so a 100,000-entry statement never sits
 * whole in memory as XML: each Ntry is a small tree for as long as it takes to map it. Elements in another namespace
 * (SplmtryData's Envlp content) are skipped with their subtree.
 */
export function readCamt(xml: string | Buffer, handler: CamtHandler): void {

  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Frame[] = [];
  let message: CamtMessage | undefined;
  let namespace = '';
  let skipDepth = 0;
  let sawRoot = false;

  const fail = (reason: string, element: string | undefined, line = parser.line): never => {
    throw new StatementParseError(`camt: ${reason} (line ${line}${element ? `, ${element}` : ''})`, { line, element });
  };

  parser.on('opentag', (tag: SaxesTagNS) => {
    if (skipDepth > 0) {
      skipDepth += 1;
      return;
    }
    const parent = stack[stack.length - 1];
    const name = tag.local;
    if (!parent) {
      if (sawRoot) fail('a second root element', name);
      sawRoot = true;
      if (name !== 'Document') fail(`the root element is ${tag.name}, not a camt Document`, tag.name);
      message = camtMessageOf(tag.uri);
      if (!message) {
        fail(`Document's namespace "${tag.uri}" is not camt.053 or camt.054 (version 02 or later)`, 'Document');
      }
      namespace = tag.uri;
      handler.message(message!);
      stack.push({ name, path: name, seen: new Map() });
      return;
    }
    if (tag.uri !== namespace) {
      skipDepth = 1;
      return;
    }
    const count = (parent.seen.get(name) ?? 0) + 1;
    parent.seen.set(name, count);
    const path = `${parent.path}/${name}${INDEXED.has(name) ? `[${count}]` : ''}`;
    const depth = stack.length;
    const frame: Frame = { name, path, seen: new Map() };
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      if (!attribute.prefix) attributes[attribute.local] = attribute.value;
    }
    const node = (): XmlNode => ({ name, attributes, children: [], text: '', line: parser.line, path });

    if (depth === 1) {
      if (name !== message!.messageElement) {
        fail(`${name} is not the ${message!.messageElement} a ${message!.version} Document holds`, path);
      }
    } else if (depth === 2) {
      if (name === 'GrpHdr') frame.node = node();
      else if (name === message!.recordElement) handler.recordStart(path, parser.line);
      else if (name !== 'SplmtryData') fail(`unexpected ${name} in ${message!.messageElement}`, path);
    } else if (parent.node) {
      frame.node = node();
      parent.node.children.push(frame.node);
    } else if (depth === 3 && parent.name === message!.recordElement) {
      frame.node = node();
    }
    stack.push(frame);
  });

  parser.on('text', (chunk: string) => {
    if (skipDepth > 0) return;
    const node = stack[stack.length - 1]?.node;
    if (node) node.text += chunk;
  });

  parser.on('closetag', () => {
    if (skipDepth > 0) {
      skipDepth -= 1;
      return;
    }
    const frame = stack.pop()!;
    const depth = stack.length;
    if (frame.node) frame.node.text = frame.node.text.trim();
    if (depth === 2 && frame.name === 'GrpHdr') handler.groupHeader(frame.node!);
    else if (depth === 2 && frame.name === message!.recordElement) handler.recordEnd();
    else if (depth === 3 && frame.node && stack[2]!.name === message!.recordElement) handler.recordChild(frame.node);
  });

  // saxes throws its own Error from fail(); ours (StatementParseError) pass through untouched.
  parser.on('error', (error: Error) => {
    throw new StatementParseError(`camt: not well-formed XML: ${error.message}`, { line: parser.line });
  });

  if (typeof xml === 'string') {
    const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
    for (let offset = 0; offset < text.length; offset += CHUNK) parser.write(text.slice(offset, offset + CHUNK));
  } else {
    // Decoded a slice at a time (a character split across slices is carried over), so the file is not held twice.
    // ISO 20022 files are UTF-8; bytes that are not UTF-8 are refused rather than read as U+FFFD.
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    const decode = (bytes?: Buffer): string => {
      try {
        return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
      } catch {
        return fail('the file is not UTF-8', undefined);
      }
    };
    for (let offset = 0; offset < xml.length; offset += CHUNK) parser.write(decode(xml.subarray(offset, offset + CHUNK)));
    parser.write(decode());
  }
  parser.close();
  if (!sawRoot) fail('no root element', undefined);
}
