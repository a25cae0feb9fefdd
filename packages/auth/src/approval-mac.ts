import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '@postal/events';

/*
 * The stored "hash" of an approval request's payload is a keyed MAC, so that someone who can write the database but
 * does not hold the server secret (a database superuser, a restored dump, a compromised replica) cannot alter a
 * payload and recompute a matching value: a plain SHA-256 anyone can recompute. The key is derived from
 * IDENTITY_SECRET, which administration and every executing subgraph already hold, so there is no new secret to
 * distribute; HKDF with a purpose-specific info string keeps it independent of the identity-header HMAC key (the same
 * secret is never used directly for two purposes). Changing APPROVAL_MAC_INFO, or the secret, invalidates every
 * pending request (they fail PAYLOAD_TAMPERED), which is the safe direction.
 */
export const APPROVAL_MAC_INFO = 'postal-finance approval payload mac v1';

const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    if (secret.length === 0) throw new Error('the approval payload MAC needs the identity secret');
    key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), APPROVAL_MAC_INFO, 32));
    // Bounded: a process holds one or two secrets (tests make a few).
    if (keys.size > 16) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

/**
 * HMAC-SHA256, lower-case hex, over the canonical JSON of { kind, payload }: the kind is covered so that a payload
 * approved as one kind cannot be replayed as another. Throws on a payload canonical JSON refuses.
 */
export function approvalPayloadMac(secret: string, kind: string, payload: unknown): string {
  return createHmac('sha256', keyFor(secret)).update(canonicalJson({ kind, payload }), 'utf8').digest('hex');
}

/** Whether `mac` is the MAC of this kind and payload, compared in constant time; false for anything malformed. */
export function verifyApprovalPayloadMac(secret: string, kind: string, payload: unknown, mac: string): boolean {
  let expected: Buffer;
  try {
    expected = Buffer.from(approvalPayloadMac(secret, kind, payload), 'hex');
  } catch {
    // A value canonical JSON refuses cannot be what was MACed and approved.
    return false;
  }
  if (!/^[0-9a-f]{64}$/.test(mac)) return false;
  return timingSafeEqual(expected, Buffer.from(mac, 'hex'));
}
