import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, formatDateTime } from '../../format/dates';
import { CodBillerDocument, CodRequestBankChangeDocument, type CodBillerQuery } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextAreaField } from '../approvals/TextAreaField';
import { notOnFields, onField, placed } from '../money-orders/problems';
import { ActionDialog, DialogButtons } from '../staff/ActionDialog';
import { localProblem, useCommand } from '../staff/useCommand';
import { BillerStatusActions } from './BillerStatusActions';
import { ContractList, NewContractVersionDialog } from './Contracts';
import { BankAccountFields, type BankAccountDraft } from './RegisterBiller';
import { BILLER_STATUS_LABELS, BILLER_TYPE_LABELS } from './labels';
import './cod.css';

type Biller = NonNullable<CodBillerQuery['biller']>;
type BankAccount = Biller['bankAccounts'][number];

const BANK_STATUS_LABELS: Record<string, string> = { PENDING: 'Waiting for approval', ACTIVE: 'Active', SUPERSEDED: 'Replaced', REJECTED: 'Rejected' };

/**
 * One biller: who it is, its payout account (masked unless the person holds cod.bank.read: the API decides), the
 * change waiting in the approvals inbox, every earlier account, and its contract versions; with the actions the
 * person may take (a bank change goes to a checker; a new contract version; suspend or reactivate).
 */
export default function BillerDetail() {
  const { id = '' } = useParams();
  const me = useMe();
  const [{ data, error, fetching }] = useQuery({ query: op(CodBillerDocument), variables: { id } });
  const biller = data?.biller;
  if (!biller) {
    return (
      <>
        <PageHeader title="Biller" />
        {fetching ? <Loading what="Reading the biller" /> : error ? <ProblemList problems={problemsOf(error)} /> : <p role="alert">No biller {id} in your scope.</p>}
      </>
    );
  }
  const manage = can(me, 'cod.biller.manage');
  return (
    <>
      <PageHeader
        title={`${biller.name} (${biller.code})`}
        subtitle={`${BILLER_TYPE_LABELS[biller.type]} · ${BILLER_STATUS_LABELS[biller.status]}`}
        actions={manage ? <BillerStatusActions biller={biller} /> : null}
      />
      <ProblemList problems={problemsOf(error)} />
      <dl className="detail-grid">
        <dt>Code</dt>
        <dd className="mono">{biller.code}</dd>
        <dt>GSTIN</dt>
        <dd className="mono">{biller.gstin ?? 'none'}</dd>
        <dt>Contact</dt>
        <dd>{biller.contact.name}, {biller.contact.email}, {biller.contact.phone}</dd>
        <dt>Settlement office</dt>
        <dd>{biller.settlementOfficeCode}</dd>
        <dt>Registered</dt>
        <dd>{formatDateTime(biller.createdAt)}</dd>
      </dl>
      <section aria-labelledby="cod-bank-heading">
        <h2 id="cod-bank-heading">Payout account</h2>
        {biller.bankAccount ? <AccountView account={biller.bankAccount} /> : <p>No payout account: payouts wait until one is approved.</p>}
        {biller.pendingBankChange ? (
          <div role="note">
            <h3>Change waiting for approval</h3>
            <AccountView account={biller.pendingBankChange} />
            {biller.pendingBankChange.approvalRequest ? <p><Link to={`/approvals/${biller.pendingBankChange.approvalRequest.id}`}>Open the request in the approvals inbox</Link></p> : null}
          </div>
        ) : manage ? (
          <BankChangeDialog billerId={biller.id} />
        ) : null}
        <AccountHistory accounts={biller.bankAccounts} />
      </section>
      <section aria-labelledby="cod-contracts-heading">
        <h2 id="cod-contracts-heading">Contract</h2>
        {manage ? <NewContractVersionDialog billerId={biller.id} /> : null}
        <ContractList contracts={biller.contracts} inForce={biller.contract?.id ?? null} />
      </section>
      <p>
        <Link to={`/cod/articles?biller=${biller.code}`}>The biller’s articles</Link>
      </p>
    </>
  );
}

function AccountView({ account }: { account: BankAccount }) {
  return (
    <dl className="detail-grid">
      <dt>Holder</dt>
      <dd>{account.holderName}</dd>
      <dt>Account number</dt>
      <dd className="mono">{account.accountNumber}{account.accountNumberMasked ? <span className="muted"> (masked)</span> : null}</dd>
      <dt>IFSC</dt>
      <dd className="mono">{account.ifsc}</dd>
      <dt>Status</dt>
      <dd>{BANK_STATUS_LABELS[account.status] ?? account.status}{account.activatedOn ? ` since ${formatDate(account.activatedOn)}` : ''}</dd>
      {account.reason ? (
        <>
          <dt>Reason</dt>
          <dd>{account.reason}</dd>
        </>
      ) : null}
      <dt>Requested</dt>
      <dd>{formatDateTime(account.requestedAt)} by {account.requestedBy}</dd>
    </dl>
  );
}

function AccountHistory({ accounts }: { accounts: BankAccount[] }) {
  if (accounts.length <= 1) return null;
  return (
    <table className="diff" aria-label="Every payout account, newest first">
      <thead>
        <tr>
          <th scope="col">Holder</th>
          <th scope="col">Account</th>
          <th scope="col">IFSC</th>
          <th scope="col">Status</th>
          <th scope="col">Requested</th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((account) => (
          <tr key={account.id}>
            <td>{account.holderName}</td>
            <td className="mono">{account.accountNumber}</td>
            <td className="mono">{account.ifsc}</td>
            <td>{BANK_STATUS_LABELS[account.status] ?? account.status}</td>
            <td>{formatDateTime(account.requestedAt)} by {account.requestedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** New payout details go to the approvals inbox (COD_BANK_CHANGE): a second person with cod.biller.bank.approve decides. */
function BankChangeDialog({ billerId }: { billerId: string }) {
  return (
    <ActionDialog label="Request a bank change" title="Request a bank change">
      {(close) => <BankChangeForm billerId={billerId} close={close} />}
    </ActionDialog>
  );
}

function BankChangeForm({ billerId, close }: { billerId: string; close: () => void }) {
  const [bank, setBank] = useState<BankAccountDraft>({ holderName: '', accountNumber: '', ifsc: '' });
  const [reason, setReason] = useState('');
  const command = useCommand(op(CodRequestBankChangeDocument));
  const problems = placed(command.problems);
  const submit = async () => {
    if (reason.trim() === '') return command.setProblems([localProblem('reason', 'Say why the details change (the biller’s letter, say).')]);
    const data = await command.run({ billerId, reason: reason.trim(), bankAccount: { holderName: bank.holderName.trim(), accountNumber: bank.accountNumber.trim(), ifsc: bank.ifsc.trim().toUpperCase() } });
    if (data) close();
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <p>The new details take effect only once a second officer approves them in the approvals inbox.</p>
      <BankAccountFields value={bank} onChange={setBank} problems={problems} legend="New payout account" />
      <TextAreaField label="Reason" value={reason} onChange={setReason} isRequired problems={onField(problems, 'reason')} />
      <ProblemList problems={notOnFields(problems, ['reason', 'bankAccount.holderName', 'bankAccount.accountNumber', 'bankAccount.ifsc'])} />
      <DialogButtons submitLabel="Send for approval" busyLabel="Sending…" busy={command.busy} close={close} />
    </form>
  );
}
