/**
 * The code the payee (or, for an instant order, the sender) gives at the counter: a 6-digit one-time password sent to
 * the payee, or the instant order's 16-digit secret code. Spaces a person types between groups are dropped. Which one
 * an order takes is its product's; the server counts every wrong code (five lock the order), so the console refuses
 * only what cannot be a code at all, never a well-formed wrong one.
 */
export const OTP_LENGTH = 6;
export const SECRET_CODE_LENGTH = 16;

export type PayCode = { ok: true; otp: string } | { ok: true; secretCode: string } | { ok: false; message: string };

export function codeKindOf(product: string): 'otp' | 'secret' {
  return product === 'INSTANT' ? 'secret' : 'otp';
}

export function readPayCode(product: string, text: string): PayCode {
  const digits = text.replace(/[\s-]/g, '');
  const kind = codeKindOf(product);
  const length = kind === 'secret' ? SECRET_CODE_LENGTH : OTP_LENGTH;
  if (digits === '') return { ok: false, message: kind === 'secret' ? 'Enter the 16-digit secret code the sender was given.' : 'Enter the 6-digit code sent to the payee.' };
  if (!/^\d+$/.test(digits) || digits.length !== length) {
    return { ok: false, message: kind === 'secret' ? `The secret code is ${SECRET_CODE_LENGTH} digits.` : `The one-time password is ${OTP_LENGTH} digits.` };
  }
  return kind === 'secret' ? { ok: true, secretCode: digits } : { ok: true, otp: digits };
}

/** The server's rule for phones (E.164: +, the country code, the number), with the spaces and dashes it drops. */
export function phoneProblem(text: string): string | undefined {
  const phone = text.replace(/[\s-]/g, '');
  if (phone === '') return 'Enter the phone number, e.g. +919812345678.';
  if (!/^\+[1-9]\d{7,14}$/.test(phone)) return 'A phone number is + then the country code and number, e.g. +919812345678.';
  return undefined;
}

export function normalisePhone(text: string): string {
  return text.replace(/[\s-]/g, '');
}
