import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { op } from '../../api/operation';
import type { Problem } from '../../api/problems';
import { MoRefundDocument, MoReturnDocument, MoStopDocument, type MoOrderFieldsFragment, type MoRefundMutation } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { TextAreaField } from '../approvals/TextAreaField';
import { ApprovalSubmitted } from '../journal/ApprovalSubmitted';
import { newIdempotencyKey } from '../journal/idempotency';
import { OfficeField } from '../journal/OfficeField';
import { useCommand } from '../staff/useCommand';
import { allows, statusLabel, type OrderAction } from './labels';
import { OrderSummary } from './OrderSummary';
import { localProblem, notOnFields, onField, placed } from './problems';
import { ReferenceField } from './ReferenceField';
import { groupReference, normaliseReference, referenceProblem } from './reference';
import { useOrderLookup } from './useOrderLookup';
import './money-orders.css';

export type CounterActionKind = Extract<OrderAction, 'stop' | 'return' | 'refund'>;

const TEXT: Record<CounterActionKind, { title: string; subtitle: string; permission: string; button: string; busy: string; done: string }> = {
  stop: {
    title: 'Stop a money order',
    subtitle: 'The sender stops an unpaid order at the booking office; it can then be refunded.',
    permission: 'mo.book',
    button: 'Stop the order',
    busy: 'Stopping…',
    done: 'Money order stopped',
  },
  return: {
    title: 'Return a money order',
    subtitle: 'The payee refused the order or could not be found; it goes back to the sender for a refund.',
    permission: 'mo.pay',
    button: 'Return the order',
    busy: 'Returning…',
    done: 'Money order returned',
  },
  refund: {
    title: 'Refund a money order',
    subtitle: 'The amount (not the commission) of a stopped, returned or expired order goes back to the sender, who shows the ID document given at booking.',
    permission: 'mo.book',
    button: 'Refund',
    busy: 'Refunding…',
    done: 'Money order refunded',
  },
};

const REASON_MAX = 500;
const SHOWN = ['reference', 'reason', 'officeCode', 'senderIdDocument', 'idDocument'];

/** Stop, return or refund at the counter: one form each, the same shape (the order, then what the action needs). */
export function CounterAction({ kind }: { kind: CounterActionKind }) {
  const me = useMe();
  const [generation, setGeneration] = useState(0);
  const text = TEXT[kind];
  if (!can(me, text.permission)) {
    return (
      <>
        <PageHeader title={text.title} />
        <p>Your roles do not allow this.</p>
      </>
    );
  }
  return <CounterForm key={`${kind}-${generation}`} kind={kind} onAnother={() => setGeneration((value) => value + 1)} />;
}

type Done = { order: MoOrderFieldsFragment; approvalRequest?: MoRefundMutation['refundMoneyOrder']['approvalRequest'] };

function CounterForm({ kind, onAnother }: { kind: CounterActionKind; onAnother: () => void }) {
  const me = useMe();
  const text = TEXT[kind];
  // Opened from an order's detail: its reference is filled in.
  const [params] = useSearchParams();
  const [referenceText, setReferenceText] = useState(params.get('reference') ?? '');
  const [reason, setReason] = useState('');
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [senderIdDocument, setSenderIdDocument] = useState('');
  const [idempotencyKey] = useState(() => newIdempotencyKey('mo-refund'));
  const [done, setDone] = useState<Done | null>(null);
  const inFlight = useRef(false);
  const lookup = useOrderLookup(referenceText);
  const stop = useCommand(op(MoStopDocument));
  const ret = useCommand(op(MoReturnDocument));
  const refund = useCommand(op(MoRefundDocument));
  const command = kind === 'stop' ? stop : kind === 'return' ? ret : refund;
  const problems = placed(command.problems);

  const submit = async () => {
    if (inFlight.current || done) return;
    const local: Problem[] = [];
    const referenceLocal = referenceProblem(referenceText);
    if (referenceLocal) local.push(localProblem('reference', referenceLocal));
    if (kind !== 'refund' && reason.trim() === '') local.push(localProblem('reason', 'Say why, for the order\'s timeline.'));
    if (kind !== 'refund' && reason.trim().length > REASON_MAX) local.push(localProblem('reason', `At most ${REASON_MAX} characters.`));
    if (kind === 'refund' && senderIdDocument.trim() === '') local.push(localProblem('senderIdDocument', 'Enter the ID document the sender shows.'));
    if (kind === 'refund' && officeCode.trim() === '') local.push(localProblem('officeCode', 'Choose the office handing the cash back.'));
    if (local.length > 0) {
      command.setProblems(local);
      return;
    }
    const reference = normaliseReference(referenceText);
    inFlight.current = true;
    try {
      if (kind === 'stop') {
        const data = await stop.run({ reference, reason: reason.trim() });
        if (data) setDone({ order: data.stopMoneyOrder });
      } else if (kind === 'return') {
        const data = await ret.run({ reference, reason: reason.trim() });
        if (data) setDone({ order: data.returnMoneyOrder });
      } else {
        const data = await refund.run({ input: { reference, officeCode: officeCode.trim(), senderIdDocument: senderIdDocument.trim(), idempotencyKey } });
        if (data) setDone({ order: data.refundMoneyOrder.order, approvalRequest: data.refundMoneyOrder.approvalRequest });
      }
    } finally {
      inFlight.current = false;
    }
  };

  const locked = command.busy || done !== null;
  const order = lookup.order;
  return (
    <>
      <PageHeader title={text.title} subtitle={text.subtitle} />
      <form className="mo-form" aria-label={text.title} onSubmit={(event) => event.preventDefault()} noValidate>
        <ReferenceField value={referenceText} onChange={(value) => { setReferenceText(value); command.clearField('reference'); }} isDisabled={locked} autoFocus problems={onField(problems, 'reference')} />
        {lookup.fetching ? <Loading what="Finding the order" /> : null}
        <ProblemList problems={lookup.problems} />
        {lookup.notFound ? <p role="alert">No money order {groupReference(lookup.reference!)} in your scope.</p> : null}
        {order && !done ? (
          <>
            <OrderSummary order={order} sender={order.sender} payee={order.payee} />
            {!allows(order.status, kind) ? <p role="alert">This order is {statusLabel(order.status).toLowerCase()}: it cannot be {kind === 'stop' ? 'stopped' : kind === 'return' ? 'returned' : 'refunded'} now.</p> : null}
          </>
        ) : null}
        {kind === 'refund' ? (
          <fieldset>
            <legend>Refund</legend>
            <OfficeField label="Refunding office" value={officeCode} onChange={(value) => { setOfficeCode(value); command.clearField('officeCode'); }} problems={onField(problems, 'officeCode')} isDisabled={locked} />
            <TextField label="Sender's ID document" description="The one given at booking" value={senderIdDocument} onChange={(value) => { setSenderIdDocument(value); command.clearField('senderIdDocument'); }} isRequired isDisabled={locked} autoComplete="off" problems={onField(problems, 'senderIdDocument', 'idDocument')} />
          </fieldset>
        ) : (
          <TextAreaField label="Reason" description="Recorded on the order's timeline" value={reason} onChange={(value) => { setReason(value); command.clearField('reason'); }} isRequired problems={problemsWithoutCodes(onField(problems, 'reason'))} />
        )}
        <ProblemList problems={notOnFields(problems, SHOWN)} />
        {done === null ? (
          <div className="actions">
            <Button variant={kind === 'refund' ? 'primary' : 'danger'} onPress={() => void submit()} isDisabled={locked}>
              {command.busy ? text.busy : text.button}
            </Button>
          </div>
        ) : null}
      </form>
      {done?.approvalRequest ? (
        <ApprovalSubmitted title="Refund sent for approval" request={done.approvalRequest}>
          <p>The amount is above the refund limit: the cash is handed back once a checker approves it.</p>
          <Button onPress={onAnother}>Another order</Button>
        </ApprovalSubmitted>
      ) : done ? (
        <section className="notice" aria-live="polite">
          <h2>{text.done}</h2>
          <p role="status">
            Order <span className="mono">{groupReference(done.order.reference)}</span> is {statusLabel(done.order.status).toLowerCase()}.
            {kind === 'refund' ? <> Hand <Money value={done.order.amount} /> back to the sender.</> : null}
          </p>
          <Button onPress={onAnother}>Another order</Button>
        </section>
      ) : null}
    </>
  );
}

/** TextAreaField adds the code itself. */
function problemsWithoutCodes(problems: Problem[]): Problem[] {
  return problems.map((problem) => ({ ...problem, message: problem.code ? problem.message.replace(` (${problem.code})`, '') : problem.message }));
}
