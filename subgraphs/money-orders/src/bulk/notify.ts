import type { WrittenBooking } from '../orders/book.js';
import type { OrderDeps } from '../orders/deps.js';
import { sendCode } from '../orders/notify.js';

/**
 * Sends to this many people at once: a file of 10,000 payees is not 10,000 round trips in a row to the SMS provider,
 * nor 10,000 requests at once. sendCode logs a failed send and goes on (the clerk resends it: resendMoneyOrderCode).
 */
export const SEND_CONCURRENCY = 16;

export async function sendCodes(deps: OrderDeps, written: readonly WrittenBooking[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < written.length) {
      const booking = written[next++]!;
      await sendCode(deps, booking.order, booking.code, booking.codeTo);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, written.length) }, worker));
}
