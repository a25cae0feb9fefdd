import { Link } from 'react-router';
import { formatDate } from '../../format/dates';
import type { MoOrderFieldsFragment } from '../../gql/graphql';
import { Money } from '../../ui/Money';
import { productLabel, statusClass, statusLabel } from './labels';
import { groupReference } from './reference';

/** The few facts a clerk checks before acting on an order. */
export function OrderSummary({ order, payee, sender }: { order: MoOrderFieldsFragment; payee?: { name: string; phone: string }; sender?: { name: string; phone: string } }) {
  return (
    <dl className="detail-grid" aria-label="The order">
      <dt>Reference</dt>
      <dd>
        <Link to={`/money-orders/${order.reference}`} className="mono">{groupReference(order.reference)}</Link>
      </dd>
      <dt>Status</dt>
      <dd><span className={statusClass(order.status)}>{statusLabel(order.status)}</span>{order.lockReason ? ` (${order.lockReason})` : ''}</dd>
      <dt>Product</dt>
      <dd>{productLabel(order.product)}</dd>
      <dt>Amount</dt>
      <dd><Money value={order.amount} /></dd>
      {sender ? (
        <>
          <dt>Sender</dt>
          <dd>{sender.name} · {sender.phone}</dd>
        </>
      ) : null}
      {payee ? (
        <>
          <dt>Payee</dt>
          <dd>{payee.name} · {payee.phone}</dd>
        </>
      ) : null}
      <dt>Booked</dt>
      <dd>{formatDate(order.bookedOn)} at {order.bookingOfficeCode}</dd>
      <dt>Paying office</dt>
      <dd>{order.payingOfficeCode}</dd>
      <dt>Expires</dt>
      <dd>{formatDate(order.expiresOn)}</dd>
    </dl>
  );
}
