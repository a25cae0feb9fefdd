import type { Counterparty, LineReferences } from '../model.js';
import { isIban } from './values.js';

export interface Info86 {
  /** The field as written, lines joined with '\n' (trailing blanks trimmed). */
  text: string;
  remittanceInformation?: string;
  references: Pick<LineReferences, 'endToEndId' | 'mandateId' | 'ownerReference'>;
  counterparty?: Counterparty;
  /** German GVC (the 3 digits before the first '?'), ?00 posting text, ?10 prima nota, ?34 return reason. */
  businessCode?: string;
  postingText?: string;
  primaNota?: string;
  returnReason?: string;
  /** SEPA keys found in the remittance (EREF, KREF, MREF, CRED, SVWZ, ABWA, ...). */
  sepa?: Record<string, string>;
}

const SEPA_KEYS = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT|BREF|RREF|PURP|IBAN|BIC)\+/g;
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** SEPA keys: each value runs to the next key (values may span ?2x subfields, as in the DFÜ-Abkommen). */
function sepaKeys(text: string): Record<string, string> | undefined {
  const hits = [...text.matchAll(SEPA_KEYS)];
  if (hits.length === 0 || hits[0]!.index !== 0) return undefined;
  const out: Record<string, string> = {};
  hits.forEach((hit, i) => {
    const end = i + 1 < hits.length ? hits[i + 1]!.index : text.length;
    out[hit[1]!] ??= text.slice(hit.index + hit[0].length, end).trim();
  });
  return out;
}

const none = (v: string | undefined) => (v === undefined || v === '' || v === 'NONREF' ? undefined : v);

/**
 * :86: information to the account owner. Structured when it starts with a 3-digit business code and '?' subfields
 * (German/SEPA layout); the lines are then joined without a separator, since banks wrap at a fixed width mid-word.
 * Anything else is kept as remittance information with its line breaks.
 */
export function parseInfo86(lines: string[]): Info86 {
  const text = lines.map((l) => l.trimEnd()).join('\n').trim();
  const joined = lines.join('').trim();
  const head = /^(\d{3})\?/.exec(joined);
  if (!head) return { text, references: {}, remittanceInformation: text === '' ? undefined : text };

  const subfields = new Map<string, string>();
  for (const m of joined.slice(3).matchAll(/\?(\d{2})([^?]*)/g)) {
    subfields.set(m[1]!, (subfields.get(m[1]!) ?? '') + m[2]!);
  }
  const get = (...keys: string[]) => keys.map((k) => subfields.get(k) ?? '').join('').trim() || undefined;
  const remittance = get('20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '60', '61', '62', '63');
  const sepa = remittance ? sepaKeys(remittance) : undefined;

  const counterparty: Counterparty = {};
  const name = get('32', '33');
  if (name) counterparty.name = name;
  const bankCode = get('30');
  const account = get('31');
  // ?38 carries the IBAN in some (Polish) layouts, next to a domestic ?30 bank code + ?31 account; keep both.
  const iban = [get('38'), account].find((v) => v !== undefined && isIban(v));
  if (bankCode && BIC.test(bankCode)) counterparty.bic = bankCode;
  if (iban) counterparty.iban = iban;
  if (account && account !== iban) {
    // A German BLZ (8 digits) in ?30 is a bank code, not a BIC: written before the account as :25: does.
    counterparty.account = bankCode && !BIC.test(bankCode) ? `${bankCode}/${account}` : account;
  }

  return {
    text,
    remittanceInformation: sepa?.SVWZ || remittance,
    references: {
      endToEndId: none(sepa?.EREF),
      mandateId: none(sepa?.MREF),
      ownerReference: none(sepa?.KREF),
    },
    counterparty: Object.keys(counterparty).length > 0 ? counterparty : undefined,
    businessCode: head[1],
    postingText: get('00'),
    primaNota: get('10'),
    returnReason: get('34'),
    sepa,
  };
}
