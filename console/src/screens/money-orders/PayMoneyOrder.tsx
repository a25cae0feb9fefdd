import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { op } from '../../api/operation';
import type { Problem } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { MoPayDocument, MoResendCodeDocument, type MoPayMutation, type MoResendCodeMutation } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { newIdempotencyKey } from '../journal/idempotency';
import { OfficeField } from '../journal/OfficeField';
import { useCommand } from '../staff/useCommand';
import { codeKindOf, readPayCode } from './codes';
import { allows, statusLabel } from './labels';
import { OrderSummary } from './OrderSummary';
import { localProblem, notOnFields, onField, placed } from './problems';
import { ReferenceField } from './ReferenceField';
import { groupReference, normaliseReference, referenceProblem } from './reference';
import { useOrderLookup } from './useOrderLookup';
import './money-orders.css';

const SHOWN = ['reference', 'officeCode', 'code', 'otp', 'secretCode', 'payeeIdDocument'];

/**
 * Paying an order at the paying office (mo.pay): the reference, the payee's code (the OTP sent to their phone, or the
 * instant order's 16-digit secret) and the ID document the payee shows. Wrong codes are counted by the server and
 * the fifth locks the order; the answer says how many tries are left.
 */
export default function PayMoneyOrder() {
  const me = useMe();
  const [generation, setGeneration] = useState(0);
  if (!can(me, 'mo.pay')) {
    return (
      <>
        <PageHeader title="Pay a money order" />
        <p>Your roles do not include paying money orders.</p>
      </>
    );
  }
  return <PayForm key={generation} onPayAnother={() => setGeneration((value) => value + 1)} />;
}

type Paid = MoPayMutation['payMoneyOrder'];

function PayForm({ onPayAnother }: { onPayAnother: () => void }) {
  const me = useMe();
  // Opened from an order's detail: its reference is filled in.
  const [params] = useSearchParams();
  const [referenceText, setReferenceText] = useState(params.get('reference') ?? '');
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [code, setCode] = useState('');
  const [payeeIdDocument, setPayeeIdDocument] = useState('');
  // One key per payout attempt of this form: a retry of the same press is the same payout, never a second one.
  const [idempotencyKey] = useState(() => newIdempotencyKey('mo-pay'));
  const [paid, setPaid] = useState<Paid | null>(null);
  const [resent, setResent] = useState<MoResendCodeMutation['resendMoneyOrderCode'] | null>(null);
  const inFlight = useRef(false);
  const lookup = useOrderLookup(referenceText);
  const command = useCommand(op(MoPayDocument));
  const resend = useCommand(op(MoResendCodeDocument));
  const problems = placed(command.problems);
  const product = lookup.order?.product ?? 'ELECTRONIC';
  const secret = codeKindOf(product) === 'secret';

  const submit = async () => {
    if (inFlight.current || paid) return;
    const local: Problem[] = [];
    const referenceLocal = referenceProblem(referenceText);
    if (referenceLocal) local.push(localProblem('reference', referenceLocal));
    const payCode = readPayCode(product, code);
    if (!payCode.ok) local.push(localProblem('code', payCode.message));
    if (payeeIdDocument.trim() === '') local.push(localProblem('payeeIdDocument', 'Enter the ID document the payee showed.'));
    if (officeCode.trim() === '') local.push(localProblem('officeCode', 'Choose the paying office.'));
    if (local.length > 0 || !payCode.ok) {
      command.setProblems(local);
      return;
    }
    inFlight.current = true;
    try {
      const data = await command.run({
        input: {
          reference: normaliseReference(referenceText),
          officeCode: officeCode.trim(),
          ...('otp' in payCode ? { otp: payCode.otp } : { secretCode: payCode.secretCode }),
          payeeIdDocument: payeeIdDocument.trim(),
          idempotencyKey,
        },
      });
      if (data) setPaid(data.payMoneyOrder);
      // A wrong code changes the order (its count, perhaps its status): show it as it now stands.
      else lookup.refetch({ requestPolicy: 'network-only' });
    } finally {
      inFlight.current = false;
    }
  };

  const sendAgain = async () => {
    if (!lookup.reference) return;
    const data = await resend.run({ reference: lookup.reference });
    if (data) setResent(data.resendMoneyOrderCode);
  };

  const locked = command.busy || paid !== null;
  const order = lookup.order;
  return (
    <>
      <PageHeader title="Pay a money order" subtitle="Check the payee's ID document, then take the code they were sent." />
      <form className="mo-form" aria-label="Pay a money order" onSubmit={(event) => event.preventDefault()} noValidate>
        <fieldset>
          <legend>Order</legend>
          <ReferenceField value={referenceText} onChange={(value) => { setReferenceText(value); command.clearField('reference'); }} isDisabled={locked} autoFocus problems={onField(problems, 'reference')} localError={referenceText.trim() !== '' && normaliseReference(referenceText).length >= 18 ? referenceProblem(referenceText) : undefined} />
          <OfficeField label="Paying office" value={officeCode} onChange={(value) => { setOfficeCode(value); command.clearField('officeCode'); }} problems={onField(problems, 'officeCode')} isDisabled={locked} />
        </fieldset>
        {lookup.fetching ? <Loading what="Finding the order" /> : null}
        <ProblemList problems={lookup.problems} />
        {lookup.notFound ? <p role="alert">No money order {groupReference(lookup.reference!)} in your scope.</p> : null}
        {order ? (
          <>
            <OrderSummary order={order} payee={lookup.order?.payee} />
            {!allows(order.status, 'pay') && !paid ? <p role="alert">This order is {statusLabel(order.status).toLowerCase()}: it cannot be paid now.</p> : null}
            {order.failedCodeAttempts > 0 && !paid ? <p role="status">{order.failedCodeAttempts} wrong {order.failedCodeAttempts === 1 ? 'code' : 'codes'} so far; the fifth locks the order.</p> : null}
          </>
        ) : null}
        <fieldset>
          <legend>Payee</legend>
          <TextField
            label="Code"
            description={secret ? 'The 16-digit secret code of the instant order' : 'The 6-digit one-time password sent to the payee'}
            value={code}
            onChange={(value) => { setCode(value); command.clearField('code'); command.clearField('otp'); command.clearField('secretCode'); }}
            inputMode="numeric"
            autoComplete="one-time-code"
            inputClassName="mono"
            isRequired
            isDisabled={locked}
            problems={onField(problems, 'code', 'otp', 'secretCode')}
          />
          <TextField label="Payee's ID document" description="Type and number, as shown" value={payeeIdDocument} onChange={(value) => { setPayeeIdDocument(value); command.clearField('payeeIdDocument'); }} isRequired isDisabled={locked} autoComplete="off" problems={onField(problems, 'payeeIdDocument')} />
        </fieldset>
        <ProblemList problems={notOnFields(problems, SHOWN)} />
        {paid === null ? (
          <div className="actions">
            <Button variant="primary" onPress={() => void submit()} isDisabled={locked}>
              {command.busy ? 'Paying…' : 'Pay'}
            </Button>
            {order && allows(order.status, 'pay') ? (
              <Button onPress={() => void sendAgain()} isDisabled={resend.busy || order.codeResendsLeft <= 0}>
                {resend.busy ? 'Sending…' : `Send the code again (${order.codeResendsLeft} left)`}
              </Button>
            ) : null}
          </div>
        ) : null}
        <ProblemList problems={resend.problems} />
        {resent ? <p role="status">A new code went by {resent.channel} to {resent.to}, valid until {formatDateTime(resent.expiresAt)}.</p> : null}
      </form>
      {paid ? <PaidPanel paid={paid} onPayAnother={onPayAnother} /> : null}
    </>
  );
}

function PaidPanel({ paid, onPayAnother }: { paid: Paid; onPayAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice" aria-labelledby="mo-paid-heading">
      <h2 id="mo-paid-heading" ref={heading} tabIndex={-1}>
        Money order paid
      </h2>
      <p role="status">
        Hand <Money value={paid.amount} /> to the payee. Order <span className="mono">{groupReference(paid.reference)}</span> is {statusLabel(paid.status).toLowerCase()}.
      </p>
      <Button variant="primary" onPress={onPayAnother}>Pay another</Button>
    </section>
  );
}
