import { useState } from 'react';
import { Link } from 'react-router';
import { op } from '../../api/operation';
import { formatDate } from '../../format/dates';
import { sumAmounts } from '../../format/money';
import { CodBatchesDocument, CodBuildBatchesDocument, CodSubmitBatchesDocument, type CodBatchFieldsFragment, type SettlementBatchFilter } from '../../gql/graphql';
import { useKeysetList } from '../../lists/useKeysetList';
import { useUrlFilters } from '../../lists/useUrlFilters';
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
import { OfficeField } from '../journal/OfficeField';
import { notOnFields, onField, placed } from '../money-orders/problems';
import { DateField } from '../staff/DateField';
import { localProblem, useCommand } from '../staff/useCommand';
import { BATCH_STATUS_LABELS, BATCH_STATUSES } from './batch-labels';
import { LoadMore } from './LoadMore';
import './cod.css';

const FILTERS = ['status', 'biller'] as const;
/** One page of batches (a settlement office's cycle has one per biller); "Load more batches" asks for the next. */
const PAGE = 50;

/**
 * Settlement batches, one per biller per cycle: built on demand here (the scheduled job builds them too) from the
 * collections that are due, net of fees, GST and early-settlement fees; drafts chosen and sent together to the
 * approvals inbox as one release request. Each batch opens on its lines, payout and payout file.
 */
export default function Batches() {
  const me = useMe();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [biller, setBiller] = useState(filters.biller);
  const filter: SettlementBatchFilter = {
    ...(filters.status ? { status: filters.status as SettlementBatchFilter['status'] } : {}),
    ...(filters.biller ? { billerCode: filters.biller } : {}),
  };
  const list = useKeysetList({
    query: op(CodBatchesDocument),
    variables: { filter },
    pageSize: PAGE,
    select: (data) => ({ rows: data.settlementBatches.edges.map((edge) => edge.node), endCursor: data.settlementBatches.pageInfo.endCursor, hasNextPage: data.settlementBatches.pageInfo.hasNextPage }),
  });
  const reload = list.reload;
  const batches = list.rows;
  const [chosen, setChosen] = useState<string[]>([]);
  // Kept here, not in the form: the form goes once its drafts are submitted (the list reloads without them).
  const [sent, setSent] = useState<string | undefined>();
  const drafts = batches.filter((batch) => batch.status === 'DRAFT');
  return (
    <>
      <PageHeader title="COD settlement batches" subtitle="What each biller is owed for a cycle, built from due collections, sent for approval and paid." />
      {can(me, 'cod.settlement.manage') ? <BuildForm onBuilt={reload} /> : null}
      <search className="filters" aria-label="Filter batches">
        <SelectField label="Status" value={filters.status} onChange={(status) => setFilters({ status })} options={BATCH_STATUSES.map((value) => ({ value, label: BATCH_STATUS_LABELS[value] }))} />
        <TextField label="Biller code" value={biller} onChange={setBiller} onBlur={() => setFilters({ biller: biller.trim().toUpperCase() })} />
      </search>
      <ProblemList problems={list.problems} />
      {list.loading ? <Loading what="Reading the batches" /> : (
        batches.length === 0 ? <p>No batches match.</p> : (
          <table className="diff" aria-label="Settlement batches">
            <thead>
              <tr>
                <th scope="col">Choose</th>
                <th scope="col">Batch</th>
                <th scope="col">Biller</th>
                <th scope="col">Cycle</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">Articles</th>
                <th scope="col" className="numeric">Gross</th>
                <th scope="col" className="numeric">Fees and GST</th>
                <th scope="col" className="numeric">Net</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => <BatchRow key={batch.id} batch={batch} chosen={chosen.includes(batch.id)} onChoose={(on) => setChosen((current) => (on ? [...current, batch.id] : current.filter((id) => id !== batch.id)))} />)}
            </tbody>
          </table>
        )
      )}
      <LoadMore list={list} what="batches" />
      {can(me, 'cod.settlement.release') && drafts.length > 0 ? <SubmitForm ids={chosen.filter((id) => drafts.some((batch) => batch.id === id))} onSubmitted={(requestId) => { setChosen([]); setSent(requestId); reload(); }} /> : null}
      {sent ? <p role="status">Sent for approval. <Link to={`/approvals/${sent}`}>Open the request</Link></p> : null}
    </>
  );
}

function BatchRow({ batch, chosen, onChoose }: { batch: CodBatchFieldsFragment; chosen: boolean; onChoose: (on: boolean) => void }) {
  const fees = { amount: sumAmounts([batch.fee.amount, batch.tax.amount, batch.earlyFee.amount]).toFixed(2), currency: batch.net.currency };
  return (
    <tr>
      <td>{batch.status === 'DRAFT' ? <input type="checkbox" aria-label={`Choose ${batch.reference}`} checked={chosen} onChange={(event) => onChoose(event.target.checked)} /> : null}</td>
      <td><Link to={`/cod/batches/${batch.id}`} className="mono">{batch.reference}</Link></td>
      <td>{batch.billerCode}</td>
      <td>{formatDate(batch.cycleDate)}</td>
      <td>{BATCH_STATUS_LABELS[batch.status]}</td>
      <td className="numeric">{batch.articleCount.toLocaleString('en-IN')}</td>
      <td className="numeric"><Money value={batch.gross} /></td>
      <td className="numeric"><Money value={fees} /></td>
      <td className="numeric"><Money value={batch.net} /></td>
    </tr>
  );
}

function BuildForm({ onBuilt }: { onBuilt: () => void }) {
  const me = useMe();
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [cycleDate, setCycleDate] = useState('');
  const [built, setBuilt] = useState<number | undefined>();
  const command = useCommand(op(CodBuildBatchesDocument));
  const problems = placed(command.problems);
  const submit = async () => {
    if (officeCode.trim() === '') return command.setProblems([localProblem('settlementOfficeCode', 'Choose the settlement office.')]);
    setBuilt(undefined);
    const data = await command.run({ input: { settlementOfficeCode: officeCode.trim(), ...(cycleDate ? { cycleDate } : {}) } });
    if (data) {
      setBuilt(data.buildSettlementBatches.length);
      onBuilt();
    }
  };
  return (
    <form className="cod-form" aria-label="Build batches" onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <fieldset>
        <legend>Build batches</legend>
        <OfficeField label="Settlement office" value={officeCode} onChange={setOfficeCode} problems={onField(problems, 'settlementOfficeCode')} />
        <DateField label="Cycle date" description="Empty: today's business date" value={cycleDate} onChange={setCycleDate} problems={onField(problems, 'cycleDate')} />
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={command.busy}>{command.busy ? 'Building…' : 'Build batches'}</Button>
        </div>
      </fieldset>
      <ProblemList problems={notOnFields(problems, ['settlementOfficeCode', 'cycleDate'])} />
      {built !== undefined ? <p role="status">{built === 0 ? 'Nothing was due: no batch built.' : `${built} ${built === 1 ? 'batch' : 'batches'} built.`}</p> : null}
    </form>
  );
}

function SubmitForm({ ids, onSubmitted }: { ids: string[]; onSubmitted: (approvalRequestId: string) => void }) {
  const [note, setNote] = useState('');
  const command = useCommand(op(CodSubmitBatchesDocument));
  const problems = placed(command.problems);
  const submit = async () => {
    const local = [];
    if (ids.length === 0) local.push(localProblem('ids', 'Choose the draft batches to send.'));
    if (note.trim() === '') local.push(localProblem('note', 'Write a note for the checker.'));
    if (local.length > 0) return command.setProblems(local);
    const data = await command.run({ ids, note: note.trim() });
    if (data) {
      setNote('');
      onSubmitted(data.submitSettlementBatches.approvalRequestId);
    }
  };
  return (
    <form className="cod-form" aria-label="Send for approval" onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <fieldset>
        <legend>Send the chosen drafts for approval ({ids.length})</legend>
        <TextAreaField label="Note for the checker" value={note} onChange={setNote} isRequired problems={onField(problems, 'note')} />
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={command.busy}>{command.busy ? 'Sending…' : 'Submit for approval'}</Button>
        </div>
      </fieldset>
      <ProblemList problems={notOnFields(problems, ['note'])} />
    </form>
  );
}
