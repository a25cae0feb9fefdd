import { useState } from 'react';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, formatDateTime, operatorToday } from '../../format/dates';
import { readAmount } from '../../format/money';
import { CodPostmanDaySheetDocument, CodRecordDepositDocument, type CodRecordDepositMutation } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { Button } from '../../ui/Button';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { TextAreaField } from '../approvals/TextAreaField';
import { OfficeField } from '../journal/OfficeField';
import { notOnFields, onField, placed } from '../money-orders/problems';
import { localProblem, useCommand } from '../staff/useCommand';
import { depositDifference, depositNeedsReason } from './amounts';
import './cod.css';

type Deposit = CodRecordDepositMutation['recordPostmanDeposit'];

/**
 * The postman's cash handed in at the end of the beat: what the day's cash collections say is due (every cash
 * collection at the office not deposited yet), the cash counted, and the difference as it is typed. A shortage
 * becomes a staff receivable and an excess is held in suspense; either needs a reason, here and at the server.
 */
export default function RecordDeposit() {
  const me = useMe();
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [postmanId, setPostmanId] = useState(me.employeeId);
  const [done, setDone] = useState<Deposit | undefined>();
  const office = officeCode.trim();
  const postman = postmanId.trim();
  const today = operatorToday();
  const [{ data, error }, refetch] = useQuery({ query: op(CodPostmanDaySheetDocument), variables: { officeCode: office, postmanId: postman, date: today }, pause: office === '' || postman === '', requestPolicy: 'network-only' });
  const expected = data?.postmanDaySheet.cashExpected;
  return (
    <>
      <PageHeader title="COD deposit" subtitle="The cash a postman hands in at the office, against the cash collections not yet deposited." />
      <search className="filters" aria-label="Choose the postman">
        <OfficeField value={officeCode} onChange={(value) => { setOfficeCode(value); setDone(undefined); }} />
        <TextField label="Postman" description="Employee number" value={postmanId} onChange={(value) => { setPostmanId(value); setDone(undefined); }} />
      </search>
      <ProblemList problems={problemsOf(error)} />
      {done ? <DepositDone deposit={done} /> : null}
      {expected && !done ? (
        <DepositForm
          key={`${office}/${postman}`}
          officeCode={office}
          postmanId={postman}
          expected={expected}
          onDone={(deposit) => { setDone(deposit); refetch({ requestPolicy: 'network-only' }); }}
        />
      ) : null}
    </>
  );
}

function DepositForm({ officeCode, postmanId, expected, onDone }: { officeCode: string; postmanId: string; expected: { amount: string; currency: string }; onDone: (deposit: Deposit) => void }) {
  const [deposited, setDeposited] = useState('');
  const [reason, setReason] = useState('');
  const command = useCommand(op(CodRecordDepositDocument));
  const problems = placed(command.problems);
  const read = deposited.trim() === '' ? undefined : readAmount(deposited, expected.currency);
  const difference = read?.ok ? depositDifference(expected.amount, read.value.toFixed()) : undefined;
  const needsReason = difference ? depositNeedsReason(difference) : false;

  const submit = async () => {
    const local = [];
    if (!read) local.push(localProblem('depositedAmount', 'Type the cash counted.'));
    else if (!read.ok) local.push(localProblem('depositedAmount', read.message));
    if (needsReason && reason.trim() === '') local.push(localProblem('reason', 'A shortage or an excess needs its reason.'));
    if (local.length > 0) return command.setProblems(local);
    const data = await command.run({ input: { officeCode, postmanId, depositedAmount: deposited.trim(), ...(needsReason ? { reason: reason.trim() } : {}) } });
    if (data) onDone(data.recordPostmanDeposit);
  };
  return (
    <form className="cod-form" aria-label="Record the deposit" onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <dl className="detail-grid">
        <dt>Expected cash</dt>
        <dd><Money value={expected} /></dd>
        {difference ? (
          <>
            <dt>Difference</dt>
            <dd>
              <span role="status" className={difference.kind === 'EXACT' ? 'mo-difference-zero' : 'mo-difference-nonzero'}>
                {difference.kind === 'EXACT' ? 'None: the deposit matches.' : <>{difference.kind === 'SHORT' ? 'Short by ' : 'Over by '}<Money value={{ amount: difference.amount, currency: expected.currency }} /></>}
              </span>
            </dd>
          </>
        ) : null}
      </dl>
      <TextField label="Cash deposited" value={deposited} onChange={(value) => { setDeposited(value); command.clearField('depositedAmount'); }} inputMode="decimal" isRequired problems={onField(problems, 'depositedAmount', 'amount')} />
      {needsReason ? (
        <TextAreaField
          label="Reason for the difference"
          description={difference?.kind === 'SHORT' ? 'A shortage is recorded as owed by the postman.' : 'An excess is held in suspense until explained.'}
          value={reason}
          onChange={(value) => { setReason(value); command.clearField('reason'); }}
          isRequired
          problems={onField(problems, 'reason')}
        />
      ) : null}
      <ProblemList problems={notOnFields(problems, ['depositedAmount', 'amount', 'reason'])} />
      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={command.busy}>{command.busy ? 'Recording…' : 'Record the deposit'}</Button>
      </div>
    </form>
  );
}

function DepositDone({ deposit }: { deposit: Deposit }) {
  return (
    <section aria-labelledby="cod-deposit-done" className="cod-form">
      <h2 id="cod-deposit-done">Deposit recorded</h2>
      <dl className="detail-grid">
        <dt>Business date</dt>
        <dd>{formatDate(deposit.businessDate)}</dd>
        <dt>Expected</dt>
        <dd><Money value={deposit.expected} /></dd>
        <dt>Deposited</dt>
        <dd><Money value={deposit.deposited} /></dd>
        <dt>Shortage</dt>
        <dd><Money value={deposit.shortage} /></dd>
        <dt>Excess</dt>
        <dd><Money value={deposit.excess} /></dd>
        <dt>Collections</dt>
        <dd>{deposit.collectionCount.toLocaleString('en-IN')}</dd>
        {deposit.reason ? (
          <>
            <dt>Reason</dt>
            <dd>{deposit.reason}</dd>
          </>
        ) : null}
        <dt>Recorded</dt>
        <dd>{formatDateTime(deposit.depositedAt)} by {deposit.depositedBy}</dd>
      </dl>
    </section>
  );
}
