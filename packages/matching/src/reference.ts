import { buildCandidate, type Candidate } from './candidate.js';
import type { Evidence } from './model.js';
import { containsKey, exactKey, MAX_TEXT_LENGTH } from './normalize.js';
import type { PreparedItem, PreparedLine } from './prepare.js';
import type { LineField, Rule } from './rules.js';

/**
 * EXACT_REFERENCE and REFERENCE_CONTAINS. Both look references up in hash maps built from one side, never comparing
 * every line with every item: an exact reference is one lookup per line field; "contains" slides a window of each
 * indexed reference length over the line's normalised text (at most MAX_TEXT_LENGTH characters × the number of
 * distinct reference lengths, at most 59, lookups per field).
 */

interface Hit<T> {
  side: T;
  field: string;
  value: string;
}

type Index<T> = Map<string, Hit<T>[]>;

function addHit<T extends { id: string }>(index: Index<T>, key: string, hit: Hit<T>): void {
  const list = index.get(key);
  if (!list) index.set(key, [hit]);
  // The same side under one key from two of its fields counts once (the first field in the rule's order).
  else if (list[list.length - 1]!.side.id !== hit.side.id) list.push(hit);
}

function indexSides<T extends { id: string; fields: Partial<Record<string, string>> }>(
  sides: readonly T[],
  fields: readonly string[],
  key: (value: string | undefined) => string | undefined,
): Index<T> {
  const index: Index<T> = new Map();
  // Sides come sorted by id, so every hit list is in id order.
  for (const side of sides) {
    for (const field of fields) {
      const value = side.fields[field];
      const normalised = key(value);
      if (normalised !== undefined) addHit(index, normalised, { side, field, value: value! });
    }
  }
  return index;
}

function referenceEvidence(lineField: string, lineValue: string, hits: Hit<unknown>[], relation: string): Evidence {
  const itemFields = [...new Set(hits.map((hit) => hit.field))].join('/');
  const itemValues = [...new Set(hits.map((hit) => hit.value))].join(',');
  return { field: 'reference', lineValue, itemValue: itemValues, detail: `${lineField} ${relation} ${itemFields}` };
}

/** Line-side lookups: for each of the line's fields, the index keys it names (equal, or contained in its text). */
type LineLookup = (line: PreparedLine, field: LineField) => string[];

function exactLookup(): LineLookup {
  return (line, field) => {
    const key = exactKey(line.fields[field]);
    return key === undefined ? [] : [key];
  };
}

function containsLookup(index: Index<PreparedItem>): LineLookup {
  const lengths = [...new Set([...index.keys()].map((key) => key.length))].sort((a, b) => a - b);
  return (line, field) => {
    const text = containsKey(line.fields[field], MAX_TEXT_LENGTH);
    if (text === undefined) return [];
    const found = new Set<string>();
    for (const length of lengths) {
      for (let start = 0; start + length <= text.length; start++) {
        const piece = text.slice(start, start + length);
        if (index.has(piece)) found.add(piece);
      }
    }
    return [...found].sort();
  };
}

/** ONE_TO_ONE and ONE_TO_MANY: each line looks up items by reference. */
function lineAnchored(
  rule: Rule,
  lines: readonly PreparedLine[],
  index: Index<PreparedItem>,
  lookup: LineLookup,
  relation: string,
  emit: (candidate: Candidate) => void,
): void {
  for (const line of lines) {
    for (const lineField of rule.lineFields) {
      for (const key of lookup(line, lineField)) {
        const hits = index.get(key);
        if (!hits) continue;
        const lineValue = line.fields[lineField]!;
        if (rule.strategy === 'ONE_TO_ONE') {
          for (const hit of hits) {
            const candidate = buildCandidate(rule, line.id, [line], [hit.side], {
              reference: referenceEvidence(lineField, lineValue, [hit], relation),
            });
            if (candidate) emit(candidate);
          }
        } else {
          const candidate = buildCandidate(
            rule,
            line.id,
            [line],
            hits.map((hit) => hit.side),
            { reference: referenceEvidence(lineField, lineValue, hits, relation), group: `items sharing ${key}` },
          );
          if (candidate) emit(candidate);
        }
      }
    }
  }
}

/** MANY_TO_ONE: each item gathers the lines that name its reference. */
function itemAnchored(
  rule: Rule,
  items: readonly PreparedItem[],
  lineIndex: Index<PreparedLine>,
  relation: string,
  emit: (candidate: Candidate) => void,
): void {
  for (const item of items) {
    for (const itemField of rule.itemFields) {
      const key = (rule.kind === 'EXACT_REFERENCE' ? exactKey : containsKey)(item.fields[itemField]);
      const hits = key === undefined ? undefined : lineIndex.get(key);
      if (!hits) continue;
      const itemValue = item.fields[itemField]!;
      const lineFields = [...new Set(hits.map((hit) => hit.field))].join('/');
      const lineValues = [...new Set(hits.map((hit) => hit.value))].join(',');
      const candidate = buildCandidate(
        rule,
        item.id,
        hits.map((hit) => hit.side),
        [item],
        {
          reference: { field: 'reference', lineValue: lineValues, itemValue, detail: `${lineFields} ${relation} ${itemField}` },
          group: `lines naming ${key}`,
        },
      );
      if (candidate) emit(candidate);
    }
  }
}

export function referenceCandidates(
  rule: Rule,
  lines: readonly PreparedLine[],
  items: readonly PreparedItem[],
  anchors: ReadonlySet<string> | undefined,
  emit: (candidate: Candidate) => void,
): void {
  const relation = rule.kind === 'EXACT_REFERENCE' ? '=' : 'contains';
  if (rule.strategy !== 'MANY_TO_ONE') {
    const key = rule.kind === 'EXACT_REFERENCE' ? exactKey : (value: string | undefined) => containsKey(value);
    const index = indexSides(items, rule.itemFields, key);
    if (index.size === 0) return;
    const lookup = rule.kind === 'EXACT_REFERENCE' ? exactLookup() : containsLookup(index);
    const anchored = anchors ? lines.filter((line) => anchors.has(line.id)) : lines;
    lineAnchored(rule, anchored, index, lookup, relation, emit);
    return;
  }
  // MANY_TO_ONE: index the lines by the keys they carry (equal) or contain, then let each item collect them.
  const lineIndex: Index<PreparedLine> = new Map();
  if (rule.kind === 'EXACT_REFERENCE') {
    for (const line of lines) {
      for (const field of rule.lineFields) {
        const key = exactKey(line.fields[field]);
        if (key !== undefined) addHit(lineIndex, key, { side: line, field, value: line.fields[field]! });
      }
    }
  } else {
    const itemIndex = indexSides(items, rule.itemFields, (value) => containsKey(value));
    if (itemIndex.size === 0) return;
    const lookup = containsLookup(itemIndex);
    for (const line of lines) {
      for (const field of rule.lineFields) {
        for (const key of lookup(line, field)) addHit(lineIndex, key, { side: line, field, value: line.fields[field]! });
      }
    }
  }
  const anchored = anchors ? items.filter((item) => anchors.has(item.id)) : items;
  itemAnchored(rule, anchored, lineIndex, relation, emit);
}

