/**
 * Canonical JSON: the one serialisation every hash in the system is taken over (the audit trail's chain, approval
 * payload hashes, the journal's seals). Its bytes must come out the same on every machine and in every release for
 * the same value, or a verifier would report tampering that never happened; so it is one pure function, shared, with
 * its own tests, and any change to it is a change of every format that uses it.
 *
 * The form is JSON in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no whitespace, strings
 * escaped as JSON.stringify escapes them (non-ASCII kept as UTF-8, lone surrogates escaped), numbers in ECMAScript's
 * shortest round-trip form. Anything JSON cannot carry exactly (NaN, undefined, dates, decimals, class instances) is
 * refused rather than guessed at: callers convert such values to strings themselves, in a format they document.
 */

/** Bounds the nesting, so a hostile document cannot exhaust the stack. */
const MAX_DEPTH = 32;

/** JSON with sorted keys and no whitespace; refuses values JSON cannot carry exactly. */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new RangeError(`nested deeper than ${MAX_DEPTH} levels`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
      // -0 and 0 are the same JSON number.
      return JSON.stringify(value === 0 ? 0 : value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, depth + 1)).join(',')}]`;
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) {
        throw new TypeError('only plain objects have a canonical form (convert dates and decimals to strings first)');
      }
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.some(([, item]) => item === undefined)) throw new TypeError('undefined has no JSON form; use null or leave the key out');
      // Default sort compares UTF-16 code units, which is what RFC 8785 prescribes.
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item, depth + 1)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`a ${typeof value} has no JSON form`);
  }
}
