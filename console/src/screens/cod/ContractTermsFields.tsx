import type { Problem } from '../../api/problems';
import { TextField } from '../../ui/TextField';
import { onField } from '../money-orders/problems';
import type { ContractTermsDraft } from './contract-terms';

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The contract's terms: the settlement cycle and payout days, early settlement, the per-article maximum, windows. */
export function ContractTermsFields({ draft, onChange, problems }: { draft: ContractTermsDraft; onChange: (draft: ContractTermsDraft) => void; problems: Problem[] }) {
  const set = (changes: Partial<ContractTermsDraft>) => onChange({ ...draft, ...changes });
  const weekdayProblems = onField(problems, 'payoutWeekdays');
  return (
    <fieldset>
      <legend>Contract terms</legend>
      <TextField label="Settlement cycle (T+ business days)" value={draft.settlementCycleDays} onChange={(value) => set({ settlementCycleDays: value })} inputMode="numeric" problems={onField(problems, 'settlementCycleDays')} />
      <TextField label="Maximum COD per article" value={draft.maxArticleAmount} onChange={(value) => set({ maxArticleAmount: value })} inputMode="decimal" problems={onField(problems, 'maxArticleAmount')} />
      <TextField label="Dispute window (days)" value={draft.disputeWindowDays} onChange={(value) => set({ disputeWindowDays: value })} inputMode="numeric" problems={onField(problems, 'disputeWindowDays')} />
      <TextField label="Hold after a bank change (days)" value={draft.bankDetailsHoldDays} onChange={(value) => set({ bankDetailsHoldDays: value })} inputMode="numeric" problems={onField(problems, 'bankDetailsHoldDays')} />
      <fieldset className="cod-checks" aria-describedby={weekdayProblems.length > 0 ? 'cod-weekdays-error' : undefined}>
        <legend>Payout days</legend>
        {WEEKDAY_NAMES.map((name, index) => (
          <label key={name} className="cod-check">
            <input
              type="checkbox"
              checked={draft.payoutWeekdays.includes(index + 1)}
              onChange={(event) => set({ payoutWeekdays: event.target.checked ? [...draft.payoutWeekdays, index + 1] : draft.payoutWeekdays.filter((day) => day !== index + 1) })}
            />
            {name}
          </label>
        ))}
        {weekdayProblems.length > 0 ? <span className="field-error" id="cod-weekdays-error">{weekdayProblems.map((problem) => problem.message).join(' ')}</span> : null}
      </fieldset>
      <label className="cod-check">
        <input type="checkbox" checked={draft.earlySettlement} onChange={(event) => set({ earlySettlement: event.target.checked })} />
        Offer early settlement
      </label>
      {draft.earlySettlement ? (
        <>
          <TextField label="Early settlement (T+ days)" value={draft.earlyDays} onChange={(value) => set({ earlyDays: value })} inputMode="numeric" problems={onField(problems, 'earlySettlement.days', 'days')} />
          <TextField label="Early settlement fee (%)" value={draft.earlyFeePercent} onChange={(value) => set({ earlyFeePercent: value })} inputMode="decimal" problems={onField(problems, 'earlySettlement.feePercent', 'feePercent')} />
        </>
      ) : null}
    </fieldset>
  );
}
