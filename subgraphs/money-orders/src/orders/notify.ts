import type { Delivery } from '@postal/notify';
import type { OrderDeps } from './deps.js';
import type { MoneyOrderRow } from './repository.js';

/**
 * Sends a code to a customer through the notifier (SMS in production; the local outbox in the embedded default, read
 * with `npm run notifications -- <phone>`). The change that needed the code has committed: a failed send is logged
 * and answered as not sent, and the clerk sends it again (resendMoneyOrderCode). The code is never logged.
 */
export async function sendCode(deps: OrderDeps, order: MoneyOrderRow, code: string, to: 'payee' | 'sender' | 'stop'): Promise<Delivery | undefined> {
  const phone = to === 'payee' ? order.payeePhone : order.senderPhone;
  const body =
    to === 'payee'
      ? `Money order ${order.reference} for ${order.currency} ${order.amount} is on its way to you. Your one-time password to collect it: ${code}. Never share it except at the post office counter.`
      : to === 'sender'
        ? `Instant money order ${order.reference}: the secret code is ${code}. Give it only to the payee, who shows it at the counter.`
        : `Code to stop money order ${order.reference}: ${code}. It works for 15 minutes.`;
  try {
    return await deps.notifier.send({
      recipient: { staffId: 'customer', username: phone, mobile: phone },
      kind: to === 'stop' ? 'MO_STOP_CODE' : to === 'sender' ? 'MO_SECRET_CODE' : 'MO_OTP',
      subject: `Money order ${order.reference}`,
      body,
    });
  } catch (error) {
    deps.logger?.warn({ reference: order.reference, err: error instanceof Error ? error.message : String(error) }, 'money-order code not sent');
    return undefined;
  }
}
