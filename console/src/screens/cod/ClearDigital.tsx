import { useState } from 'react';
import { op } from '../../api/operation';
import { CodClearDigitalCollectionsDocument, type CodClearDigitalCollectionsMutation } from '../../gql/graphql';
import { Money } from '../../ui/Money';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { TextAreaField } from '../approvals/TextAreaField';
import { notOnFields, onField } from '../money-orders/problems';
import { ActionDialog, DialogButtons } from '../staff/ActionDialog';
import { localProblem, useCommand } from '../staff/useCommand';
import { articleNumberList, groupArticleNumber } from './article-number';
import { codProblems } from './problems';

export type Clearing = CodClearDigitalCollectionsMutation['clearDigitalCollections'];

/**
 * UPI and card collections become due for settlement once the aggregator's credit is seen at the bank: a finance
 * officer (cod.dispute.manage at the biller's settlement office) clears them with the credit's reference. One
 * article (its page) or a list pasted from the aggregator's statement (the articles list), at most 1,000 at a time;
 * one refused article refuses the whole clearing, and the problem names it.
 */
export function ClearDigitalDialog({ articleNumber, onCleared }: { articleNumber?: string; onCleared: (clearing: Clearing) => void }) {
  const label = articleNumber ? 'Clear the digital collection' : 'Clear digital collections';
  return (
    <ActionDialog label={label} title={articleNumber ? `Clear the digital collection of ${groupArticleNumber(articleNumber)}` : 'Clear digital collections'}>
      {(close) => <ClearForm fixedArticle={articleNumber} close={close} onCleared={onCleared} />}
    </ActionDialog>
  );
}

function ClearForm({ fixedArticle, close, onCleared }: { fixedArticle: string | undefined; close: () => void; onCleared: (clearing: Clearing) => void }) {
  const [numbers, setNumbers] = useState('');
  const [reference, setReference] = useState('');
  const command = useCommand(op(CodClearDigitalCollectionsDocument));
  const problems = codProblems(command.problems);
  const submit = async () => {
    const local = [];
    const listed = fixedArticle ? { numbers: [fixedArticle] } : articleNumberList(numbers);
    if ('problem' in listed && listed.problem) local.push(localProblem('articleNumbers', listed.problem));
    if (reference.trim() === '') local.push(localProblem('reference', 'Give the aggregator’s credit reference.'));
    if (local.length > 0) return command.setProblems(local);
    const data = await command.run({ input: { articleNumbers: listed.numbers, reference: reference.trim() } });
    if (data) {
      close();
      onCleared(data.clearDigitalCollections);
    }
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      {fixedArticle ? null : (
        <TextAreaField label="Article numbers" description="One a line (or separated by commas), up to 1,000, paid by UPI or card" value={numbers} onChange={(value) => { setNumbers(value); command.clearField('articleNumbers'); }} isRequired problems={onField(problems, 'articleNumbers')} />
      )}
      <TextField label="Aggregator’s credit reference" value={reference} onChange={(value) => { setReference(value); command.clearField('reference'); }} isRequired inputClassName="mono" problems={onField(problems, 'reference')} />
      {fixedArticle ? <ProblemList problems={notOnFields(problems, ['reference'])} /> : <ProblemList problems={notOnFields(problems, ['articleNumbers', 'reference'])} />}
      <DialogButtons submitLabel="Clear" busyLabel="Clearing…" busy={command.busy} close={close} />
    </form>
  );
}

/** What a clearing did, per biller: shown where it was asked for. */
export function ClearingDone({ clearing }: { clearing: Clearing }) {
  const count = clearing.billers.reduce((sum, biller) => sum + biller.articleCount, 0);
  return (
    <p role="status">
      Cleared {count} {count === 1 ? 'collection' : 'collections'} against {clearing.reference}:{' '}
      {clearing.billers.map((biller, at) => (
        <span key={biller.billerCode}>{at > 0 ? '; ' : ''}{biller.billerCode} <Money value={biller.amount} /> ({biller.articleCount})</span>
      ))}
      . They are due for settlement from today.
    </p>
  );
}
