import { useRef, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { op } from '../../api/operation';
import { formatDate } from '../../format/dates';
import { JournalEntryForReversalDocument, JournalReverseEntryDocument, type JournalEntryForReversalQuery, type JournalReverseEntryMutation } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { ApprovalSubmitted } from './ApprovalSubmitted';
import { newIdempotencyKey } from './idempotency';
import { fieldProblems, journalProblemsOf, leftOver, placeProblems, type PlacedProblems } from './problems';
import './journal.css';

const REASON_MAX = 500;

export interface ReverseEntryDialogProps {
  /** The journal entry to reverse. */
  entryId: string;
  /** Open at once (the /journal/reverse/:id route opens it so). */
  defaultOpen?: boolean;
  /** The trigger's text. */
  triggerLabel?: string;
}

/**
 * "Reverse entry": a button that opens a dialog asking why, then submits the reversal (reverseJournalEntry, with an
 * idempotency key made once per dialog). For staff it goes to the approvals inbox like a manual journal: the dialog
 * shows the pending request. Shown only to holders of journal.manual.submit (the server decides the office); the entry
 * detail screen (screens/ledger) opens it with `<ReverseEntryDialog entryId={entry.id} />`.
 */
export function ReverseEntryDialog({ entryId, defaultOpen = false, triggerLabel = 'Reverse entry…' }: ReverseEntryDialogProps) {
  const me = useMe();
  if (!can(me, 'journal.manual.submit')) return null;
  return (
    <DialogTrigger defaultOpen={defaultOpen}>
      <Button variant="danger">{triggerLabel}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal journal-reverse-modal">
          <Dialog className="dialog" aria-describedby="reverse-entry-lead">
            {({ close }) => <ReverseEntryForm entryId={entryId} close={close} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

type Submitted = NonNullable<JournalReverseEntryMutation['reverseJournalEntry']>;

function ReverseEntryForm({ entryId, close }: { entryId: string; close: () => void }) {
  const [{ data, fetching, error }] = useQuery({ query: op(JournalEntryForReversalDocument), variables: { id: entryId } });
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  // Made when the dialog opens: pressing twice, or again after a dropped answer, is one reversal.
  const [idempotencyKey] = useState(() => newIdempotencyKey('reversal'));
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [placed, setPlaced] = useState<PlacedProblems | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [, reverse] = useMutation(op(JournalReverseEntryDocument));
  const entry = data?.journalEntry;

  const submit = async () => {
    if (inFlight.current || submitted) return;
    const trimmed = reason.trim();
    if (trimmed === '' || trimmed.length > REASON_MAX) {
      setLocalError(`Give the reason for the reversal (1 to ${REASON_MAX} characters).`);
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    try {
      const result = await reverse({ id: entryId, reason: trimmed, idempotencyKey });
      if (result.data?.reverseJournalEntry) setSubmitted(result.data.reverseJournalEntry);
      else setPlaced(placeProblems(journalProblemsOf(result.error)));
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return (
    <>
      <Heading slot="title">Reverse journal entry</Heading>
      <p id="reverse-entry-lead">
        A reversal posts the mirror of the entry, dated today, linked to it. The entry itself never changes.
      </p>
      {fetching && !entry ? <Loading what="Reading the entry" /> : null}
      {!fetching && !entry && !error ? <p role="alert">There is no journal entry {entryId} that you may read.</p> : null}
      {error ? <ProblemList problems={journalProblemsOf(error)} /> : null}
      {entry ? <EntrySummary entry={entry} /> : null}
      {entry?.reversedBy ? (
        <p role="alert">
          This entry has already been reversed: <Link to={`/ledger/entries/${entry.reversedBy.id}`}>open the reversal</Link>.
        </p>
      ) : null}
      {entry?.reverses ? <p role="alert">This entry is itself a reversal and cannot be reversed; post a new journal instead.</p> : null}
      {submitted?.approvalRequest ? <ApprovalSubmitted title="Reversal submitted for approval" request={submitted.approvalRequest} /> : null}
      {submitted?.entry ? (
        <p role="status">
          Reversed: <Link to={`/ledger/entries/${submitted.entry.id}`}>open the reversing entry</Link>.
        </p>
      ) : null}
      {entry && !submitted && !entry.reversedBy && !entry.reverses ? (
        <form className="form" aria-label="Reversal" onSubmit={(event) => event.preventDefault()} noValidate>
          <TextField
            label="Reason"
            description="Why the entry is wrong; the checker and the audit trail see it."
            value={reason}
            onChange={(value) => {
              setReason(value);
              setLocalError(undefined);
            }}
            isRequired
            maxLength={REASON_MAX}
            isDisabled={submitting}
            localError={localError}
            problems={placed ? fieldProblems(placed, 'reason') : []}
          />
          <ProblemList problems={placed ? leftOver(placed, ['reason']) : []} />
        </form>
      ) : null}
      <div className="actions">
        {entry && !submitted && !entry.reversedBy && !entry.reverses ? (
          <Button variant="danger" onPress={() => void submit()} isDisabled={submitting}>
            {submitting ? 'Submitting…' : 'Submit reversal for approval'}
          </Button>
        ) : null}
        <Button onPress={close}>{submitted ? 'Close' : 'Cancel'}</Button>
      </div>
    </>
  );
}

type Entry = NonNullable<JournalEntryForReversalQuery['journalEntry']>;

function EntrySummary({ entry }: { entry: Entry }) {
  return (
    <>
      <dl className="detail-grid">
        <dt>Entry</dt>
        <dd>
          <Link to={`/ledger/entries/${entry.id}`}>{entry.description}</Link>
        </dd>
        <dt>Office</dt>
        <dd className="mono">{entry.officeCode}</dd>
        <dt>Business date</dt>
        <dd>{formatDate(entry.effectiveDate)}</dd>
        <dt>Source</dt>
        <dd>
          {entry.source.type}
          {entry.source.reference ? ` · ${entry.source.reference}` : ''}
        </dd>
      </dl>
      <table className="journal-entry-postings">
        <caption>Postings of the entry (the reversal swaps each side)</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col" className="numeric">
              Debit
            </th>
            <th scope="col" className="numeric">
              Credit
            </th>
          </tr>
        </thead>
        <tbody>
          {entry.postings.map((posting) => (
            <tr key={posting.line}>
              <td className="mono">{posting.accountCode}</td>
              <td className="numeric">{posting.side === 'DEBIT' ? <Money value={posting.amount} /> : null}</td>
              <td className="numeric">{posting.side === 'CREDIT' ? <Money value={posting.amount} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
