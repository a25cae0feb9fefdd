import { useState } from 'react';
import { op } from '../../api/operation';
import { formatDate } from '../../format/dates';
import { readAmount } from '../../format/money';
import { CodRaiseDisputeDocument, CodResolveDisputeDocument, type CodDisputeFieldsFragment, type CodDisputeKind, type CodDisputeOutcome } from '../../gql/graphql';
import { Money } from '../../ui/Money';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { TextAreaField } from '../approvals/TextAreaField';
import { notOnFields, onField, placed } from '../money-orders/problems';
import { ActionDialog, DialogButtons } from '../staff/ActionDialog';
import { localProblem, useCommand } from '../staff/useCommand';
import { articleNumberProblem, normaliseArticleNumber } from './article-number';

export const KIND_LABELS: Record<CodDisputeKind, string> = { NOT_RECEIVED: 'Not received by the customer', PARTIAL_AMOUNT: 'Less was collected than the COD amount' };
export const STATUS_LABELS: Record<string, string> = { OPEN: 'Open: the amount is held out of settlement', UPHELD: 'Upheld', REJECTED: 'Rejected: the amount is released' };

/**
 * A biller disputes an article within the contract's window after delivery; the amount is held out of settlement
 * until the dispute is resolved. `articleNumber` fixed (the article's page) or typed (the biller's page).
 */
export function RaiseDisputeDialog({ articleNumber, onRaised }: { articleNumber?: string; onRaised: (dispute: CodDisputeFieldsFragment) => void }) {
  return (
    <ActionDialog label="Raise a dispute" title="Raise a dispute">
      {(close) => <RaiseForm fixedArticle={articleNumber} close={close} onRaised={onRaised} />}
    </ActionDialog>
  );
}

function RaiseForm({ fixedArticle, close, onRaised }: { fixedArticle: string | undefined; close: () => void; onRaised: (dispute: CodDisputeFieldsFragment) => void }) {
  const [articleNumber, setArticleNumber] = useState(fixedArticle ?? '');
  const [kind, setKind] = useState<CodDisputeKind>('PARTIAL_AMOUNT');
  const [claimed, setClaimed] = useState('');
  const [note, setNote] = useState('');
  const command = useCommand(op(CodRaiseDisputeDocument));
  const problems = placed(command.problems);
  const submit = async () => {
    const local = [];
    const numberProblem = articleNumberProblem(articleNumber);
    if (numberProblem) local.push(localProblem('articleNumber', numberProblem));
    const amount = kind === 'PARTIAL_AMOUNT' ? readAmount(claimed) : undefined;
    if (amount && !amount.ok) local.push(localProblem('claimedAmount', amount.message));
    if (note.trim() === '') local.push(localProblem('note', 'Say what happened.'));
    if (local.length > 0) return command.setProblems(local);
    const data = await command.run({ articleNumber: normaliseArticleNumber(articleNumber), input: { kind, note: note.trim(), ...(kind === 'PARTIAL_AMOUNT' ? { claimedAmount: claimed.trim() } : {}) } });
    if (data) {
      close();
      onRaised(data.raiseCodDispute);
    }
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      {fixedArticle ? null : <TextField label="Article number" value={articleNumber} onChange={setArticleNumber} inputClassName="mono" isRequired problems={onField(problems, 'articleNumber')} />}
      <SelectField label="What is wrong" value={kind} anyLabel={null} onChange={(value) => setKind(value as CodDisputeKind)} options={(['PARTIAL_AMOUNT', 'NOT_RECEIVED'] as const).map((value) => ({ value, label: KIND_LABELS[value] }))} />
      {kind === 'PARTIAL_AMOUNT' ? <TextField label="What should have been collected" value={claimed} onChange={setClaimed} inputMode="decimal" isRequired problems={onField(problems, 'claimedAmount')} /> : null}
      <TextAreaField label="Note" value={note} onChange={setNote} isRequired problems={onField(problems, 'note')} />
      <ProblemList problems={notOnFields(problems, ['articleNumber', 'claimedAmount', 'note'])} />
      <DialogButtons submitLabel="Raise the dispute" busyLabel="Raising…" busy={command.busy} close={close} />
    </form>
  );
}

/** A dispute as it stands, with its resolution for holders of cod.dispute.manage. */
export function DisputeView({ dispute, canResolve, onChange }: { dispute: CodDisputeFieldsFragment; canResolve: boolean; onChange: (dispute: CodDisputeFieldsFragment) => void }) {
  return (
    <section aria-labelledby={`cod-dispute-${dispute.id}`}>
      <h2 id={`cod-dispute-${dispute.id}`}>Dispute on {dispute.articleNumber}</h2>
      <dl className="detail-grid">
        <dt>Kind</dt>
        <dd>{KIND_LABELS[dispute.kind]}</dd>
        <dt>Dispute status</dt>
        <dd><span role="status">{STATUS_LABELS[dispute.status] ?? dispute.status}</span></dd>
        {dispute.claimedAmount ? (
          <>
            <dt>Claimed</dt>
            <dd><Money value={dispute.claimedAmount} /></dd>
          </>
        ) : null}
        {dispute.adjustmentAmount ? (
          <>
            <dt>Adjustment</dt>
            <dd><Money value={dispute.adjustmentAmount} /></dd>
          </>
        ) : null}
        <dt>Raised</dt>
        <dd>{formatDate(dispute.raisedOn)}: {dispute.note}</dd>
        {dispute.resolvedOn ? (
          <>
            <dt>Resolved</dt>
            <dd>{formatDate(dispute.resolvedOn)}: {dispute.resolutionNote}</dd>
          </>
        ) : null}
      </dl>
      {canResolve && dispute.status === 'OPEN' ? <ResolveDisputeDialog dispute={dispute} onResolved={onChange} /> : null}
    </section>
  );
}

/** Upheld (with the adjustment paid in the next batch) or rejected (the amount released), with the note that says why. */
export function ResolveDisputeDialog({ dispute, onResolved, label = 'Resolve the dispute' }: { dispute: CodDisputeFieldsFragment; onResolved: (dispute: CodDisputeFieldsFragment) => void; label?: string }) {
  return (
    <ActionDialog label={label} title="Resolve the dispute">
      {(close) => <ResolveForm dispute={dispute} close={close} onResolved={onResolved} />}
    </ActionDialog>
  );
}

function ResolveForm({ dispute, close, onResolved }: { dispute: CodDisputeFieldsFragment; close: () => void; onResolved: (dispute: CodDisputeFieldsFragment) => void }) {
  const [outcome, setOutcome] = useState<CodDisputeOutcome>('UPHELD');
  const [adjustment, setAdjustment] = useState(dispute.claimedAmount?.amount ?? '');
  const [note, setNote] = useState('');
  const command = useCommand(op(CodResolveDisputeDocument));
  const problems = placed(command.problems);
  const submit = async () => {
    if (note.trim() === '') return command.setProblems([localProblem('note', 'Say how it was decided.')]);
    const data = await command.run({ id: dispute.id, input: { outcome, note: note.trim(), ...(outcome === 'UPHELD' && adjustment.trim() !== '' ? { adjustmentAmount: adjustment.trim() } : {}) } });
    if (data) {
      close();
      onResolved(data.resolveCodDispute);
    }
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <SelectField label="Outcome" value={outcome} anyLabel={null} onChange={(value) => setOutcome(value as CodDisputeOutcome)} options={[{ value: 'UPHELD', label: 'Upheld: adjust in the next batch' }, { value: 'REJECTED', label: 'Rejected: release the amount' }]} />
      {outcome === 'UPHELD' ? <TextField label="Adjustment to the biller" value={adjustment} onChange={setAdjustment} inputMode="decimal" problems={onField(problems, 'adjustmentAmount')} /> : null}
      <TextAreaField label="Resolution note" value={note} onChange={setNote} isRequired problems={onField(problems, 'note')} />
      <ProblemList problems={notOnFields(problems, ['adjustmentAmount', 'note'])} />
      <DialogButtons submitLabel="Resolve" busyLabel="Saving…" busy={command.busy} close={close} />
    </form>
  );
}
