import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { canonicalJson } from '@postal/events';
import { describe, expect, it } from 'vitest';
import { APPROVAL_MAC_INFO, approvalPayloadMac, verifyApprovalPayloadMac } from './index.js';

const secret = 'a'.repeat(40);
const payload = { username: 'ravi', role: 'COUNTER_CLERK', amounts: ['1.00', '2.50'] };

describe('the approval payload MAC', () => {
  it('is HMAC-SHA256 over the canonical JSON of kind and payload, keyed by HKDF of the secret', () => {
    const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), APPROVAL_MAC_INFO, 32));
    const expected = createHmac('sha256', key).update(canonicalJson({ kind: 'ROLE_GRANT', payload })).digest('hex');
    expect(approvalPayloadMac(secret, 'ROLE_GRANT', payload)).toBe(expected);
    // Not the identity header's key: the secret itself is never the MAC key.
    expect(expected).not.toBe(createHmac('sha256', secret).update(canonicalJson({ kind: 'ROLE_GRANT', payload })).digest('hex'));
  });

  it('verifies what it made, whatever the key order, and nothing else', () => {
    const mac = approvalPayloadMac(secret, 'ROLE_GRANT', payload);
    expect(verifyApprovalPayloadMac(secret, 'ROLE_GRANT', { amounts: ['1.00', '2.50'], role: 'COUNTER_CLERK', username: 'ravi' }, mac)).toBe(true);
    expect(verifyApprovalPayloadMac(secret, 'ROLE_GRANT', { ...payload, role: 'ADMIN' }, mac)).toBe(false);
    expect(verifyApprovalPayloadMac(secret, 'MANUAL_JOURNAL', payload, mac)).toBe(false);
    expect(verifyApprovalPayloadMac('b'.repeat(40), 'ROLE_GRANT', payload, mac)).toBe(false);
    expect(verifyApprovalPayloadMac(secret, 'ROLE_GRANT', payload, mac.toUpperCase())).toBe(false);
    expect(verifyApprovalPayloadMac(secret, 'ROLE_GRANT', payload, mac.slice(2))).toBe(false);
    expect(verifyApprovalPayloadMac(secret, 'ROLE_GRANT', { bad: Number.NaN }, mac)).toBe(false);
  });

  it('refuses a plain SHA-256 of the payload, which anyone who can write the database can recompute', () => {
    const plain = createHash('sha256').update(canonicalJson(payload)).digest('hex');
    expect(verifyApprovalPayloadMac(secret, 'ROLE_GRANT', payload, plain)).toBe(false);
  });
});
