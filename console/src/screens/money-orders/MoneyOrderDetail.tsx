import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, formatDateTime } from '../../format/dates';
import { MoLedgerEntriesDocument, MoLockDocument, MoOrderDocument, MoReleaseDocument, type MoOrderQuery } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextAreaField } from '../approvals/TextAreaField';
import { ActionDialog, DialogButtons } from '../staff/ActionDialog';
import { useCommand } from '../staff/useCommand';
import { allows, MOVEMENT_LABELS, PAYMENT_MODE_LABELS, productLabel, statusClass, statusLabel } from './labels';
import { Receipt } from './Receipt';
import { groupReference } from './reference';
import './money-orders.css';

type Order = NonNullable<MoOrderQuery['moneyOrder']>;

/**
 * One order as a finance officer investigates it: its figures, the parties (phones and ID documents masked unless
 * the person holds mo.parties.read: the API decides), every transition with who, where and when, the ledger's side
 * of each movement and the journal entries it posted, and lock/release for holders of mo.manage.
 */
export default function MoneyOrderDetail() {
  const { reference = '' } = useParams();
  const me = useMe();
  const [{ data, error, fetching }] = useQuery({ query: op(MoOrderDocument), variables: { reference } });
  const order = data?.moneyOrder;
  if (!order) {
    return (
      <>
        <PageHeader title="Money order" subtitle={<span className="mono">{reference}</span>} />
        {fetching ? <Loading what="Reading the order" /> : error ? <ProblemList problems={problemsOf(error)} /> : <p role="alert">No money order {reference} in your scope.</p>}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={`Money order ${groupReference(order.reference)}`}
        subtitle={<span className={statusClass(order.status)}>{statusLabel(order.status)}</span>}
        actions={can(me, 'mo.manage') ? <LockActions order={order} /> : null}
      />
      <ProblemList problems={problemsOf(error)} />
      <dl className="detail-grid">
        <dt>Product</dt>
        <dd>{productLabel(order.product)}</dd>
        <dt>Amount</dt>
        <dd><Money value={order.amount} /></dd>
        <dt>Commission</dt>
        <dd><Money value={order.commission} /></dd>
        <dt>Tax</dt>
        <dd><Money value={order.tax} /></dd>
        <dt>Total paid by the sender</dt>
        <dd><Money value={order.total} /> ({PAYMENT_MODE_LABELS[order.paymentMode]})</dd>
        <dt>Tariff</dt>
        <dd className="mono">{order.tariffVersion}</dd>
        <dt>Booked</dt>
        <dd>{formatDate(order.bookedOn)} at {order.bookingOfficeCode} ({formatDateTime(order.bookedAt)})</dd>
        <dt>Paying office</dt>
        <dd>{order.payingOfficeCode}</dd>
        <dt>Expires</dt>
        <dd>{formatDate(order.expiresOn)}</dd>
        {order.paidAt ? (
          <>
            <dt>Paid</dt>
            <dd>{formatDateTime(order.paidAt)}</dd>
          </>
        ) : null}
        {order.settledAtOfficeCode ? (
          <>
            <dt>Settled at</dt>
            <dd>{order.settledAtOfficeCode}</dd>
          </>
        ) : null}
        {order.lockReason ? (
          <>
            <dt>Locked because</dt>
            <dd>{order.lockReason}</dd>
          </>
        ) : null}
        <dt>Wrong codes</dt>
        <dd>{order.failedCodeAttempts} (code re-sends left: {order.codeResendsLeft})</dd>
        {order.message ? (
          <>
            <dt>Message</dt>
            <dd>{order.message}</dd>
          </>
        ) : null}
      </dl>
      <h2>Parties</h2>
      <div className="mo-parties">
        <PartyCard title="Sender" party={order.sender} />
        <PartyCard title="Payee" party={order.payee} />
      </div>
      {!can(me, 'mo.parties.read') ? <p className="field-description">Phones and ID documents are masked for your roles.</p> : null}
      <h2>Timeline</h2>
      <ol className="mo-timeline" aria-label="Timeline">
        {order.timeline.map((step, index) => (
          <li key={index}>
            <strong>{step.from ? `${statusLabel(step.from)} → ${statusLabel(step.to)}` : statusLabel(step.to)}</strong> by {step.actor}
            {step.officeCode ? ` at ${step.officeCode}` : ''}
            {step.reason ? `: ${step.reason}` : ''}
            <div className="mo-when">{formatDateTime(step.at)}</div>
          </li>
        ))}
      </ol>
      <LedgerSide order={order} />
      <details className="no-print">
        <summary>Receipt</summary>
        <Receipt text={order.receipt.text} />
      </details>
      <CounterLinks order={order} />
    </>
  );
}

function PartyCard({ title, party }: { title: string; party: Order['sender'] }) {
  return (
    <section className="card" aria-label={title}>
      <h3>{title}</h3>
      <dl className="detail-grid">
        <dt>Name</dt>
        <dd>{party.name}</dd>
        <dt>Phone</dt>
        <dd className="mono">{party.phone}</dd>
        <dt>Address</dt>
        <dd>{party.address}</dd>
        <dt>ID document</dt>
        <dd className="mono">{party.idDocument ?? '—'}</dd>
      </dl>
    </section>
  );
}

/**
 * The ledger's side: each movement's answer (posted, pending, refused with the ledger's reason), then the journal
 * entries themselves (MoneyOrder.ledgerEntries, from the accounts subgraph through federation). Those need ledger.read and the accounts subgraph; when
 * they cannot be read the movements above still say where the ledger stands.
 */
function LedgerSide({ order }: { order: Order }) {
  const me = useMe();
  const mayReadLedger = can(me, 'ledger.read');
  const [{ data, error, fetching }] = useQuery({ query: op(MoLedgerEntriesDocument), variables: { reference: order.reference }, pause: !mayReadLedger });
  const entries = data?.moneyOrder?.ledgerEntries ?? [];
  return (
    <>
      <h2>Ledger movements</h2>
      <table className="diff" aria-label="Ledger movements">
        <thead>
          <tr>
            <th scope="col">Movement</th>
            <th scope="col">Ledger</th>
            <th scope="col">When</th>
            <th scope="col">Refusal</th>
          </tr>
        </thead>
        <tbody>
          {order.ledgerMovements.map((movement, index) => (
            <tr key={index}>
              <td>{MOVEMENT_LABELS[movement.movement] ?? movement.movement}</td>
              <td><span className={movement.status === 'POSTED' ? 'status status-ok' : movement.status === 'PENDING' ? 'status status-pending' : 'status status-rejected'}>{movement.status}</span></td>
              <td>{formatDateTime(movement.at)}</td>
              <td>{movement.rejection ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Ledger entries</h2>
      {!mayReadLedger ? (
        <p className="field-description">Reading journal entries needs the ledger.read permission.</p>
      ) : fetching && !data ? (
        <Loading what="Reading the ledger" />
      ) : error ? (
        <>
          <p>The ledger's entries could not be read just now; the movements above say where the ledger stands.</p>
          <ProblemList problems={problemsOf(error)} />
        </>
      ) : entries.length === 0 ? (
        <p>No journal entries yet.</p>
      ) : (
        <table className="diff" aria-label="Ledger entries">
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Office</th>
              <th scope="col">Date</th>
              <th scope="col">Account</th>
              <th scope="col" className="numeric">Debit</th>
              <th scope="col" className="numeric">Credit</th>
            </tr>
          </thead>
          <tbody>
            {entries.flatMap((entry) =>
              entry.postings.map((posting, index) => (
                <tr key={`${entry.id}-${posting.line}`}>
                  <td>{index === 0 ? <Link to={`/ledger/entries/${entry.id}`}>#{entry.sequence} {entry.description}</Link> : ''}</td>
                  <td className="mono">{index === 0 ? entry.officeCode : ''}</td>
                  <td>{index === 0 ? formatDate(entry.effectiveDate) : ''}</td>
                  <td className="mono">{posting.accountCode}</td>
                  <td className="numeric">{posting.side === 'DEBIT' ? <Money value={posting.amount} /> : ''}</td>
                  <td className="numeric">{posting.side === 'CREDIT' ? <Money value={posting.amount} /> : ''}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </>
  );
}

function LockActions({ order }: { order: Order }) {
  if (allows(order.status, 'lock')) return <ReasonDialog kind="lock" reference={order.reference} />;
  if (allows(order.status, 'release')) return <ReasonDialog kind="release" reference={order.reference} />;
  return null;
}

function ReasonDialog({ kind, reference }: { kind: 'lock' | 'release'; reference: string }) {
  const lock = useCommand(op(MoLockDocument));
  const release = useCommand(op(MoReleaseDocument));
  const command = kind === 'lock' ? lock : release;
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const label = kind === 'lock' ? 'Lock for a check' : 'Release';
  return (
    <ActionDialog label={label} title={kind === 'lock' ? 'Lock the order for a check' : 'Release the order'} variant={kind === 'lock' ? 'danger' : 'primary'}>
      {(close) => (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim() === '') {
              setLocalError('Say why, for the order\'s timeline.');
              return;
            }
            void (kind === 'lock' ? lock.run({ reference, reason: reason.trim() }) : release.run({ reference, reason: reason.trim() })).then((data) => {
              if (data) close();
            });
          }}
        >
          <p>{kind === 'lock' ? 'A locked order cannot be paid until it is released, or returned after the check.' : 'The order goes back to where it was, and the wrong-code count starts again.'}</p>
          <TextAreaField label="Reason" value={reason} onChange={(value) => { setReason(value); setLocalError(undefined); }} isRequired autoFocus localError={localError} problems={command.problems.filter((problem) => problem.field?.endsWith('reason'))} />
          <ProblemList problems={command.problems.filter((problem) => !problem.field?.endsWith('reason'))} />
          <DialogButtons submitLabel={label} busyLabel={kind === 'lock' ? 'Locking…' : 'Releasing…'} busy={command.busy} variant={kind === 'lock' ? 'danger' : 'primary'} close={close} />
        </form>
      )}
    </ActionDialog>
  );
}

/** Where the counter's screens take over, for what the order's status still allows. */
function CounterLinks({ order }: { order: Order }) {
  const me = useMe();
  const links = [
    { action: 'pay', to: '/money-orders/pay', label: 'Pay it', permission: 'mo.pay' },
    { action: 'stop', to: '/money-orders/stop', label: 'Stop it', permission: 'mo.book' },
    { action: 'return', to: '/money-orders/return', label: 'Return it', permission: 'mo.pay' },
    { action: 'refund', to: '/money-orders/refund', label: 'Refund it', permission: 'mo.book' },
  ] as const;
  const shown = links.filter((link) => allows(order.status, link.action) && can(me, link.permission));
  if (shown.length === 0) return null;
  return (
    <nav className="actions no-print" aria-label="Counter actions">
      {shown.map((link) => (
        <Link key={link.action} to={`${link.to}?reference=${order.reference}`} className="button">
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
