import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { PageHeader } from '../../ui/PageHeader';
import { ApprovalsWaiting } from './ApprovalsWaiting';
import { CashByOffice } from './CashByOffice';
import { LedgerVerification } from './LedgerVerification';
import { UnclosedDays } from './UnclosedDays';
import './dashboard.css';

/**
 * The first screen after sign-in, for the person's scope: cash by office, approvals waiting for them, offices whose
 * day is not closed, and (for auditors) the ledger's verification. Each part asks for its own data, shown as it comes,
 * and only parts the person's grants allow are there (the server filters each by scope).
 */
export default function Dashboard() {
  const me = useMe();
  const ledger = can(me, 'ledger.read');
  const approvals = can(me, 'approval.read');
  const verify = can(me, 'audit.verify');
  const anything = ledger || approvals || verify;
  const wide = me.grants.some((grant) => grant.permission === 'ledger.read' && grant.scope === 'SUBTREE');
  return (
    <>
      <PageHeader title="Dashboard" subtitle={`${me.office.name} (${me.office.code})${wide ? ' and the offices under it' : ''}`} />
      {anything ? (
        <div className="dashboard">
          {ledger ? <CashByOffice /> : null}
          <div className="dashboard-side">
            {approvals ? <ApprovalsWaiting /> : null}
            {ledger ? <UnclosedDays /> : null}
            {verify ? <LedgerVerification /> : null}
          </div>
        </div>
      ) : (
        <p>Your roles have nothing to show here yet; the navigation lists what you may do.</p>
      )}
    </>
  );
}
