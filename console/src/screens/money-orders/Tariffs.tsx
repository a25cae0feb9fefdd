import { useRef, useState } from 'react';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { formatDate, operatorToday } from '../../format/dates';
import { MoProposeTariffDocument, MoTariffsDocument, type MoneyOrderProduct, type MoProposeTariffMutation } from '../../gql/graphql';
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
import { ApprovalSubmitted } from '../journal/ApprovalSubmitted';
import { DateField } from '../staff/DateField';
import { useCommand } from '../staff/useCommand';
import { PRODUCT_LABELS, PRODUCTS, productLabel } from './labels';
import { localProblem, notOnFields, onField, placed } from './problems';
import { describeRule, ruleFromDraft, type RuleDraft, type RuleKind } from './tariff-rule';
import './money-orders.css';

const RULE_KIND_LABELS: Record<RuleKind, string> = {
  PER_UNIT_OR_PART: 'A charge for every unit or part (India)',
  SLABS: 'Slabs (Pakistan)',
  FREE: 'No commission',
};

/**
 * Tariffs and limits as data: every version, past, in force and scheduled, per product, and the limits in force.
 * A holder of mo.tariff.manage proposes a new version; it goes to the approvals inbox and is in force only once a
 * checker approves it.
 */
export default function Tariffs() {
  const me = useMe();
  const [product, setProduct] = useState('');
  const [{ data, error, fetching }] = useQuery({ query: op(MoTariffsDocument), variables: { product: (product || null) as MoneyOrderProduct | null } });
  const today = operatorToday();
  return (
    <>
      <PageHeader title="Money-order tariffs" subtitle="Versions by effective date; a change is proposed here and approved in the inbox." />
      <search className="filters" aria-label="Filter tariffs">
        <SelectField label="Product" value={product} onChange={setProduct} options={PRODUCTS.map((value) => ({ value, label: PRODUCT_LABELS[value] }))} />
      </search>
      <ProblemList problems={problemsOf(error)} />
      {fetching && !data ? <Loading what="Reading the tariffs" /> : null}
      {data ? (
        <>
          <table className="diff" aria-label="Tariff versions">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">In force</th>
                <th scope="col" className="numeric">Minimum</th>
                <th scope="col" className="numeric">Maximum</th>
                <th scope="col">Commission</th>
                <th scope="col" className="numeric">Tax %</th>
                <th scope="col">Version</th>
              </tr>
            </thead>
            <tbody>
              {data.moneyOrderTariffs.map((tariff) => {
                const current = tariff.effectiveFrom <= today && (tariff.effectiveTo === null || today < tariff.effectiveTo);
                return (
                  <tr key={tariff.id}>
                    <td>{productLabel(tariff.product)}</td>
                    <td>
                      {formatDate(tariff.effectiveFrom)} – {tariff.effectiveTo ? formatDate(tariff.effectiveTo) : 'open'}
                      {current ? <span className="status status-ok"> in force</span> : tariff.effectiveFrom > today ? <span className="status status-pending"> scheduled</span> : null}
                    </td>
                    <td className="numeric">{tariff.currency} {tariff.minAmount}</td>
                    <td className="numeric">{tariff.currency} {tariff.maxAmount}</td>
                    <td>{describeRule(tariff.rule, tariff.currency)}{tariff.wholeUnitsOnly ? ' · whole units only' : ''}</td>
                    <td className="numeric">{tariff.taxRatePercent}</td>
                    <td className="mono">{tariff.id}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {data.moneyOrderTariffs.length === 0 ? <p>No tariff versions.</p> : null}
          <h2>Limits in force</h2>
          <table className="diff" aria-label="Limits">
            <thead>
              <tr>
                <th scope="col">Limit</th>
                <th scope="col">Product</th>
                <th scope="col" className="numeric">Amount</th>
                <th scope="col">In force</th>
              </tr>
            </thead>
            <tbody>
              {data.moneyOrderLimits.map((limit) => (
                <tr key={`${limit.kind}-${limit.product}-${limit.effectiveFrom}`}>
                  <td>{limit.kind === 'PER_ORDER' ? 'Per order' : limit.kind === 'PER_SENDER_MONTH' ? 'Per sender per month' : limit.kind}</td>
                  <td>{productLabel(limit.product)}</td>
                  <td className="numeric"><Money value={limit.amount} /></td>
                  <td>{formatDate(limit.effectiveFrom)} – {limit.effectiveTo ? formatDate(limit.effectiveTo) : 'open'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {can(me, 'mo.tariff.manage') ? <ProposeTariff /> : null}
    </>
  );
}

type Proposed = MoProposeTariffMutation['proposeMoneyOrderTariff'];
const SHOWN = ['product', 'currency', 'effectiveFrom', 'minAmount', 'maxAmount', 'wholeUnitsOnly', 'rule', 'unit', 'chargePerUnit', 'slabs', 'taxRatePercent'];

function ProposeTariff() {
  const [generation, setGeneration] = useState(0);
  return <ProposeTariffForm key={generation} onAnother={() => setGeneration((value) => value + 1)} />;
}

function ProposeTariffForm({ onAnother }: { onAnother: () => void }) {
  const [product, setProduct] = useState<MoneyOrderProduct>('ELECTRONIC');
  const [currency, setCurrency] = useState('INR');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [minAmount, setMinAmount] = useState('1');
  const [maxAmount, setMaxAmount] = useState('');
  const [wholeUnitsOnly, setWholeUnitsOnly] = useState('yes');
  const [taxRatePercent, setTaxRatePercent] = useState('0');
  const [draft, setDraft] = useState<RuleDraft>({ kind: 'PER_UNIT_OR_PART', unit: '20', chargePerUnit: '1', slabsText: '' });
  const [proposed, setProposed] = useState<Proposed | null>(null);
  const inFlight = useRef(false);
  const command = useCommand(op(MoProposeTariffDocument));
  const problems = placed(command.problems);
  const today = operatorToday();

  const submit = async () => {
    if (inFlight.current || proposed) return;
    const local: Problem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) local.push(localProblem('effectiveFrom', 'Choose the first day in force.'));
    else if (effectiveFrom <= today) local.push(localProblem('effectiveFrom', 'A new version starts after today.'));
    if (!/^\d+(\.\d+)?$/.test(minAmount.trim())) local.push(localProblem('minAmount', 'Enter the smallest amount, e.g. 1.'));
    if (!/^\d+(\.\d+)?$/.test(maxAmount.trim())) local.push(localProblem('maxAmount', 'Enter the largest amount, e.g. 10000.'));
    if (!/^\d+(\.\d+)?$/.test(taxRatePercent.trim())) local.push(localProblem('taxRatePercent', 'Enter the tax rate in percent, e.g. 18 (0 for none).'));
    if (!/^[A-Z]{3}$/.test(currency.trim())) local.push(localProblem('currency', 'Three capital letters, e.g. INR.'));
    const rule = ruleFromDraft(draft);
    if (!rule.ok) local.push(localProblem(rule.field, rule.message));
    if (local.length > 0 || !rule.ok) return command.setProblems(local);
    inFlight.current = true;
    try {
      const data = await command.run({
        input: { product, currency: currency.trim(), effectiveFrom, minAmount: minAmount.trim(), maxAmount: maxAmount.trim(), wholeUnitsOnly: wholeUnitsOnly === 'yes', rule: rule.json, taxRatePercent: taxRatePercent.trim() },
      });
      if (data) setProposed(data.proposeMoneyOrderTariff);
    } finally {
      inFlight.current = false;
    }
  };

  const locked = command.busy || proposed !== null;
  const edit = (field: string) => command.clearField(field);
  return (
    <section aria-labelledby="mo-propose-heading">
      <h2 id="mo-propose-heading">Propose a tariff change</h2>
      <form className="mo-form" aria-label="Propose a tariff change" onSubmit={(event) => event.preventDefault()} noValidate>
        <fieldset>
          <legend>Version</legend>
          <SelectField label="Tariff product" value={product} anyLabel={null} onChange={(value) => setProduct(value as MoneyOrderProduct)} options={PRODUCTS.map((value) => ({ value, label: PRODUCT_LABELS[value] }))} />
          <TextField label="Currency" value={currency} onChange={(value) => { setCurrency(value.toUpperCase()); edit('currency'); }} maxLength={3} isRequired isDisabled={locked} problems={onField(problems, 'currency')} />
          <DateField label="In force from" value={effectiveFrom} onChange={(value) => { setEffectiveFrom(value); edit('effectiveFrom'); }} isRequired description="After today" problems={onField(problems, 'effectiveFrom')} />
          <TextField label="Minimum amount" value={minAmount} onChange={(value) => { setMinAmount(value); edit('minAmount'); }} inputMode="decimal" inputClassName="numeric" isRequired isDisabled={locked} problems={onField(problems, 'minAmount')} />
          <TextField label="Maximum amount" value={maxAmount} onChange={(value) => { setMaxAmount(value); edit('maxAmount'); }} inputMode="decimal" inputClassName="numeric" isRequired isDisabled={locked} problems={onField(problems, 'maxAmount')} />
          <SelectField label="Whole units only" value={wholeUnitsOnly} anyLabel={null} onChange={setWholeUnitsOnly} options={[{ value: 'yes', label: 'Yes (no paise)' }, { value: 'no', label: 'No' }]} />
          <TextField label="Tax on the commission (%)" value={taxRatePercent} onChange={(value) => { setTaxRatePercent(value); edit('taxRatePercent'); }} inputMode="decimal" inputClassName="numeric" isRequired isDisabled={locked} problems={onField(problems, 'taxRatePercent')} />
        </fieldset>
        <fieldset>
          <legend>Commission</legend>
          <SelectField label="Rule" value={draft.kind} anyLabel={null} onChange={(value) => { setDraft((current) => ({ ...current, kind: value as RuleKind })); edit('rule'); }} options={(Object.keys(RULE_KIND_LABELS) as RuleKind[]).map((value) => ({ value, label: RULE_KIND_LABELS[value] }))} />
          {draft.kind === 'PER_UNIT_OR_PART' ? (
            <>
              <TextField label="For every (unit)" description="e.g. 20: every Rs 20 or part" value={draft.unit} onChange={(value) => { setDraft((current) => ({ ...current, unit: value })); edit('unit'); }} inputMode="decimal" inputClassName="numeric" isRequired isDisabled={locked} problems={onField(problems, 'unit')} />
              <TextField label="Charge per unit" value={draft.chargePerUnit} onChange={(value) => { setDraft((current) => ({ ...current, chargePerUnit: value })); edit('chargePerUnit'); }} inputMode="decimal" inputClassName="numeric" isRequired isDisabled={locked} problems={onField(problems, 'chargePerUnit')} />
            </>
          ) : null}
          {draft.kind === 'SLABS' ? (
            <TextAreaField label="Slabs" description='One a line: "up to, charge", e.g. "10000, 75"' value={draft.slabsText} onChange={(value) => { setDraft((current) => ({ ...current, slabsText: value })); edit('slabs'); }} isRequired localError={problemsFor('slabs', problems)} />
          ) : null}
        </fieldset>
        <ProblemList problems={notOnFields(problems, SHOWN)} />
        {onField(problems, 'rule').length > 0 ? <ProblemList problems={onField(problems, 'rule')} /> : null}
        {proposed === null ? (
          <div className="actions">
            <Button variant="primary" onPress={() => void submit()} isDisabled={locked}>
              {command.busy ? 'Proposing…' : 'Propose for approval'}
            </Button>
          </div>
        ) : null}
      </form>
      {proposed ? (
        <ApprovalSubmitted title="Tariff change submitted for approval" request={proposed}>
          <div className="actions">
            <Button onPress={onAnother}>Propose another</Button>
          </div>
        </ApprovalSubmitted>
      ) : null}
    </section>
  );
}

function problemsFor(field: string, problems: Problem[]): string | undefined {
  const found = onField(problems, field);
  return found.length > 0 ? found.map((problem) => problem.message).join(' ') : undefined;
}
