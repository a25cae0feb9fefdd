import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { formatDate } from '../../format/dates';
import { CodBatchDocument, CodCancelBatchDocument, CodMarkPayoutFailedDocument, CodMarkPayoutPaidDocument, CodPayoutFileDocument, type CodBatchQuery, type PayoutFailure } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { TextAreaField } from '../approvals/TextAreaField';
import { notOnFields, onField, placed } from '../money-orders/problems';
import { ActionDialog, DialogButtons } from '../staff/ActionDialog';
import { localProblem, useCommand } from '../staff/useCommand';
import { groupArticleNumber } from './article-number';
import { BATCH_STATUS_LABELS, batchActions, PAYOUT_STATUS_LABELS, utrProblem } from './batch-labels';
import { downloadText } from './download';
import './cod.css';

type Batch = NonNullable<CodBatchQuery['settlementBatch']>;
type Payout = NonNullable<Batch['payout']>;
/** Lines shown at once: a biller's cycle is usually well under this; the API pages at 1,000. */
const LINES = 1_000;

/** One batch: its figures, its payout (to be marked paid with the bank's UTR, or failed), its payout file, its lines. */
export default function BatchDetail() {
  const { id = '' } = useParams();
  const me = useMe();
  const [{ data, error, fetching }, refetch] = useQuery({ query: op(CodBatchDocument), variables: { id, first: LINES } });
  const batch = data?.settlementBatch;
  if (!batch) {
    return (
      <>
        <PageHeader title="Settlement batch" />
        {fetching ? <Loading what="Reading the batch" /> : error ? <ProblemList problems={problemsOf(error)} /> : <p role="alert">No batch {id} in your scope.</p>}
      </>
    );
  }
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const manage = can(me, 'cod.settlement.manage');
  return (
    <>
      <PageHeader
        title={`Settlement batch ${batch.reference}`}
        subtitle={`${batch.billerCode} · cycle ${formatDate(batch.cycleDate)} · ${BATCH_STATUS_LABELS[batch.status]}`}
        actions={manage && batchActions(batch.status).cancel ? <CancelDialog id={batch.id} onDone={reload} /> : null}
      />
      <ProblemList problems={problemsOf(error)} />
      <dl className="detail-grid" aria-label="Figures">
        <dt>Articles</dt>
        <dd>{batch.articleCount.toLocaleString('en-IN')}</dd>
        <dt>Gross collected</dt>
        <dd><Money value={batch.gross} /></dd>
        <dt>COD fee</dt>
        <dd><Money value={batch.fee} /></dd>
        <dt>GST</dt>
        <dd><Money value={batch.tax} /></dd>
        <dt>Early-settlement fee</dt>
        <dd><Money value={batch.earlyFee} /></dd>
        <dt>Adjustments</dt>
        <dd><Money value={batch.adjustments} /></dd>
        <dt>Net to the biller</dt>
        <dd><Money value={batch.net} /></dd>
        {batch.approvalRequestId ? (
          <>
            <dt>Approval</dt>
            <dd><Link to={`/approvals/${batch.approvalRequestId}`}>The release request</Link></dd>
          </>
        ) : null}
        {batch.releasedOn ? (
          <>
            <dt>Released</dt>
            <dd>{formatDate(batch.releasedOn)}</dd>
          </>
        ) : null}
        {batch.closedReason ? (
          <>
            <dt>Closed</dt>
            <dd>{batch.closedReason}</dd>
          </>
        ) : null}
      </dl>
      {batch.payout ? <PayoutView payout={batch.payout} manage={manage} onChange={reload} /> : null}
      <section aria-labelledby="cod-lines-heading">
        <h2 id="cod-lines-heading">Lines ({batch.lines.edges.length}{batch.lines.pageInfo.hasNextPage ? '+' : ''})</h2>
        <table className="diff" aria-label="Batch lines">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Due from</th>
              <th scope="col" className="numeric">Gross</th>
              <th scope="col" className="numeric">Fee</th>
              <th scope="col" className="numeric">GST</th>
              <th scope="col" className="numeric">Early fee</th>
              <th scope="col" className="numeric">Net</th>
            </tr>
          </thead>
          <tbody>
            {batch.lines.edges.map(({ node: line, cursor }) => (
              <tr key={cursor} className={line.active ? undefined : 'muted'}>
                <td className="mono">{line.articleNumber ? <Link to={`/cod/articles/${line.articleNumber}`}>{groupArticleNumber(line.articleNumber)}</Link> : 'Dispute adjustment'}{line.active ? '' : ' (due again)'}</td>
                <td>{formatDate(line.dueFrom)}</td>
                <td className="numeric"><Money value={line.gross} /></td>
                <td className="numeric"><Money value={line.fee} /></td>
                <td className="numeric"><Money value={line.tax} /></td>
                <td className="numeric"><Money value={line.earlyFee} /></td>
                <td className="numeric"><Money value={line.net} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function PayoutView({ payout, manage, onChange }: { payout: Payout; manage: boolean; onChange: () => void }) {
  const client = useClient();
  const [fileProblems, setFileProblems] = useState<Problem[]>([]);
  const download = async () => {
    if (!payout.payoutFileId) return;
    setFileProblems([]);
    const result = await client.query(op(CodPayoutFileDocument), { id: payout.payoutFileId }, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.payoutFile;
    if (!file) return setFileProblems(problemsOf(result.error));
    downloadText(file.fileName, file.content);
  };
  return (
    <section aria-labelledby="cod-payout-heading">
      <h2 id="cod-payout-heading">Payout</h2>
      <dl className="detail-grid">
        <dt>Status</dt>
        <dd>{PAYOUT_STATUS_LABELS[payout.status]}</dd>
        <dt>Amount</dt>
        <dd><Money value={payout.amount} /></dd>
        <dt>To</dt>
        <dd>{payout.beneficiaryName}, <span className="mono">{payout.accountNumber}</span>, <span className="mono">{payout.ifsc}</span></dd>
        <dt>UTR</dt>
        <dd className="mono">{payout.utr ?? 'none yet'}</dd>
        {payout.failureReason ? (
          <>
            <dt>Why it failed</dt>
            <dd>{payout.failureReason}</dd>
          </>
        ) : null}
        <dt>Released</dt>
        <dd>{formatDate(payout.releasedOn)}{payout.outcomeOn ? `; settled ${formatDate(payout.outcomeOn)}` : ''}</dd>
      </dl>
      <div className="actions">
        {manage && payout.payoutFileId ? <Button onPress={() => void download()}>Download the payout file</Button> : null}
        {manage && payout.status === 'PENDING' ? <MarkPaidDialog payoutId={payout.id} onDone={onChange} /> : null}
        {manage && (payout.status === 'PENDING' || payout.status === 'PAID') ? <MarkFailedDialog payoutId={payout.id} paid={payout.status === 'PAID'} onDone={onChange} /> : null}
      </div>
      <ProblemList problems={fileProblems} />
    </section>
  );
}

function MarkPaidDialog({ payoutId, onDone }: { payoutId: string; onDone: () => void }) {
  return (
    <ActionDialog label="Mark paid" title="Mark the payout paid" variant="primary">
      {(close) => <MarkPaidForm payoutId={payoutId} close={close} onDone={onDone} />}
    </ActionDialog>
  );
}

function MarkPaidForm({ payoutId, close, onDone }: { payoutId: string; close: () => void; onDone: () => void }) {
  const [utr, setUtr] = useState('');
  const command = useCommand(op(CodMarkPayoutPaidDocument));
  const problems = placed(command.problems);
  const submit = async () => {
    const problem = utrProblem(utr);
    if (problem) return command.setProblems([localProblem('utr', problem)]);
    if (await command.run({ payoutId, utr: utr.trim().toUpperCase() })) {
      close();
      onDone();
    }
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <TextField label="UTR" description="The bank's reference for the credit" value={utr} onChange={setUtr} inputClassName="mono" isRequired autoFocus problems={onField(problems, 'utr')} />
      <ProblemList problems={notOnFields(problems, ['utr'])} />
      <DialogButtons submitLabel="Mark paid" busyLabel="Saving…" busy={command.busy} close={close} />
    </form>
  );
}

function MarkFailedDialog({ payoutId, paid, onDone }: { payoutId: string; paid: boolean; onDone: () => void }) {
  return (
    <ActionDialog label={paid ? 'Returned by the bank' : 'Mark failed'} title={paid ? 'The bank returned the payout' : 'Mark the payout failed'} variant="danger" final>
      {(close) => <MarkFailedForm payoutId={payoutId} status={paid ? 'REVERSED' : 'FAILED'} close={close} onDone={onDone} />}
    </ActionDialog>
  );
}

function MarkFailedForm({ payoutId, status, close, onDone }: { payoutId: string; status: PayoutFailure; close: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [kind, setKind] = useState<PayoutFailure>(status);
  const command = useCommand(op(CodMarkPayoutFailedDocument));
  const problems = placed(command.problems);
  const submit = async () => {
    if (reason.trim() === '') return command.setProblems([localProblem('reason', 'Give the bank’s reason.')]);
    if (await command.run({ payoutId, input: { reason: reason.trim(), status: kind } })) {
      close();
      onDone();
    }
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <p>The ledger entry is reversed, the amounts become due again in the next batch, and the biller is told.</p>
      <SelectField label="What happened" value={kind} anyLabel={null} onChange={(value) => setKind(value as PayoutFailure)} options={[{ value: 'FAILED', label: 'Not credited' }, { value: 'REVERSED', label: 'Credited, then returned' }]} />
      <TextAreaField label="The bank's reason" value={reason} onChange={setReason} isRequired problems={onField(problems, 'reason')} />
      <ProblemList problems={notOnFields(problems, ['reason'])} />
      <DialogButtons submitLabel="Record" busyLabel="Saving…" busy={command.busy} variant="danger" close={close} />
    </form>
  );
}

function CancelDialog({ id, onDone }: { id: string; onDone: () => void }) {
  return (
    <ActionDialog label="Cancel the batch" title="Cancel the batch" variant="danger" final>
      {(close) => <CancelForm id={id} close={close} onDone={onDone} />}
    </ActionDialog>
  );
}

function CancelForm({ id, close, onDone }: { id: string; close: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const command = useCommand(op(CodCancelBatchDocument));
  const submit = async () => {
    if (reason.trim() === '') return command.setProblems([localProblem('reason', 'Say why.')]);
    if (await command.run({ id, reason: reason.trim() })) {
      close();
      onDone();
    }
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <p>Its articles become due again for the next build.</p>
      <TextAreaField label="Reason" value={reason} onChange={setReason} isRequired problems={onField(command.problems, 'reason')} />
      <ProblemList problems={notOnFields(command.problems, ['reason'])} />
      <DialogButtons submitLabel="Cancel the batch" busyLabel="Cancelling…" busy={command.busy} variant="danger" close={close} />
    </form>
  );
}
