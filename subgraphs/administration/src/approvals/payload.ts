import { approvalPayloadMac, verifyApprovalPayloadMac } from '@postal/auth';
import { canonicalJson } from '@postal/events';

/**
 * An approval's payload is what the checker approves, so its bytes must not depend on who serialised it: the hash is
 * taken over a canonical JSON form (object keys sorted by UTF-16 code unit, no whitespace, JSON.stringify's string
 * escapes and number form). For the values accepted here that is RFC 8785 (JCS). The payload goes through jsonb and
 * back, so only values that survive that unchanged are accepted: plain objects, arrays, strings without NUL,
 * booleans, null, and safe integers. Amounts and other decimals travel as strings (money is never a JS number).
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type ApprovalPayload = { [key: string]: JsonValue };

/** Limits: a payload is a command, not a document. */
export const MAX_PAYLOAD_BYTES = 16_384;
export const MAX_PAYLOAD_DEPTH = 8;

export type PayloadCheck = { ok: true; payload: ApprovalPayload; canonical: string } | { ok: false; problem: string };

/**
 * The canonical serialisation is the shared one from @postal/events (one implementation for every hash). Throws on a
 * value that has none (checkPayload says which and where).
 */
export { canonicalJson };

/**
 * The value stored as `payload_hash` and carried by events: HMAC-SHA256 over the canonical JSON of kind and payload,
 * keyed from IDENTITY_SECRET (@postal/auth approvalPayloadMac), so that a database superuser who alters a payload
 * cannot recompute it. Checked at approval and again by the owning subgraph at execution.
 */
export function payloadMac(secret: string, kind: string, payload: ApprovalPayload): string {
  return approvalPayloadMac(secret, kind, payload);
}

/** Whether the stored request's MAC still matches its stored kind and payload. */
export function payloadIntact(secret: string, request: { kind: string; payload: unknown; payloadHash: string }): boolean {
  return verifyApprovalPayloadMac(secret, request.kind, request.payload, request.payloadHash);
}

/** Checks a submitted payload against the rules above; answers its canonical form when it is acceptable. */
export function checkPayload(value: unknown): PayloadCheck {
  if (!isPlainObject(value)) return { ok: false, problem: 'the payload must be a JSON object' };
  const problem = problemIn(value, 'payload', 1);
  if (problem) return { ok: false, problem };
  const canonical = canonicalJson(value);
  const bytes = Buffer.byteLength(canonical, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) return { ok: false, problem: `the payload is ${bytes} bytes; at most ${MAX_PAYLOAD_BYTES}` };
  return { ok: true, payload: value as ApprovalPayload, canonical };
}

function problemIn(value: unknown, where: string, depth: number): string | undefined {
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'string') return value.includes('\u0000') ? `${where} contains a NUL character` : undefined;
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? undefined : `${where} is a number that is not a safe integer: send decimals as strings`;
  }
  if (typeof value !== 'object') return `${where} is a ${typeof value}, which JSON has not`;
  if (depth > MAX_PAYLOAD_DEPTH) return `${where} is nested deeper than ${MAX_PAYLOAD_DEPTH} levels`;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = problemIn(item, `${where}[${index}]`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return `${where} is not a plain object`;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${where} has a key containing a NUL character`;
    const problem = problemIn(item, `${where}.${key}`, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
