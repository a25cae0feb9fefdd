import type { ApprovalPayloadParse } from '@postal/server';
import type { BankChangePayload } from '../billers/bank-change.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHECKS: Record<keyof BankChangePayload, (value: unknown) => boolean> = {
  billerId: (value) => typeof value === 'string' && UUID.test(value),
  billerCode: (value) => typeof value === 'string' && /^BL[0-9]{6}$/.test(value),
  bankAccountId: (value) => typeof value === 'string' && UUID.test(value),
  holderName: (value) => typeof value === 'string' && value.length > 0 && value.length <= 100,
  accountNumber: (value) => typeof value === 'string' && /^[0-9]{9,18}$/.test(value),
  ifsc: (value) => typeof value === 'string' && /^[A-Z]{4}0[A-Z0-9]{6}$/.test(value),
  reason: (value) => typeof value === 'string' && value.length > 0 && value.length <= 500,
};

/** A COD_BANK_CHANGE payload read back field by field; the problem names the first field that is not as submitted. */
export function parseBankChangePayload(payload: Record<string, unknown>): ApprovalPayloadParse<BankChangePayload> {
  for (const [field, check] of Object.entries(CHECKS)) {
    if (!check(payload[field])) return { ok: false, problem: `${field} is missing or malformed` };
  }
  return { ok: true, payload: Object.fromEntries(Object.keys(CHECKS).map((field) => [field, payload[field]])) as unknown as BankChangePayload };
}
