/**
 * Settlement rules without I/O: the bank's transfer references and what may follow what on a payout.
 */

/**
 * A bank's UTR for the transfer: NEFT, 16 characters before 2024 and 22 since (the sending bank's 4-letter code, N,
 * then the bank's serial); RTGS, XXXXRCYYYYMMDD######## (bank code, RC, the value date, an 8-digit serial).
 * Answers the problem, or undefined when it is one.
 */
export function utrProblem(utr: string): string | undefined {
  if (/^[A-Z]{4}N[A-Z0-9]{11}$/.test(utr) || /^[A-Z]{4}N[A-Z0-9]{17}$/.test(utr)) return undefined;
  const rtgs = /^[A-Z]{4}RC(\d{4})(\d{2})(\d{2})\d{8}$/.exec(utr);
  if (rtgs) {
    const [, year, month, day] = rtgs;
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `${year}-${month}-${day}`;
    return real ? undefined : `RTGS UTR ${utr} carries no real date`;
  }
  return 'a UTR is a NEFT reference (bank code, N, 11 or 17 more letters or digits) or an RTGS one (bank code, RC, YYYYMMDD, 8 digits)';
}

export type PayoutStatus = 'PENDING' | 'PAID' | 'FAILED' | 'REVERSED';
export type PayoutOutcome = 'PAID' | 'FAILED' | 'REVERSED';

/**
 * What may follow what. PENDING takes any outcome. A PAID payout is not FAILED on our say: only the bank's return of a
 * credited transfer (REVERSED, with its reason) undoes it. FAILED and REVERSED are final.
 */
export function outcomeRefusal(current: PayoutStatus, next: PayoutOutcome): 'PAYOUT_ALREADY_FINAL' | 'PAYOUT_ALREADY_PAID' | undefined {
  if (current === 'PENDING') return undefined;
  if (current === 'PAID') return next === 'REVERSED' ? undefined : next === 'PAID' ? 'PAYOUT_ALREADY_FINAL' : 'PAYOUT_ALREADY_PAID';
  return 'PAYOUT_ALREADY_FINAL';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: anything else names nothing, answered as not found rather than as a failed uuid cast. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
