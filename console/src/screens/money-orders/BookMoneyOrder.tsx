import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { formatDate, formatDateTime } from '../../format/dates';
import { MoBookDocument, MoQuoteDocument, type MoBookMutation, type MoQuoteQuery, type MoneyOrderPaymentMode, type MoneyOrderProduct } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { newIdempotencyKey } from '../journal/idempotency';
import { OfficeField } from '../journal/OfficeField';
import { useCommand } from '../staff/useCommand';
import { codeKindOf, normalisePhone, phoneProblem } from './codes';
import { PAYMENT_MODE_LABELS, PAYMENT_MODES, PRODUCT_LABELS, PRODUCTS } from './labels';
import { localProblem, notOnFields, onField, placed } from './problems';
import { QUOTE_DELAY_MS, quotableAmount } from './quote';
import { Receipt } from './Receipt';
import { groupReference } from './reference';
import './money-orders.css';

const MESSAGE_MAX = 100;
const SHOWN = ['product', 'officeCode', 'amount', 'paymentMode', 'sender', 'payee', 'message'];

/** Booking at the counter (mo.book): the form, the live quote, and once booked the reference and the receipt. */
export default function BookMoneyOrder() {
  const me = useMe();
  const [generation, setGeneration] = useState(0);
  if (!can(me, 'mo.book')) {
    return (
      <>
        <PageHeader title="Book a money order" />
        <p>Your roles do not include booking money orders.</p>
      </>
    );
  }
  return <BookForm key={generation} onBookAnother={() => setGeneration((value) => value + 1)} />;
}

type Booked = MoBookMutation['bookMoneyOrder'];

interface Party {
  name: string;
  phone: string;
  address: string;
  idDocument: string;
}

const EMPTY_PARTY: Party = { name: '', phone: '', address: '', idDocument: '' };

function BookForm({ onBookAnother }: { onBookAnother: () => void }) {
  const me = useMe();
  const [product, setProduct] = useState<MoneyOrderProduct>('ELECTRONIC');
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [amount, setAmount] = useState('');
  const [paymentMode, setPaymentMode] = useState<MoneyOrderPaymentMode>('CASH');
  const [sender, setSender] = useState<Party>(EMPTY_PARTY);
  const [payee, setPayee] = useState<Party>(EMPTY_PARTY);
  const [payingOfficeCode, setPayingOfficeCode] = useState('');
  const [message, setMessage] = useState('');
  // One key for this form: a double press, or a retry after a dropped connection, is the same booking.
  const [idempotencyKey] = useState(() => newIdempotencyKey('money-order'));
  const [booked, setBooked] = useState<Booked | null>(null);
  const inFlight = useRef(false);
  const command = useCommand(op(MoBookDocument));
  const problems = placed(command.problems);

  // The quote follows the amount as it is typed, once the typing pauses.
  const [quoted, setQuoted] = useState<string | undefined>(undefined);
  useEffect(() => {
    const timer = setTimeout(() => setQuoted(quotableAmount(amount)), QUOTE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [amount]);
  const [quote] = useQuery({ query: op(MoQuoteDocument), variables: { amount: quoted ?? '0', product }, pause: quoted === undefined, requestPolicy: 'cache-first' });

  const edit = (field: string) => command.clearField(field);
  const party = (who: 'sender' | 'payee', part: keyof Party, value: string) => {
    (who === 'sender' ? setSender : setPayee)((current) => ({ ...current, [part]: value }));
    edit(`${who}.${part}`);
  };

  const submit = async () => {
    if (inFlight.current || booked) return;
    const local: Problem[] = [];
    if (quotableAmount(amount) === undefined) local.push(localProblem('amount', 'Enter the amount in rupees, e.g. 1500.'));
    for (const [who, value] of [['sender', sender], ['payee', payee]] as const) {
      if (value.name.trim() === '') local.push(localProblem(`${who}.name`, 'Enter the name.'));
      const phone = phoneProblem(value.phone);
      if (phone) local.push(localProblem(`${who}.phone`, phone));
      if (value.address.trim() === '') local.push(localProblem(`${who}.address`, 'Enter the address.'));
    }
    if (sender.idDocument.trim() === '') local.push(localProblem('sender.idDocument', 'Enter the ID document the sender showed.'));
    if (payingOfficeCode.trim() === '') local.push(localProblem('payee.payingOfficeCode', 'Choose the office that pays the order.'));
    if (message.trim().length > MESSAGE_MAX) local.push(localProblem('message', `At most ${MESSAGE_MAX} characters.`));
    if (local.length > 0) {
      command.setProblems(local);
      return;
    }
    inFlight.current = true;
    try {
      const data = await command.run({
        input: {
          idempotencyKey,
          product,
          officeCode: officeCode.trim(),
          amount: quotableAmount(amount)!,
          paymentMode,
          sender: { name: sender.name.trim(), phone: normalisePhone(sender.phone), address: sender.address.trim(), idDocument: sender.idDocument.trim() },
          payee: { name: payee.name.trim(), phone: normalisePhone(payee.phone), address: payee.address.trim(), payingOfficeCode: payingOfficeCode.trim() },
          ...(message.trim() === '' ? {} : { message: message.trim() }),
        },
      });
      if (data) setBooked(data.bookMoneyOrder);
    } finally {
      inFlight.current = false;
    }
  };

  const locked = command.busy || booked !== null;
  const quoteProblems = problemsOf(quote.error);
  return (
    <>
      <PageHeader title="Book a money order" subtitle="The payee is sent a one-time password; for an instant order the sender is given a secret code." />
      <form className="mo-form" aria-label="Book a money order" onSubmit={(event) => event.preventDefault()} noValidate>
        <fieldset>
          <legend>Order</legend>
          <SelectField label="Product" value={product} anyLabel={null} isRequired onChange={(value) => setProduct(value as MoneyOrderProduct)} options={PRODUCTS.map((value) => ({ value, label: PRODUCT_LABELS[value] }))} />
          <OfficeField label="Booking office" value={officeCode} onChange={(code) => { setOfficeCode(code); edit('officeCode'); }} problems={onField(problems, 'officeCode')} isDisabled={locked} />
          <TextField label="Amount" description="Whole rupees, paid to the payee" value={amount} onChange={(value) => { setAmount(value); edit('amount'); }} inputMode="decimal" inputClassName="numeric" isRequired isDisabled={locked} problems={onField(problems, 'amount')} />
          <SelectField label="Payment" value={paymentMode} anyLabel={null} isRequired onChange={(value) => setPaymentMode(value as MoneyOrderPaymentMode)} options={PAYMENT_MODES.map((value) => ({ value, label: PAYMENT_MODE_LABELS[value] }))} />
        </fieldset>
        <QuotePanel amountTyped={amount.trim() !== ''} fetching={quote.fetching} data={quoted ? quote.data?.moneyOrderQuote : undefined} problems={quoteProblems} />
        <fieldset>
          <legend>Sender</legend>
          <TextField label="Sender's name" value={sender.name} onChange={(value) => party('sender', 'name', value)} isRequired isDisabled={locked} autoComplete="off" problems={onField(problems, 'sender.name')} />
          <TextField label="Sender's phone" description="E.164, e.g. +919812345678" type="tel" value={sender.phone} onChange={(value) => party('sender', 'phone', value)} isRequired isDisabled={locked} autoComplete="off" problems={onField(problems, 'sender.phone')} />
          <TextField label="Sender's address" value={sender.address} onChange={(value) => party('sender', 'address', value)} isRequired isDisabled={locked} autoComplete="off" problems={onField(problems, 'sender.address')} />
          <TextField label="Sender's ID document" description="Type and number, e.g. AADHAAR 1234 5678 9012" value={sender.idDocument} onChange={(value) => party('sender', 'idDocument', value)} isRequired isDisabled={locked} autoComplete="off" problems={onField(problems, 'sender.idDocument')} />
        </fieldset>
        <fieldset>
          <legend>Payee</legend>
          <TextField label="Payee's name" value={payee.name} onChange={(value) => party('payee', 'name', value)} isRequired isDisabled={locked} autoComplete="off" problems={onField(problems, 'payee.name')} />
          <TextField label="Payee's phone" description="The one-time password goes here" type="tel" value={payee.phone} onChange={(value) => party('payee', 'phone', value)} isRequired isDisabled={locked} autoComplete="off" problems={onField(problems, 'payee.phone')} />
          <TextField label="Payee's address" value={payee.address} onChange={(value) => party('payee', 'address', value)} isRequired isDisabled={locked} autoComplete="off" problems={onField(problems, 'payee.address')} />
          <OfficeField label="Paying office" value={payingOfficeCode} onChange={(code) => { setPayingOfficeCode(code); edit('payee.payingOfficeCode'); }} problems={onField(problems, 'payee.payingOfficeCode', 'payingOfficeCode')} isDisabled={locked} />
        </fieldset>
        <TextField label="Message to the payee" description={`Optional, at most ${MESSAGE_MAX} characters`} value={message} onChange={(value) => { setMessage(value); edit('message'); }} maxLength={MESSAGE_MAX} isDisabled={locked} problems={onField(problems, 'message')} />
        <ProblemList problems={notOnFields(problems, SHOWN)} />
        {booked === null ? (
          <div className="actions">
            <Button variant="primary" onPress={() => void submit()} isDisabled={locked}>
              {command.busy ? 'Booking…' : 'Book'}
            </Button>
          </div>
        ) : null}
      </form>
      {booked ? <BookedPanel booked={booked} onBookAnother={onBookAnother} /> : null}
    </>
  );
}

type Quote = MoQuoteQuery['moneyOrderQuote'];

/** The live quote, announced politely as it changes; the server's refusal of the amount is shown in its words. */
function QuotePanel({ amountTyped, fetching, data, problems }: { amountTyped: boolean; fetching: boolean; data: Quote | undefined; problems: Problem[] }) {
  return (
    <section aria-label="Quote" aria-live="polite" aria-busy={fetching}>
      {problems.length > 0 ? (
        <ProblemList problems={problems} />
      ) : data ? (
        <dl className="mo-quote">
          <dt>Amount</dt>
          <dd><Money value={data.amount} /></dd>
          <dt>Commission</dt>
          <dd><Money value={data.commission} /></dd>
          <dt>Tax</dt>
          <dd><Money value={data.tax} /></dd>
          <dt className="mo-quote-total">The sender pays</dt>
          <dd className="mo-quote-total" data-testid="quote-total"><Money value={data.total} /></dd>
          <dt>Tariff</dt>
          <dd className="mono">{data.tariffVersion}</dd>
        </dl>
      ) : (
        <p className="field-description">{amountTyped ? (fetching ? 'Quoting…' : 'Type a whole amount to see the commission.') : 'Type the amount to see the commission and the total.'}</p>
      )}
    </section>
  );
}

function BookedPanel({ booked, onBookAnother }: { booked: Booked; onBookAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { order, codeDelivery } = booked;
  const secret = codeKindOf(order.product) === 'secret';
  return (
    <section className="notice" aria-labelledby="mo-booked-heading">
      <h2 id="mo-booked-heading" ref={heading} tabIndex={-1}>
        Money order booked
      </h2>
      <p>
        Reference <strong className="mo-reference" data-testid="mo-reference">{groupReference(order.reference)}</strong>
      </p>
      <dl className="detail-grid">
        <dt>The sender paid</dt>
        <dd><Money value={order.total} /></dd>
        <dt>Payable to</dt>
        <dd>{order.payee.name}, at office {order.payingOfficeCode}</dd>
        <dt>{secret ? 'Secret code' : 'One-time password'}</dt>
        <dd>
          Sent by {codeDelivery.channel} to {codeDelivery.to}, valid until {formatDateTime(codeDelivery.expiresAt)} ({codeDelivery.resendsLeft} re-sends left).
          {secret ? ' The sender gives it to the payee, who shows it at the paying office.' : ' The payee shows it at the paying office.'}
        </dd>
        <dt>Expires</dt>
        <dd>{formatDate(order.expiresOn)}</dd>
      </dl>
      <Receipt text={order.receipt.text} />
      <div className="actions no-print">
        <Button variant="primary" onPress={onBookAnother}>Book another</Button>
        <Link to={`/money-orders/${order.reference}`}>Open the order</Link>
      </div>
    </section>
  );
}
