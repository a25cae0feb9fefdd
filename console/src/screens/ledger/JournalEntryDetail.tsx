import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { LedgerEntryDocument, type LedgerEntryQuery } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, formatDateTime } from '../../format/dates';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { ReverseEntryDialog } from '../journal/ReverseEntryDialog';
import { totalsByCurrency } from './amounts';
import { entryPath, statementPath } from './links';
import './ledger.css';

type Entry = NonNullable<LedgerEntryQuery['journalEntry']>;
type Actor = Entry['actor'];

/**
 * A journal entry as an auditor reads it: its postings (account, side, amount) with their totals per side, where it
 * came from, who made it and who approved it, its place in the hash chain, and the entries it reverses or that reverse
 * it. The entry is immutable; a correction is a reversing entry, linked here both ways.
 */
export default function JournalEntryDetail() {
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: op(LedgerEntryDocument), variables: { id } });
  const entry = data?.journalEntry;
  if (!entry) {
    return (
      <>
        <PageHeader title="Journal entry" subtitle={<span className="mono">{id}</span>} />
        {fetching ? <Loading what="Reading the entry" /> : error ? <ProblemList problems={problemsOf(error)} /> : <p role="alert">No journal entry {id} in your ledger scope.</p>}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={`Journal entry #${entry.sequence}`}
        subtitle={entry.description}
        // The dialog shows itself only to holders of journal.manual.submit; a reversal, or an entry already reversed,
        // cannot be reversed, so it is not offered there.
        actions={entry.reverses || entry.reversedBy ? null : <ReverseEntryDialog entryId={entry.id} />}
      />
      <ProblemList problems={problemsOf(error)} />
      <dl className="detail-grid">
        <dt>Entry id</dt>
        <dd className="mono">{entry.id}</dd>
        <dt>Office</dt>
        <dd className="mono">{entry.officeCode}</dd>
        <dt>Business date</dt>
        <dd>{formatDate(entry.effectiveDate)}</dd>
        <dt>Source</dt>
        <dd>
          {entry.source.type}
          {entry.source.reference ? <span className="mono"> {entry.source.reference}</span> : null}
        </dd>
        <dt>{entry.approvedBy ? 'Maker' : 'Posted by'}</dt>
        <dd>{actorText(entry.actor)}</dd>
        <dt>Checker</dt>
        <dd>{entry.approvedBy ? actorText(entry.approvedBy) : 'none (posted directly)'}</dd>
        <dt>Posted at</dt>
        <dd>{formatDateTime(entry.postedAt)}</dd>
        <dt>Chain hash</dt>
        <dd className="hash">{entry.chainHash ?? 'not chained yet (the sealer chains new entries within seconds)'}</dd>
        <dt>Idempotency key</dt>
        <dd className="mono">{entry.idempotencyKey}</dd>
        {entry.holdId ? (
          <>
            <dt>Captured hold</dt>
            <dd className="mono">{entry.holdId}</dd>
          </>
        ) : null}
      </dl>
      <Postings entry={entry} />
      <Reversals entry={entry} />
      <Approval request={entry.approvalRequest} />
    </>
  );
}

function actorText(actor: Actor): string {
  return actor.kind === 'staff' ? `${actor.username ?? actor.id} (staff)` : `${actor.id} (service)`;
}

function Postings({ entry }: { entry: Entry }) {
  const debits = totalsByCurrency(entry.postings.filter((posting) => posting.side === 'DEBIT').map((posting) => posting.amount));
  const credits = totalsByCurrency(entry.postings.filter((posting) => posting.side === 'CREDIT').map((posting) => posting.amount));
  return (
    <section aria-labelledby="postings-heading">
      <h2 id="postings-heading">Postings</h2>
      <table className="postings">
        <caption className="visually-hidden">Postings of entry #{entry.sequence}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Account</th>
            <th scope="col">Side</th>
            <th scope="col" className="numeric">Debit</th>
            <th scope="col" className="numeric">Credit</th>
          </tr>
        </thead>
        <tbody>
          {entry.postings.map((posting) => (
            <tr key={posting.line}>
              <td>{posting.line}</td>
              <td>
                {/* An account outside the reader's scope is null: its code is still shown, without a link. */}
                {posting.account ? (
                  <Link to={statementPath(posting.accountCode, { from: entry.effectiveDate, to: entry.effectiveDate })}>
                    <span className="mono">{posting.accountCode}</span> {posting.account.name}
                  </Link>
                ) : (
                  <span className="mono">{posting.accountCode}</span>
                )}
              </td>
              <td>{posting.side === 'DEBIT' ? 'Debit' : 'Credit'}</td>
              <td className="numeric">{posting.side === 'DEBIT' ? <Money value={posting.amount} /> : null}</td>
              <td className="numeric">{posting.side === 'CREDIT' ? <Money value={posting.amount} /> : null}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3}>Total</td>
            <td className="numeric">{debits.map((total) => <Money key={total.currency} value={total} />)}</td>
            <td className="numeric">{credits.map((total) => <Money key={total.currency} value={total} />)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function EntryLink({ entry }: { entry: NonNullable<Entry['reverses']> }) {
  return (
    <Link to={entryPath(entry.id)}>
      #{entry.sequence} of {formatDate(entry.effectiveDate)}: {entry.description}
    </Link>
  );
}

function Reversals({ entry }: { entry: Entry }) {
  return (
    <section aria-labelledby="reversal-heading">
      <h2 id="reversal-heading">Reversal</h2>
      <dl className="detail-grid">
        <dt>Reverses</dt>
        <dd>{entry.reverses ? <EntryLink entry={entry.reverses} /> : 'no entry'}</dd>
        <dt>Reversed by</dt>
        <dd>{entry.reversedBy ? <EntryLink entry={entry.reversedBy} /> : 'not reversed'}</dd>
      </dl>
    </section>
  );
}

function Approval({ request }: { request: Entry['approvalRequest'] }) {
  return (
    <section aria-labelledby="approval-heading">
      <h2 id="approval-heading">Approval</h2>
      {request ? (
        <dl className="detail-grid">
          <dt>Request</dt>
          <dd className="mono">{request.id}</dd>
          <dt>Kind</dt>
          <dd>{request.kind}</dd>
          <dt>Status</dt>
          <dd>
            <span className={`status status-${request.status.toLowerCase()}`}>{request.status}</span>
          </dd>
          <dt>Summary</dt>
          <dd>{request.summary}</dd>
          <dt>Maker</dt>
          <dd>{request.maker.username}, {formatDateTime(request.createdAt)}</dd>
          <dt>Checker</dt>
          <dd>{request.checker ? `${request.checker.username}, ${formatDateTime(request.decidedAt)}` : 'none yet'}</dd>
          <dt>Executed</dt>
          <dd>{request.executedAt ? formatDateTime(request.executedAt) : 'not yet'}</dd>
        </dl>
      ) : (
        <p>No approval request: the entry was posted by a service (or the request is outside your approvals scope).</p>
      )}
    </section>
  );
}
