import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { op } from '../../api/operation';
import { formatDate, operatorToday } from '../../format/dates';
import { JournalOfficeAccountsDocument, JournalPostEntryDocument, type JournalPostEntryMutation } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { ApprovalSubmitted } from './ApprovalSubmitted';
import type { CodeOption } from './CodeComboField';
import { newIdempotencyKey } from './idempotency';
import { JournalLinesEditor, type LineProblems } from './JournalLinesEditor';
import { newLine, postingsOf, type DraftLine } from './lines';
import { OfficeField } from './OfficeField';
import { fieldProblems, journalProblemsOf, leftOver, placeProblems, type PlacedProblems } from './problems';
import './journal.css';

const DESCRIPTION_MAX = 500;
const SHOWN_FIELDS = ['officeCode', 'effectiveDate', 'description'];
const NO_PROBLEMS: PlacedProblems = { fields: new Map(), lines: new Map(), postings: [], form: [] };

/** The manual journal screen: only for holders of journal.manual.submit (the server decides the office too). */
export default function ManualJournal() {
  const me = useMe();
  // A new journal is a new form: new lines, a new idempotency key.
  const [generation, setGeneration] = useState(0);
  if (!can(me, 'journal.manual.submit')) {
    return (
      <>
        <PageHeader title="Manual journal" />
        <p>Your roles do not include submitting manual journals.</p>
      </>
    );
  }
  return <ManualJournalForm key={generation} onStartAnother={() => setGeneration((value) => value + 1)} />;
}

type Submitted = NonNullable<JournalPostEntryMutation['postJournalEntry']>;

function ManualJournalForm({ onStartAnother }: { onStartAnother: () => void }) {
  const me = useMe();
  const today = operatorToday();
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [effectiveDate, setEffectiveDate] = useState(today);
  const [description, setDescription] = useState('');
  const [lines, setLines] = useState<DraftLine[]>(() => [newLine(), newLine()]);
  // One key for this form: a second press, or a retry, is the same request to the server.
  const [idempotencyKey] = useState(() => newIdempotencyKey('journal'));
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [local, setLocal] = useState<{ fields: Record<string, string>; lines: Map<string, { account?: string; amount?: string }>; journal?: string | undefined }>({ fields: {}, lines: new Map() });
  const [placed, setPlaced] = useState<PlacedProblems>(NO_PROBLEMS);
  // The draft line each sent posting came from: the API's `postings.N` names the Nth one sent.
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [, postEntry] = useMutation(op(JournalPostEntryDocument));

  const office = officeCode.trim();
  const [{ data: officeData }] = useQuery({ query: op(JournalOfficeAccountsDocument), variables: { officeCode: office }, pause: office === '' });
  const accounts = useMemo<CodeOption[]>(
    () =>
      (officeData?.accounts.edges ?? [])
        .map((edge) => edge.node)
        .filter((account) => account.allowManualEntries && account.status === 'OPEN')
        .map((account) => ({ code: account.code, name: account.name })),
    [officeData],
  );
  const currency = officeData?.accounts.edges[0]?.node.currency ?? 'INR';
  const closedThrough = officeData?.office?.code === office ? officeData.office.closedThrough : null;

  const forgetField = (field: string) => {
    if (placed.fields.has(field)) setPlaced((current) => ({ ...current, fields: new Map([...current.fields].filter(([name]) => name !== field)) }));
    if (local.fields[field]) setLocal((current) => ({ ...current, fields: { ...current.fields, [field]: '' } }));
  };
  const forgetLine = (key: string) => {
    const index = sentKeys.indexOf(key);
    if (index >= 0 && placed.lines.has(index)) setPlaced((current) => ({ ...current, lines: new Map([...current.lines].filter(([line]) => line !== index)) }));
    if (local.lines.has(key)) setLocal((current) => ({ ...current, lines: new Map([...current.lines].filter(([line]) => line !== key)) }));
    if (placed.postings.length > 0) setPlaced((current) => ({ ...current, postings: [] }));
    if (local.journal) setLocal((current) => ({ ...current, journal: undefined }));
  };
  const problemsOfLine = (key: string): LineProblems => {
    const index = sentKeys.indexOf(key);
    const api = index >= 0 ? placed.lines.get(index) : undefined;
    const own = local.lines.get(key);
    return { ...(own ? { local: own } : {}), ...(api ? { account: api.account, amount: api.amount } : {}) };
  };

  const submit = async () => {
    if (inFlight.current || submitted) return;
    const { postings, lineErrors, journalError } = postingsOf(lines, currency);
    const fields: Record<string, string> = {};
    if (office === '') fields.officeCode = 'Choose the office the journal is for.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)) fields.effectiveDate = 'Enter the business date (YYYY-MM-DD).';
    else if (effectiveDate > today) fields.effectiveDate = `An entry cannot be dated after today (${formatDate(today)}).`;
    if (description.trim() === '') fields.description = 'Say what the journal is for.';
    else if (description.trim().length > DESCRIPTION_MAX) fields.description = `At most ${DESCRIPTION_MAX} characters.`;
    setLocal({ fields, lines: lineErrors, journal: journalError });
    setPlaced(NO_PROBLEMS);
    if (Object.keys(fields).length > 0 || lineErrors.size > 0 || journalError) return;

    inFlight.current = true;
    setSubmitting(true);
    try {
      setSentKeys(postings.map((posting) => posting.lineKey));
      const result = await postEntry({
        input: {
          idempotencyKey,
          officeCode: office,
          effectiveDate,
          description: description.trim(),
          source: { type: 'MANUAL' },
          postings: postings.map(({ accountCode, side, amount }) => ({ accountCode, side, amount })),
        },
      });
      if (result.data?.postJournalEntry) setSubmitted(result.data.postJournalEntry);
      else setPlaced(placeProblems(journalProblemsOf(result.error), postings.map((posting) => posting.accountCode)));
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const formProblems = leftOver(placed, SHOWN_FIELDS);
  const locked = submitting || submitted !== null;
  return (
    <>
      <PageHeader title="Manual journal" subtitle="A journal you submit is posted only once a second finance officer approves it." />
      <form className="journal-form" aria-label="Manual journal" onSubmit={(event) => event.preventDefault()} noValidate>
        <div className="form-row">
          <OfficeField
            value={officeCode}
            onChange={(code) => {
              setOfficeCode(code);
              forgetField('officeCode');
            }}
            problems={[...(local.fields.officeCode ? [{ message: local.fields.officeCode, code: undefined, field: 'officeCode', requestId: undefined }] : []), ...fieldProblems(placed, 'officeCode')]}
            description="The office the entry belongs to"
            isDisabled={locked}
          />
          <TextField
            label="Business date"
            type="date"
            value={effectiveDate}
            onChange={(value) => {
              setEffectiveDate(value);
              forgetField('effectiveDate');
            }}
            isRequired
            isDisabled={locked}
            description={closedThrough ? `${office} has closed its days through ${formatDate(closedThrough)}.` : undefined}
            localError={local.fields.effectiveDate || undefined}
            problems={fieldProblems(placed, 'effectiveDate')}
          />
        </div>
        <TextField
          label="Description"
          className="journal-description"
          value={description}
          onChange={(value) => {
            setDescription(value);
            forgetField('description');
          }}
          isRequired
          isDisabled={locked}
          maxLength={DESCRIPTION_MAX}
          localError={local.fields.description || undefined}
          problems={fieldProblems(placed, 'description')}
        />
        <JournalLinesEditor
          lines={lines}
          onChange={setLines}
          onLineEdited={forgetLine}
          accounts={accounts}
          currency={currency}
          problemsOf={problemsOfLine}
          postingProblems={placed.postings}
          journalError={local.journal}
          isDisabled={locked}
        />
        <ProblemList problems={formProblems} />
        {submitted === null ? (
          <div className="actions">
            <Button variant="primary" onPress={() => void submit()} isDisabled={locked}>
              {submitting ? 'Submitting…' : 'Submit for approval'}
            </Button>
          </div>
        ) : null}
      </form>
      {submitted?.approvalRequest ? (
        <ApprovalSubmitted title="Journal submitted for approval" request={submitted.approvalRequest}>
          <div className="actions">
            <Button onPress={onStartAnother}>Start another journal</Button>
          </div>
        </ApprovalSubmitted>
      ) : null}
      {submitted?.entry ? (
        // The key had been used for an entry that is already posted: the API answers that entry.
        <section className="notice" aria-live="polite">
          <h2>Already posted</h2>
          <p>
            This journal was posted earlier. <Link to={`/ledger/entries/${submitted.entry.id}`}>Open the journal entry</Link>.
          </p>
          <Button onPress={onStartAnother}>Start another journal</Button>
        </section>
      ) : null}
    </>
  );
}
