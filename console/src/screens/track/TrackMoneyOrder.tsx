import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { formatDate } from '../../format/dates';
import { MoRequestStopCodeDocument, MoStopAsSenderDocument, MoTrackDocument, type MoTrackingFieldsFragment } from '../../gql/graphql';
import { Button } from '../../ui/Button';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { normalisePhone, phoneProblem } from '../money-orders/codes';
import { localProblem, notOnFields, onField, placed } from '../money-orders/problems';
import { groupReference, normaliseReference, referenceProblem } from '../money-orders/reference';
import { TextAreaField } from '../approvals/TextAreaField';
import { useCommand } from '../staff/useCommand';
import '../money-orders/money-orders.css';

/** What a sender reads: the status in plain words, never a name or an amount (the API gives none). */
const STATUS_WORDS: Record<string, string> = {
  BOOKED: 'Booked: on its way to the paying office',
  AVAILABLE: 'Ready to be paid at the paying office',
  PAID: 'Paid to the payee',
  LOCKED: 'Held for a check',
  STOPPED: 'Stopped: the amount can be refunded at the booking office',
  RETURNED: 'Returned: the amount can be refunded at the booking office',
  EXPIRED: 'Expired unpaid: the amount can be refunded at the booking office',
  REFUNDED: 'Refunded to the sender',
  VOID: 'Void: unclaimed a year after it expired',
};

const STOP_REASON_MAX = 500;

/**
 * The sender's public tracking page (no sign-in): the order's status and dates for its reference and the sender's
 * phone, and, while it is unpaid, a way to stop it with a one-time code sent to that phone. The API answers the same
 * for a wrong phone as for no such order, and limits how often anyone may ask (RATE_LIMITED).
 */
export default function TrackMoneyOrder() {
  const client = useClient();
  const [referenceText, setReferenceText] = useState('');
  const [phoneText, setPhoneText] = useState('');
  const [local, setLocal] = useState<Problem[]>([]);
  const [apiProblems, setApiProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState<{ reference: string; senderPhone: string } | null>(null);
  const [tracking, setTracking] = useState<MoTrackingFieldsFragment | null | undefined>(undefined);
  useEffect(() => {
    document.title = 'Track a money order · Postal Finance';
  }, []);

  const track = async () => {
    const found: Problem[] = [];
    const referenceLocal = referenceProblem(referenceText);
    if (referenceLocal) found.push(localProblem('reference', referenceLocal));
    const phoneLocal = phoneProblem(phoneText);
    if (phoneLocal) found.push(localProblem('senderPhone', phoneLocal));
    setLocal(found);
    setApiProblems([]);
    if (found.length > 0) return;
    const query = { reference: normaliseReference(referenceText), senderPhone: normalisePhone(phoneText) };
    setBusy(true);
    try {
      const result = await client.query(op(MoTrackDocument), query, { requestPolicy: 'network-only' }).toPromise();
      if (result.error) {
        setApiProblems(placed(problemsOf(result.error)));
        setTracking(undefined);
      } else {
        setAsked(query);
        setTracking(result.data?.trackMoneyOrder ?? null);
      }
    } finally {
      setBusy(false);
    }
  };

  const problems = [...local, ...apiProblems];
  return (
    <main className="mo-public" id="main">
      <header className="mo-public-header">
        <p className="brand">Postal Finance</p>
        <h1>Track a money order</h1>
        <p className="page-subtitle">Enter the reference on your receipt and the phone number you gave when you sent it.</p>
      </header>
      <form
        className="mo-form"
        aria-label="Track a money order"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void track();
        }}
      >
        <TextField label="Reference" description="18 digits, from the receipt" value={referenceText} onChange={(value) => { setReferenceText(value); setLocal([]); }} inputMode="numeric" autoComplete="off" inputClassName="mono" isRequired problems={onField(problems, 'reference')} />
        <TextField label="Your phone number" description="As given at the counter, e.g. +919812345678" type="tel" autoComplete="tel" value={phoneText} onChange={(value) => { setPhoneText(value); setLocal([]); }} isRequired problems={onField(problems, 'senderPhone', 'phone')} />
        <ProblemList problems={notOnFields(problems, ['reference', 'senderPhone', 'phone'])} />
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={busy}>
            {busy ? 'Looking…' : 'Track'}
          </Button>
        </div>
      </form>
      {tracking === null ? <p role="status">No money order matches this reference and phone number. Check both and try again.</p> : null}
      {tracking && asked ? <TrackingResult tracking={tracking} asked={asked} onChanged={setTracking} /> : null}
    </main>
  );
}

function TrackingResult({ tracking, asked, onChanged }: { tracking: MoTrackingFieldsFragment; asked: { reference: string; senderPhone: string }; onChanged: (tracking: MoTrackingFieldsFragment) => void }) {
  return (
    <section aria-labelledby="mo-track-heading">
      <h2 id="mo-track-heading">Money order {groupReference(tracking.reference)}</h2>
      <dl className="detail-grid" aria-label="Status">
        <dt>Status</dt>
        <dd data-testid="mo-track-status">{STATUS_WORDS[tracking.status] ?? tracking.status}</dd>
        <dt>Booked</dt>
        <dd>{formatDate(tracking.bookedOn)}</dd>
        <dt>Payable until</dt>
        <dd>{formatDate(tracking.expiresOn)}</dd>
        {tracking.settledOn ? (
          <>
            <dt>Settled</dt>
            <dd>{formatDate(tracking.settledOn)}</dd>
          </>
        ) : null}
      </dl>
      {tracking.stoppable ? <StopOrder asked={asked} onStopped={onChanged} /> : null}
    </section>
  );
}

/** The sender stops an unpaid order: a code to their phone first, then the code and a reason. */
function StopOrder({ asked, onStopped }: { asked: { reference: string; senderPhone: string }; onStopped: (tracking: MoTrackingFieldsFragment) => void }) {
  const requestCode = useCommand(op(MoRequestStopCodeDocument));
  const stop = useCommand(op(MoStopAsSenderDocument));
  const [codeSent, setCodeSent] = useState(false);
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Problem[]>([]);
  const inFlight = useRef(false);
  const problems = [...local, ...placed(stop.problems)];

  const send = async () => {
    const data = await requestCode.run(asked);
    if (data) setCodeSent(true);
  };
  const submit = async () => {
    if (inFlight.current) return;
    const found: Problem[] = [];
    if (!/^\d{4,8}$/.test(code.replace(/\s/g, ''))) found.push(localProblem('code', 'Enter the code sent to your phone.'));
    if (reason.trim() === '') found.push(localProblem('reason', 'Say why you are stopping it.'));
    if (reason.trim().length > STOP_REASON_MAX) found.push(localProblem('reason', `At most ${STOP_REASON_MAX} characters.`));
    setLocal(found);
    if (found.length > 0) return;
    inFlight.current = true;
    try {
      const data = await stop.run({ ...asked, code: code.replace(/\s/g, ''), reason: reason.trim() });
      if (data) onStopped(data.stopMoneyOrderAsSender);
    } finally {
      inFlight.current = false;
    }
  };

  return (
    <section aria-labelledby="mo-stop-heading">
      <h3 id="mo-stop-heading">Stop this money order</h3>
      <p>Until it is paid you may stop it; the amount is then refunded to you at the booking office (the commission is not).</p>
      {!codeSent ? (
        <>
          <Button onPress={() => void send()} isDisabled={requestCode.busy}>
            {requestCode.busy ? 'Sending…' : 'Send me a code to stop it'}
          </Button>
          <ProblemList problems={requestCode.problems} />
        </>
      ) : (
        <form className="mo-form" aria-label="Stop this money order" noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
          <p role="status">If the phone number is the one given at booking, a code is on its way to it.</p>
          <TextField label="Code from your phone" value={code} onChange={(value) => { setCode(value); setLocal([]); stop.clearField('code'); }} inputMode="numeric" autoComplete="one-time-code" inputClassName="mono" isRequired problems={onField(problems, 'code')} />
          <TextAreaField label="Why are you stopping it?" value={reason} onChange={(value) => { setReason(value); setLocal([]); }} isRequired localError={onField(local, 'reason')[0]?.message} problems={placed(stop.problems).filter((problem) => problem.field === 'reason')} />
          <ProblemList problems={notOnFields(problems, ['code', 'reason'])} />
          <div className="actions">
            <Button type="submit" variant="danger" isDisabled={stop.busy}>
              {stop.busy ? 'Stopping…' : 'Stop the money order'}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
