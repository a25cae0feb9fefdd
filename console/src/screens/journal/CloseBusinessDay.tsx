import { useEffect, useRef, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { op } from '../../api/operation';
import type { Problem } from '../../api/problems';
import { formatDate, formatDateTime, operatorToday } from '../../format/dates';
import { JournalCloseBusinessDayDocument, JournalOfficeDayDocument, type JournalCloseBusinessDayMutation, type JournalOfficeDayQuery } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { nextDay } from './days';
import { OfficeField } from './OfficeField';
import { fieldProblems, journalProblemsOf, leftOver, placeProblems, type PlacedProblems } from './problems';
import './journal.css';

/** Close the business day: only for holders of ledger.day.close (a clerk their own office, a finance officer their subtree). */
export default function CloseBusinessDay() {
  const me = useMe();
  if (!can(me, 'ledger.day.close')) {
    return (
      <>
        <PageHeader title="Close the business day" />
        <p>Your roles do not include closing business days.</p>
      </>
    );
  }
  return <CloseBusinessDayForm />;
}

type Closed = JournalCloseBusinessDayMutation['closeBusinessDay'];

function CloseBusinessDayForm() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const officeCode = (params.get('office') ?? me.office.code).trim().toUpperCase();
  const setOffice = (code: string) => setParams((current) => {
    const next = new URLSearchParams(current);
    if (code === '' || code === me.office.code) next.delete('office');
    else next.set('office', code);
    return next;
  }, { replace: true });
  const [typedOffice, setTypedOffice] = useState(officeCode);
  // The office typed is looked up once typing pauses, and kept in the address (?office=) so the view can be shared.
  useEffect(() => {
    const timer = setTimeout(() => setOffice(typedOffice.trim()), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typedOffice]);
  const today = operatorToday();
  const [{ data, fetching, error }, refresh] = useQuery({ query: op(JournalOfficeDayDocument), variables: { officeCode }, pause: officeCode === '' });
  const office = data?.office?.code === officeCode ? data.office : null;
  const closedThrough = office?.closedThrough ?? null;
  // The next day to close: the day after the last one closed, or today for an office that never closed; never later.
  const proposed = closedThrough === null ? today : nextDay(closedThrough) <= today ? nextDay(closedThrough) : null;
  const [dateByOffice, setDateByOffice] = useState<Record<string, string>>({});
  const date = dateByOffice[officeCode] ?? proposed ?? '';

  const [confirming, setConfirming] = useState(false);
  const [localError, setLocalError] = useState<string | undefined>();
  const [placed, setPlaced] = useState<PlacedProblems | null>(null);
  const [closed, setClosed] = useState<Closed | null>(null);
  const [, closeDay] = useMutation(op(JournalCloseBusinessDayDocument));
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);

  const ask = () => {
    setClosed(null);
    setPlaced(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setLocalError('Enter the day to close (YYYY-MM-DD).');
      return;
    }
    setLocalError(undefined);
    setConfirming(true);
  };
  const confirm = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    try {
      const result = await closeDay({ officeCode, date });
      setConfirming(false);
      if (result.data?.closeBusinessDay) {
        setClosed(result.data.closeBusinessDay);
        setDateByOffice((current) => {
          const { [officeCode]: _done, ...rest } = current;
          return rest;
        });
        refresh({ requestPolicy: 'network-only' });
      } else {
        setPlaced(placeProblems(journalProblemsOf(result.error)));
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const officeProblems: Problem[] = [...(placed ? fieldProblems(placed, 'officeCode') : [])];
  const lookupProblems = error ? journalProblemsOf(error) : [];
  return (
    <>
      <PageHeader title="Close the business day" subtitle="After a day is closed, nothing dated on or before it can be posted for the office." />
      <form className="form" aria-label="Close the business day" onSubmit={(event) => event.preventDefault()} noValidate>
        <OfficeField
          value={typedOffice}
          onChange={(code) => {
            setTypedOffice(code);
            setPlaced(null);
            setClosed(null);
          }}
          problems={officeProblems}
          description={office ? office.name : undefined}
        />
        {fetching && !office ? <Loading what="Reading the office's business day" /> : null}
        <ProblemList problems={lookupProblems} />
        {!fetching && !error && officeCode !== '' && !office ? <p role="alert">There is no office {officeCode} that you may see.</p> : null}
        {office ? (
          <dl className="detail-grid" aria-label="Business day">
            <dt>Last day closed</dt>
            <dd data-testid="closed-through">{closedThrough ? formatDate(closedThrough) : 'Never closed'}</dd>
            <dt>Today</dt>
            <dd>{formatDate(today)}</dd>
          </dl>
        ) : null}
        {office && proposed === null ? (
          <p className="notice" role="status">
            {office.code} has closed through today; the next day can be closed tomorrow.
          </p>
        ) : null}
        {office && proposed !== null ? (
          <TextField
            label="Day to close"
            type="date"
            value={date}
            onChange={(value) => {
              setDateByOffice((current) => ({ ...current, [officeCode]: value }));
              setLocalError(undefined);
              setPlaced(null);
            }}
            description="Closing a day closes every earlier day not yet closed."
            isRequired
            localError={localError}
            problems={placed ? fieldProblems(placed, 'date') : []}
          />
        ) : null}
        <ProblemList problems={placed ? leftOver(placed, ['officeCode', 'date']) : []} />
        {office && proposed !== null ? (
          <div className="actions">
            <Button variant="primary" onPress={ask} isDisabled={submitting}>
              Close business day…
            </Button>
          </div>
        ) : null}
      </form>
      {closed ? (
        <section className="notice" aria-labelledby="day-closed-heading">
          <h2 id="day-closed-heading">Business day closed</h2>
          <p role="status">
            {closed.officeCode} is closed through {formatDate(closed.businessDate)}
            {closed.previousDate ? ` (the period since ${formatDate(closed.previousDate)})` : ''}, by {closed.closedBy.username ?? 'you'} at {formatDateTime(closed.closedAt)}.{' '}
            Closing balances were recorded for {closed.balances.length} {closed.balances.length === 1 ? 'account' : 'accounts'}.
          </p>
        </section>
      ) : null}
      {data?.businessDayCloses.length ? <RecentCloses closes={data.businessDayCloses} /> : null}
      <ModalOverlay className="modal-overlay" isOpen={confirming} onOpenChange={setConfirming} isDismissable={!submitting}>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            <Heading slot="title">Close {officeCode} through {formatDate(date)}?</Heading>
            <p>
              Postings to {officeCode}&apos;s accounts dated on or before {formatDate(date)} will be refused, and the day&apos;s closing balances recorded. A
              closed day is not reopened: corrections go into an open day.
            </p>
            <div className="actions">
              <Button variant="primary" onPress={() => void confirm()} isDisabled={submitting} autoFocus>
                {submitting ? 'Closing…' : 'Close the day'}
              </Button>
              <Button onPress={() => setConfirming(false)} isDisabled={submitting}>
                Cancel
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}

function RecentCloses({ closes }: { closes: JournalOfficeDayQuery['businessDayCloses'] }) {
  return (
    <section aria-labelledby="recent-closes-heading">
      <h2 id="recent-closes-heading">Recent closes</h2>
      <table className="journal-closes">
        <caption className="visually-hidden">The office's latest business-day closes, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Day closed</th>
            <th scope="col">Period from</th>
            <th scope="col">Closed at</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {closes.map((close) => (
            <tr key={close.businessDate}>
              <td>{formatDate(close.businessDate)}</td>
              <td>{close.previousDate ? formatDate(close.previousDate) : 'first close'}</td>
              <td>{formatDateTime(close.closedAt)}</td>
              <td>{close.closedBy.username ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
