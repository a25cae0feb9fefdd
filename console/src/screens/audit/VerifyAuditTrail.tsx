import { useState } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { AuditVerifyDocument, type AuditVerifyQuery } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsFor, problemsOf, unclaimed, type Problem } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { useUrlFilters } from '../../lists/useUrlFilters';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { breakReason } from './audit-words';
import { dayRange } from './day-range';
import './audit.css';

type Verification = AuditVerifyQuery['verifyAuditTrail'];

/**
 * /audit/verify: recomputes the hash chain (the whole of it, or the records of a window of days) on the server and
 * says whether it holds, how many seals it checked and, when it does not, the first record where it breaks. Run on
 * request only: verifying reads every seal of the range.
 */
export default function VerifyAuditTrail() {
  const client = useClient();
  const [filters, setFilters] = useUrlFilters(['from', 'to'] as const);
  const [running, setRunning] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [outcome, setOutcome] = useState<{ result: Verification; window: string; at: Date } | null>(null);
  const [tried, setTried] = useState(false);
  const range = dayRange(filters.from, filters.to);

  const verify = async () => {
    setTried(true);
    if (!range.ok) {
      setOutcome(null);
      return;
    }
    setRunning(true);
    setProblems([]);
    const result = await client
      .query(op(AuditVerifyDocument), { from: range.from ?? null, to: range.to ?? null }, { requestPolicy: 'network-only' })
      .toPromise();
    setRunning(false);
    const found = problemsOf(result.error);
    setProblems(found);
    if (result.data) {
      const window = filters.from || filters.to ? `records from ${filters.from || 'the start'} to ${filters.to || 'now'}` : 'the whole chain';
      setOutcome({ result: result.data.verifyAuditTrail, window, at: new Date() });
    } else setOutcome(null);
  };

  const verification = outcome?.result;
  return (
    <>
      <PageHeader title="Verify the audit trail" subtitle="Recompute every seal of the hash chain and find the first record that was altered, removed or left out." />
      <form
        className="filters verify-form"
        aria-label="What to verify"
        onSubmit={(event) => {
          event.preventDefault();
          void verify();
        }}
      >
        <TextField
          label="From day"
          description="Leave both empty for the whole chain"
          type="date"
          value={filters.from}
          onChange={(from) => setFilters({ from })}
          localError={tried && !range.ok && range.field === 'from' ? range.message : undefined}
          problems={problemsFor(problems, 'from')}
        />
        <TextField
          label="To day (included)"
          type="date"
          value={filters.to}
          onChange={(to) => setFilters({ to })}
          localError={tried && !range.ok && range.field === 'to' ? range.message : undefined}
          problems={problemsFor(problems, 'to')}
        />
        <div className="verify-action">
          <Button type="submit" variant="primary" isDisabled={running}>
            {running ? 'Verifying…' : 'Verify'}
          </Button>
        </div>
      </form>
      <ProblemList problems={unclaimed(problems, ['from', 'to'])} />
      <div role="status" aria-live="polite" className="verify-result">
        {running ? <p>Verifying {filters.from || filters.to ? 'the window' : 'the whole chain'}…</p> : null}
        {!running && verification && outcome ? (
          <>
            <p className={verification.ok ? 'verify-ok' : 'verify-broken'}>
              <strong>{verification.ok ? 'The audit trail is intact.' : 'The audit trail is broken.'}</strong>{' '}
              {verification.checked.toLocaleString('en-IN')} {verification.checked === 1 ? 'seal' : 'seals'} checked over {outcome.window}, at {formatDateTime(outcome.at.toISOString())}.
            </p>
          </>
        ) : null}
      </div>
      {!running && verification ? (
        <>
          {verification.firstBrokenRecord ? (
            <section aria-labelledby="verify-break" className="verify-break">
              <h2 id="verify-break">First discrepancy</h2>
              <dl className="detail-grid">
                <dt>What is wrong</dt>
                <dd>
                  {breakReason(verification.firstBrokenRecord.reason)} <code>{verification.firstBrokenRecord.reason}</code>
                </dd>
                <dt>Chain position</dt>
                <dd className="mono">{verification.firstBrokenRecord.position ?? '—'}</dd>
                <dt>Record</dt>
                <dd>
                  {verification.firstBrokenRecord.id ? (
                    <Link to={`/audit/${verification.firstBrokenRecord.id}`}>Record {verification.firstBrokenRecord.id}</Link>
                  ) : (
                    'Gone (only its position remains)'
                  )}
                </dd>
              </dl>
            </section>
          ) : null}
          <section aria-labelledby="verify-sealing">
            <h2 id="verify-sealing">How far sealing has got</h2>
            <dl className="detail-grid">
              <dt>Sealed up to</dt>
              <dd>
                {verification.sealedUpTo ? (
                  <>
                    position <span className="mono">{verification.sealedUpTo.position}</span>, {formatDateTime(verification.sealedUpTo.sealedAt)}
                  </>
                ) : (
                  'Nothing sealed yet'
                )}
              </dd>
              {verification.sealedUpTo ? (
                <>
                  <dt>Head hash</dt>
                  <dd className="mono hash">{verification.sealedUpTo.hash}</dd>
                </>
              ) : null}
              <dt>Waiting for the sealer</dt>
              <dd>{verification.unsealed.toLocaleString('en-IN')} {verification.unsealed === 1 ? 'record' : 'records'}</dd>
            </dl>
          </section>
        </>
      ) : null}
      <p>
        <Link to="/audit">Back to the audit trail</Link>
      </p>
    </>
  );
}
