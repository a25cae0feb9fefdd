/**
 * One-time codes: the payee's OTP (6 digits), the iMO secret code (16 digits) and the sender's stop code. A code is
 * stored only as an HMAC-SHA256 under a server key, bound to the order and the purpose: a 6-digit code hashed without
 * a key is found from a database copy in a second (a million guesses), with the key it cannot be tested offline.
 * The same keyed hash identifies a sender (phone and ID document) for the monthly cap without keeping a lookup of
 * who sent what in clear.
 */
import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';

export type CodePurpose = 'PAYOUT' | 'STOP';

export interface CodeHasher {
  hash(orderId: string, purpose: CodePurpose, code: string): string;
  matches(orderId: string, purpose: CodePurpose, code: string, stored: string): boolean;
  /** The sender's identity for limits: phone and normalised ID document. */
  senderKey(phone: string, idDocument: string): string;
  /** An ID document's keyed hash, to compare at refund without showing it. */
  documentHash(orderId: string, idDocument: string): string;
}

/**
 * The key comes from the subgraph's identity secret through HKDF with its own label, so it is independent of the
 * signing key without another secret to provision; an operator may give a dedicated one (codeSecret).
 */
export function createCodeHasher(secret: string, label = 'postal-finance/money-order-codes/v1'): CodeHasher {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), Buffer.from(label, 'utf8'), 32));
  const mac = (...parts: string[]) => createHmac('sha256', key).update(parts.join('\u0000'), 'utf8').digest('hex');
  return {
    hash: (orderId, purpose, code) => mac('code', orderId, purpose, code),
    matches(orderId, purpose, code, stored) {
      const candidate = Buffer.from(mac('code', orderId, purpose, code), 'hex');
      const expected = Buffer.from(stored, 'hex');
      return candidate.length === expected.length && timingSafeEqual(candidate, expected);
    },
    senderKey: (phone, idDocument) => mac('sender', phone, idDocument),
    documentHash: (orderId, idDocument) => mac('document', orderId, idDocument),
  };
}

/** `length` random decimal digits from the CSPRNG (crypto.randomInt draws without modulo bias). */
export function randomDigits(length: number): string {
  let digits = '';
  while (digits.length < length) digits += String(randomInt(0, 10));
  return digits;
}

export const OTP_LENGTH = 6;
export const SECRET_CODE_LENGTH = 16;

/** A code as typed: digits only (spaces and dashes dropped, as people group a 16-digit code). */
export function normaliseCode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{1,32}$/.test(digits) ? digits : undefined;
}
