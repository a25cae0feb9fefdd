import { useState } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { LedgerVerifyDocument, type LedgerVerifyQuery } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { entryPath, statementPath } from './links';
import './ledger.css';

type Verification = LedgerVerifyQuery['verifyLedger'];

const KIND_TEXT: Record<string, string> = {
  CHAIN_BROKEN: 'The hash chain is broken: an entry no longer hashes to what was sealed.',
  ENTRY_UNBALANCED: 'An entry does not balance.',
  BALANCE_MISMATCH: "An account's stored totals differ from the sum of its postings.",
  PENDING_MISMATCH: "An account's pending amounts differ from its pending holds.",
  CURRENCY_NOT_BALANCED: 'Debits and credits of a currency do not net to zero.',
};

/**
 * Recomputes the ledger's hash chain and every balance on the server (verifyLedger, audit.verify) and shows whether
 * it holds, and if not, the first discrepancy with a way to the entry or account concerned. It runs when asked: it
 * reads the whole journal.
 */
export default function VerifyLedger() {
  const me = useMe();
  const client = useClient();
  const [state, setState] = useState<{ running: boolean; result?: Verification; at?: string; problems: Problem[] }>({ running: false, problems: [] });
  const verify = () => {
    setState((current) => ({ ...current, running: true, problems: [] }));
    client
      .query(op(LedgerVerifyDocument), {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((answer) => {
        setState(
          answer.data
            ? { running: false, result: answer.data.verifyLedger, at: new Date().toISOString(), problems: problemsOf(answer.error) }
            : { running: false, problems: problemsOf(answer.error) },
        );
      });
  };
  const { result } = state;
  return (
    <>
      <PageHeader title="Verify the ledger" subtitle="Recomputes every entry's chain hash and every account's balance from the postings." />
      {can(me, 'audit.verify') ? (
        <div className="actions">
          <Button variant="primary" onPress={verify} isDisabled={state.running}>
            {state.running ? 'Verifying…' : 'Verify the ledger'}
          </Button>
        </div>
      ) : (
        <p>Verifying the ledger needs the audit.verify permission.</p>
      )}
      <ProblemList problems={state.problems} />
      <div role="status" aria-live="polite">
        {state.running ? <p>Verifying the ledger…</p> : null}
        {result && !state.running ? <VerificationResult result={result} at={state.at} /> : null}
      </div>
    </>
  );
}

function VerificationResult({ result, at }: { result: Verification; at: string | undefined }) {
  const discrepancy = result.firstDiscrepancy;
  return (
    <section className={`verification ${result.ok ? 'verification-ok' : 'verification-broken'}`} aria-labelledby="verification-heading">
      <h2 id="verification-heading">{result.ok ? 'The ledger holds' : 'The ledger does not hold'}</h2>
      <dl className="detail-grid">
        <dt>Checked at</dt>
        <dd>{formatDateTime(at)}</dd>
        <dt>Entries whose chain was recomputed</dt>
        <dd>{result.checkedEntries.toLocaleString('en-IN')}</dd>
        <dt>Sealed through position</dt>
        <dd className="mono">{result.sealedThrough ?? 'nothing sealed yet'}</dd>
        <dt>Entries not yet sealed</dt>
        <dd>{result.unsealedEntries.toLocaleString('en-IN')} (checked for balance, not yet for the chain)</dd>
      </dl>
      {discrepancy ? (
        <>
          <h3>First discrepancy</h3>
          <dl className="detail-grid">
            <dt>Kind</dt>
            <dd>
              <code>{discrepancy.kind}</code> {KIND_TEXT[discrepancy.kind] ?? ''}
            </dd>
            <dt>What the check found</dt>
            <dd>{discrepancy.message}</dd>
            {discrepancy.entryId ? (
              <>
                <dt>Entry</dt>
                <dd>
                  <Link to={entryPath(discrepancy.entryId)} className="mono">
                    {discrepancy.entryId}
                  </Link>
                </dd>
              </>
            ) : null}
            {discrepancy.accountCode ? (
              <>
                <dt>Account</dt>
                <dd>
                  <Link to={statementPath(discrepancy.accountCode)} className="mono">
                    {discrepancy.accountCode}
                  </Link>
                </dd>
              </>
            ) : null}
            {discrepancy.position ? (
              <>
                <dt>Chain position</dt>
                <dd className="mono">{discrepancy.position}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : result.ok ? (
        <p>No discrepancy.</p>
      ) : null}
    </section>
  );
}
