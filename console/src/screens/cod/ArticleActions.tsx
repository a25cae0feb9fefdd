import { useState } from 'react';
import { op } from '../../api/operation';
import { CodMarkLostOrDamagedDocument, CodMarkReturnedToOriginDocument, CodRecordDeliveryDocument, CodRecordDeliveryFailureDocument, type CodCollectionMode, type CodLossKind } from '../../gql/graphql';
import { readAmount } from '../../format/money';
import { Money } from '../../ui/Money';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { TextAreaField } from '../approvals/TextAreaField';
import { ActionDialog, DialogButtons } from '../staff/ActionDialog';
import { localProblem, useCommand } from '../staff/useCommand';
import { notOnFields, onField, placed } from '../money-orders/problems';
import { collectionDiffers, paymentReferenceProblem } from './amounts';
import { COLLECTION_MODE_LABELS, COLLECTION_MODES } from './labels';
import { groupArticleNumber } from './article-number';
import { codProblems } from './problems';

export interface ActionArticle {
  articleNumber: string;
  codAmount: { amount: string; currency: string };
}

/**
 * Delivered, with what was collected at the door: the amount (the COD amount unless the customer paid otherwise,
 * which is recorded and raised as an exception, never silently accepted), how, the digital payment's reference, and
 * the electronic proof of delivery.
 */
export function RecordDeliveryDialog({ article, onDone }: { article: ActionArticle; onDone: () => void }) {
  return (
    <ActionDialog label="Record delivery" title={`Deliver ${groupArticleNumber(article.articleNumber)}`} variant="primary">
      {(close) => <DeliveryForm article={article} close={close} onDone={onDone} />}
    </ActionDialog>
  );
}

function DeliveryForm({ article, close, onDone }: { article: ActionArticle; close: () => void; onDone: () => void }) {
  const [amount, setAmount] = useState(article.codAmount.amount);
  const [mode, setMode] = useState<CodCollectionMode>('CASH');
  const [paymentReference, setPaymentReference] = useState('');
  const [podReference, setPodReference] = useState('');
  const command = useCommand(op(CodRecordDeliveryDocument));
  const problems = placed(command.problems);
  const read = readAmount(amount, article.codAmount.currency);
  const differs = read.ok && collectionDiffers(article.codAmount.amount, read.value.toFixed());

  const submit = async () => {
    const local = [];
    if (!read.ok) local.push(localProblem('amount', read.message));
    const referenceProblem = paymentReferenceProblem(mode, paymentReference);
    if (referenceProblem) local.push(localProblem('paymentReference', referenceProblem));
    if (podReference.trim() === '') local.push(localProblem('podReference', 'Give the proof-of-delivery reference.'));
    if (local.length > 0) return command.setProblems(local);
    const input = { amount: amount.trim(), mode, podReference: podReference.trim(), ...(mode === 'CASH' ? {} : { paymentReference: paymentReference.trim().toUpperCase() }) };
    if (await command.run({ articleNumber: article.articleNumber, input })) {
      close();
      onDone();
    }
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <p>COD amount due: <Money value={article.codAmount} /></p>
      <TextField label="Amount collected" value={amount} onChange={(value) => { setAmount(value); command.clearField('amount'); }} inputMode="decimal" isRequired problems={onField(problems, 'amount')} />
      {differs ? <p role="status" className="mo-difference-nonzero">This differs from the COD amount: it will be recorded and raised as an exception.</p> : null}
      <SelectField label="Paid by" value={mode} anyLabel={null} onChange={(value) => setMode(value as CodCollectionMode)} options={COLLECTION_MODES.map((value) => ({ value, label: COLLECTION_MODE_LABELS[value] }))} />
      {mode !== 'CASH' ? (
        <TextField
          label="Payment reference"
          description={mode === 'UPI' ? 'The 12-digit UPI RRN' : 'The 6-character card approval code'}
          value={paymentReference}
          onChange={(value) => { setPaymentReference(value); command.clearField('paymentReference'); }}
          isRequired
          inputClassName="mono"
          problems={onField(problems, 'paymentReference')}
        />
      ) : null}
      <TextField label="Proof-of-delivery reference" value={podReference} onChange={(value) => { setPodReference(value); command.clearField('podReference'); }} isRequired problems={onField(problems, 'podReference')} />
      <ProblemList problems={notOnFields(problems, ['amount', 'paymentReference', 'podReference'])} />
      <DialogButtons submitLabel="Record delivery" busyLabel="Recording…" busy={command.busy} close={close} />
    </form>
  );
}

/** A reason-only step: a failed delivery (it may go out again) or a return to origin (nothing is due). */
export function ReasonDialog({ article, kind, onDone }: { article: ActionArticle; kind: 'FAILED' | 'RTO'; onDone: () => void }) {
  const failed = kind === 'FAILED';
  return (
    <ActionDialog label={failed ? 'Delivery failed' : 'Return to origin'} title={`${failed ? 'Delivery failed' : 'Return to origin'}: ${groupArticleNumber(article.articleNumber)}`} final={!failed}>
      {(close) => (failed ? <FailureForm article={article} close={close} onDone={onDone} /> : <ReturnForm article={article} close={close} onDone={onDone} />)}
    </ActionDialog>
  );
}

function FailureForm({ article, close, onDone }: { article: ActionArticle; close: () => void; onDone: () => void }) {
  const command = useCommand(op(CodRecordDeliveryFailureDocument));
  return <ReasonForm command={command} label="Why it could not be delivered" submitLabel="Record the failure" onSubmit={(reason) => command.run({ articleNumber: article.articleNumber, reason })} close={close} onDone={onDone} />;
}

function ReturnForm({ article, close, onDone }: { article: ActionArticle; close: () => void; onDone: () => void }) {
  const command = useCommand(op(CodMarkReturnedToOriginDocument));
  return (
    <>
      <p>The article goes back to the biller and nothing is collected for it. This cannot be undone.</p>
      <ReasonForm command={command} label="Why it is returned" submitLabel="Return to origin" onSubmit={(reason) => command.run({ articleNumber: article.articleNumber, reason })} close={close} onDone={onDone} />
    </>
  );
}

function ReasonForm({ command, label, submitLabel, onSubmit, close, onDone }: {
  command: { busy: boolean; problems: ReturnType<typeof placed>; setProblems: (problems: ReturnType<typeof placed>) => void };
  label: string;
  submitLabel: string;
  onSubmit: (reason: string) => Promise<unknown>;
  close: () => void;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (reason.trim() === '') return command.setProblems([localProblem('reason', 'Give the reason.')]);
    if (await onSubmit(reason.trim())) {
      close();
      onDone();
    }
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <TextAreaField label={label} value={reason} onChange={setReason} isRequired problems={onField(command.problems, 'reason')} autoFocus />
      <ProblemList problems={notOnFields(command.problems, ['reason'])} />
      <DialogButtons submitLabel={submitLabel} busyLabel="Saving…" busy={command.busy} close={close} />
    </form>
  );
}

const LOSS_LABELS: Record<CodLossKind, string> = { LOST: 'Lost in the post', DAMAGED: 'Damaged' };

/**
 * Lost or damaged before delivery: the claim's reference and what happened. Final (nothing is collected for the
 * article; the claim is settled outside COD), so the dialog says so and is not dismissed by a stray click.
 */
export function LossDialog({ article, onDone }: { article: ActionArticle; onDone: () => void }) {
  return (
    <ActionDialog label="Lost or damaged" title={`Lost or damaged: ${groupArticleNumber(article.articleNumber)}`} final>
      {(close) => <LossForm article={article} close={close} onDone={onDone} />}
    </ActionDialog>
  );
}

function LossForm({ article, close, onDone }: { article: ActionArticle; close: () => void; onDone: () => void }) {
  const [kind, setKind] = useState<CodLossKind>('LOST');
  const [claimReference, setClaimReference] = useState('');
  const [reason, setReason] = useState('');
  const command = useCommand(op(CodMarkLostOrDamagedDocument));
  const problems = codProblems(command.problems);
  const submit = async () => {
    const local = [];
    if (claimReference.trim() === '') local.push(localProblem('claimReference', 'Give the claim’s reference.'));
    if (reason.trim() === '') local.push(localProblem('reason', 'Say what happened.'));
    if (local.length > 0) return command.setProblems(local);
    if (await command.run({ articleNumber: article.articleNumber, input: { kind, claimReference: claimReference.trim(), reason: reason.trim() } })) {
      close();
      onDone();
    }
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <p>Nothing will be collected for this article. This cannot be undone.</p>
      <SelectField label="What happened" value={kind} anyLabel={null} onChange={(value) => setKind(value as CodLossKind)} options={(['LOST', 'DAMAGED'] as const).map((value) => ({ value, label: LOSS_LABELS[value] }))} />
      <TextField label="Claim reference" value={claimReference} onChange={(value) => { setClaimReference(value); command.clearField('claimReference'); }} isRequired inputClassName="mono" problems={onField(problems, 'claimReference')} />
      <TextAreaField label="What happened, in words" value={reason} onChange={(value) => { setReason(value); command.clearField('reason'); }} isRequired problems={onField(problems, 'reason')} />
      <ProblemList problems={notOnFields(problems, ['claimReference', 'reason'])} />
      <DialogButtons submitLabel="Record the claim" busyLabel="Recording…" busy={command.busy} close={close} />
    </form>
  );
}
