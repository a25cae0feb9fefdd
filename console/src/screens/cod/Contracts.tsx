import { useState } from 'react';
import { op } from '../../api/operation';
import { formatDate, formatDateTime, operatorToday } from '../../format/dates';
import { CodCreateContractVersionDocument, type CodContractFieldsFragment } from '../../gql/graphql';
import { Money } from '../../ui/Money';
import { ProblemList } from '../../ui/ProblemList';
import { notOnFields, onField, placed } from '../money-orders/problems';
import { ActionDialog, DialogButtons } from '../staff/ActionDialog';
import { DateField } from '../staff/DateField';
import { localProblem, useCommand } from '../staff/useCommand';
import { ContractTermsFields } from './ContractTermsFields';
import { DEFAULT_TERMS, termsInput, type ContractTermsDraft } from './contract-terms';
import { weekdaysLabel } from './labels';

/** Every contract version, oldest first, the one in force marked: cycle, payout days, early settlement, fees, limits. */
export function ContractList({ contracts, inForce }: { contracts: CodContractFieldsFragment[]; inForce: string | null }) {
  if (contracts.length === 0) return <p>No contract yet.</p>;
  return (
    <table className="diff" aria-label="Contract versions">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">From</th>
          <th scope="col">Cycle</th>
          <th scope="col">Payout days</th>
          <th scope="col">Early settlement</th>
          <th scope="col">Fee</th>
          <th scope="col" className="numeric">Maximum per article</th>
          <th scope="col">Dispute window</th>
          <th scope="col">Bank-change hold</th>
          <th scope="col">Made</th>
        </tr>
      </thead>
      <tbody>
        {contracts.map((contract) => (
          <tr key={contract.id}>
            <td>{contract.version}{contract.id === inForce ? <strong> (in force)</strong> : null}</td>
            <td>{formatDate(contract.effectiveFrom)}</td>
            <td>T+{contract.settlementCycleDays}</td>
            <td>{weekdaysLabel(contract.payoutWeekdays)}</td>
            <td>{contract.earlySettlement ? `T+${contract.earlySettlement.days} for ${contract.earlySettlement.feePercent}%` : 'none'}</td>
            <td>{feeText(contract)}</td>
            <td className="numeric"><Money value={contract.maxArticleAmount} /></td>
            <td>{contract.disputeWindowDays} days</td>
            <td>{contract.bankDetailsHoldDays} days</td>
            <td>{formatDateTime(contract.createdAt)} by {contract.createdBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function feeText(contract: CodContractFieldsFragment): string {
  const rule = contract.feeRule;
  const taxes = contract.taxes.map((tax) => `${tax.name} ${tax.percent}%`).join(', ');
  return `${contract.feeSource}: up to ${rule.threshold}, ${rule.percentUpToThreshold}% (at least ${rule.minimumFee}); above, ${rule.baseAboveThreshold} + ${rule.percentOfExcess}% of the excess${taxes ? `; ${taxes}` : ''}`;
}

/** A new version of the contract from a date (today or later); the earlier versions stay as they were. */
export function NewContractVersionDialog({ billerId }: { billerId: string }) {
  return (
    <ActionDialog label="New contract version" title="New contract version">
      {(close) => <ContractVersionForm billerId={billerId} close={close} />}
    </ActionDialog>
  );
}

function ContractVersionForm({ billerId, close }: { billerId: string; close: () => void }) {
  const [effectiveFrom, setEffectiveFrom] = useState(operatorToday());
  const [terms, setTerms] = useState<ContractTermsDraft>(DEFAULT_TERMS);
  const command = useCommand(op(CodCreateContractVersionDocument));
  const problems = placed(command.problems);
  const submit = async () => {
    const { input, problems: local } = termsInput(terms);
    if (effectiveFrom === '') local.push({ field: 'effectiveFrom', message: 'Choose the first day of the new version.' });
    if (local.length > 0) return command.setProblems(local.map((problem) => localProblem(problem.field, problem.message)));
    if (await command.run({ billerId, input: { effectiveFrom, ...input } })) close();
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate className="cod-form">
      <DateField label="Effective from" value={effectiveFrom} onChange={setEffectiveFrom} problems={onField(problems, 'effectiveFrom')} isRequired />
      <ContractTermsFields draft={terms} onChange={setTerms} problems={problems} />
      <ProblemList problems={notOnFields(problems, ['effectiveFrom', 'settlementCycleDays', 'payoutWeekdays', 'maxArticleAmount', 'disputeWindowDays', 'bankDetailsHoldDays', 'earlySettlement'])} />
      <DialogButtons submitLabel="Create the version" busyLabel="Creating…" busy={command.busy} close={close} />
    </form>
  );
}
