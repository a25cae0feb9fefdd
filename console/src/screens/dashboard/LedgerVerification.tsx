import { useState } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { DashboardVerifyLedgerDocument, type DashboardVerifyLedgerQuery } from '../../gql/graphql';
import { Button } from '../../ui/Button';
import { ProblemList } from '../../ui/ProblemList';

type Verification = DashboardVerifyLedgerQuery['verifyLedger'];

/**
 * The ledger's tamper check (verifyLedger, audit.verify): it recomputes the whole hash chain and every balance, so it
 * runs when asked, never on opening the dashboard.
 */
export function LedgerVerification() {
  const client = useClient();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ verification: Verification; at: string } | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const verify = async () => {
    setRunning(true);
    setProblems([]);
    try {
      const answer = await client.query(op(DashboardVerifyLedgerDocument), {}, { requestPolicy: 'network-only' }).toPromise();
      if (answer.data) setResult({ verification: answer.data.verifyLedger, at: new Date().toISOString() });
      else setProblems(problemsOf(answer.error));
    } finally {
      setRunning(false);
    }
  };
  const verification = result?.verification;
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-verify-heading">
      <h2 id="dashboard-verify-heading">Ledger verification</h2>
      <p className="dashboard-muted">Recomputes the hash chain of every entry and every account's totals. It reads the whole ledger: run it when you need it.</p>
      <div className="actions">
        <Button onPress={() => void verify()} isDisabled={running}>
          {running ? 'Verifying…' : 'Verify the ledger'}
        </Button>
      </div>
      <ProblemList problems={problems} />
      <div role="status" aria-live="polite">
        {verification ? (
          <>
            <p className="dashboard-figure">
              <span className={`status ${verification.ok ? 'status-ok' : 'status-broken'}`}>{verification.ok ? 'Intact' : 'Discrepancy found'}</span>
              <span className="dashboard-muted">
                {' '}
                {verification.checkedEntries.toLocaleString('en-IN')} entries checked
                {verification.sealedThrough ? `, sealed through position ${verification.sealedThrough}` : ''}
                {verification.unsealedEntries > 0 ? `, ${verification.unsealedEntries} not yet sealed (checked for balance)` : ''} · {formatDateTime(result!.at)}
              </span>
            </p>
            {verification.firstDiscrepancy ? (
              <p>
                First discrepancy: <code>{verification.firstDiscrepancy.kind}</code> {verification.firstDiscrepancy.message}
                {verification.firstDiscrepancy.entryId ? (
                  <>
                    {' '}
                    <Link to={`/ledger/entries/${verification.firstDiscrepancy.entryId}`}>Open the entry</Link>
                  </>
                ) : null}
                {verification.firstDiscrepancy.accountCode ? <span className="mono"> {verification.firstDiscrepancy.accountCode}</span> : null}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
