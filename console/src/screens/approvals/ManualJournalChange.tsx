import { useQuery } from 'urql';
import { ApprovalJournalAccountsDocument, ApprovalReversedEntryDocument } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, formatDateTime } from '../../format/dates';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { ProblemList } from '../../ui/ProblemList';
import { AmountCell } from './AmountCell';
import { journalTotals, type JournalLine } from './journal-totals';
import type { ManualJournalPayload } from './payload-kinds';

type Post = Extract<ManualJournalPayload, { operation: 'POST' }>;
type Reverse = Extract<ManualJournalPayload, { operation: 'REVERSE' }>;

interface Line extends JournalLine {
  key: string;
  accountCode: string;
  accountName: string | null;
}

/** Debit and credit columns with totals per currency and the difference when it is not zero. */
function PostingsTable({ caption, lines }: { caption: string; lines: Line[] }) {
  const { totals, unsummed } = journalTotals(lines);
  return (
    <>
      <table className="diff postings">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Line
            </th>
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
          {lines.map((line, index) => (
            <tr key={line.key}>
              <td className="numeric">{index + 1}</td>
              <th scope="row">
                <span className="mono">{line.accountCode}</span>
                {line.accountName ? <span className="account-name"> {line.accountName}</span> : null}
              </th>
              <td className="numeric">{line.side === 'DEBIT' ? <AmountCell amount={line.amount} currency={line.currency} /> : null}</td>
              <td className="numeric">{line.side === 'CREDIT' ? <AmountCell amount={line.amount} currency={line.currency} /> : null}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {totals.map((total) => (
            <tr key={total.currency}>
              <td />
              <th scope="row">Total{totals.length > 1 ? ` (${total.currency})` : ''}</th>
              <td className="numeric">
                <Money value={{ amount: total.debit, currency: total.currency }} />
              </td>
              <td className="numeric">
                <Money value={{ amount: total.credit, currency: total.currency }} />
              </td>
            </tr>
          ))}
        </tfoot>
      </table>
      {totals
        .filter((total) => total.difference !== '0')
        .map((total) => (
          <p key={total.currency} className="notice-warn" role="note">
            Debits and credits differ by <Money value={{ amount: total.difference, currency: total.currency }} />: the ledger will refuse an entry that does not balance.
          </p>
        ))}
      {unsummed > 0 ? (
        <p className="notice-warn" role="note">
          {unsummed === 1 ? 'One line is' : `${unsummed} lines are`} left out of the totals (an amount the ledger will refuse, or an account whose currency you may not read).
        </p>
      ) : null}
    </>
  );
}

/** A manual journal as the entry it will post: office, date, description, source, and every posting as money. */
export function JournalPostChange({ payload, status }: { payload: Post; status: string }) {
  const { command } = payload;
  const codes = [...new Set(command.postings.map((posting) => posting.accountCode))];
  // One query for every account the postings name (AccountFilter.codes), for their names and currencies.
  const [{ data, error, fetching }] = useQuery({ query: op(ApprovalJournalAccountsDocument), variables: { codes } });
  const accounts = new Map((data?.accounts.edges ?? []).map((edge) => [edge.node.code, edge.node]));
  const lines: Line[] = command.postings.map((posting, index) => {
    const account = accounts.get(posting.accountCode);
    return {
      key: String(index),
      accountCode: posting.accountCode,
      accountName: account?.name ?? null,
      side: posting.side,
      amount: posting.amount,
      currency: posting.currency ?? account?.currency ?? null,
    };
  });
  return (
    <>
      <dl className="detail-grid">
        <dt>Office</dt>
        <dd className="mono">{command.officeCode}</dd>
        <dt>Business date</dt>
        <dd>{formatDate(command.effectiveDate)}</dd>
        <dt>Description</dt>
        <dd>{command.description}</dd>
        <dt>Source</dt>
        <dd>
          {command.source.type}
          {command.source.reference ? ` · ${command.source.reference}` : ''}
        </dd>
        <dt>Idempotency key</dt>
        <dd className="mono">{command.idempotencyKey}</dd>
      </dl>
      {fetching && !data ? <Loading what="Reading the accounts" /> : null}
      <ProblemList problems={problemsOf(error)} />
      <PostingsTable caption={status === 'EXECUTED' ? 'The postings this journal made' : status === 'PENDING' || status === 'APPROVED' ? 'The postings this journal will make' : 'The postings this journal asked for'} lines={lines} />
    </>
  );
}

/** A reversal as what it posts: the entry it reverses, and that entry's postings with their sides swapped. */
export function JournalReverseChange({ payload }: { payload: Reverse }) {
  const [{ data, error, fetching }] = useQuery({ query: op(ApprovalReversedEntryDocument), variables: { id: payload.entryId } });
  const entry = data?.journalEntry ?? null;
  const original: Line[] = (entry?.postings ?? []).map((posting) => ({
    key: String(posting.line),
    accountCode: posting.accountCode,
    accountName: posting.account?.name ?? null,
    side: posting.side,
    amount: posting.amount.amount,
    currency: posting.amount.currency,
  }));
  const mirrored = original.map((line) => ({ ...line, side: line.side === 'DEBIT' ? ('CREDIT' as const) : ('DEBIT' as const) }));
  return (
    <>
      <dl className="detail-grid">
        <dt>Entry to reverse</dt>
        <dd>
          <span className="mono">{payload.entryId}</span>
          {entry ? ` (number ${entry.sequence})` : ''}
        </dd>
        {entry ? (
          <>
            <dt>Its office and date</dt>
            <dd>
              <span className="mono">{entry.officeCode}</span>, {formatDate(entry.effectiveDate)} (posted {formatDateTime(entry.postedAt)})
            </dd>
            <dt>Its description</dt>
            <dd>{entry.description}</dd>
            <dt>Its source</dt>
            <dd>
              {entry.source.type}
              {entry.source.reference ? ` · ${entry.source.reference}` : ''}
            </dd>
          </>
        ) : null}
        <dt>Reason</dt>
        <dd>{payload.reason}</dd>
        <dt>Idempotency key</dt>
        <dd className="mono">{payload.idempotencyKey}</dd>
      </dl>
      {fetching && !data ? <Loading what="Reading the entry" /> : null}
      <ProblemList problems={problemsOf(error)} />
      {entry?.reversedBy ? (
        <p className="notice-warn" role="note">
          This entry has already been reversed (by entry <span className="mono">{entry.reversedBy.id}</span>); another reversal will be refused.
        </p>
      ) : null}
      {entry ? (
        <div className="postings-pair">
          <section aria-labelledby="reversal-before">
            <h3 id="reversal-before">Before: the entry as posted</h3>
            <PostingsTable caption="The entry's postings, as posted" lines={original} />
          </section>
          <section aria-labelledby="reversal-after">
            <h3 id="reversal-after">After: the reversal will post</h3>
            <PostingsTable caption="The postings the reversal will make: the entry's, sides swapped" lines={mirrored} />
          </section>
        </div>
      ) : !fetching && !error ? (
        <p className="muted">The entry is not one you may read, so its postings are not shown.</p>
      ) : null}
    </>
  );
}
