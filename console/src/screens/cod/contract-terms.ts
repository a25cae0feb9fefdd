/**
 * The contract terms as a form holds them (text, as typed) and as the API takes them (ContractTermsInput,
 * ContractVersionInput): a term left empty is left out, so the server's default applies, and the server checks the
 * ranges. Pure, so the conversion is tested without a browser.
 */
export interface ContractTermsDraft {
  settlementCycleDays: string;
  payoutWeekdays: number[];
  earlySettlement: boolean;
  earlyDays: string;
  earlyFeePercent: string;
  maxArticleAmount: string;
  disputeWindowDays: string;
  bankDetailsHoldDays: string;
}

/** The server's defaults (ContractTermsInput's descriptions), shown as the starting values. */
export const DEFAULT_TERMS: ContractTermsDraft = {
  settlementCycleDays: '8',
  payoutWeekdays: [1, 2, 3, 4, 5],
  earlySettlement: false,
  earlyDays: '2',
  earlyFeePercent: '1',
  maxArticleAmount: '50000',
  disputeWindowDays: '3',
  bankDetailsHoldDays: '7',
};

export interface ContractTermsInputShape {
  settlementCycleDays?: number;
  payoutWeekdays?: number[];
  earlySettlement?: { days?: number; feePercent?: string };
  maxArticleAmount?: string;
  disputeWindowDays?: number;
  bankDetailsHoldDays?: number;
}

/** Whole days as typed, or a problem in words; empty means the server's default. */
function wholeDays(text: string, field: string, problems: { field: string; message: string }[]): number | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (!/^\d{1,3}$/.test(value)) {
    problems.push({ field, message: 'A whole number of days.' });
    return undefined;
  }
  return Number(value);
}

export function termsInput(draft: ContractTermsDraft): { input: ContractTermsInputShape; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const input: ContractTermsInputShape = {};
  const cycle = wholeDays(draft.settlementCycleDays, 'settlementCycleDays', problems);
  if (cycle !== undefined) input.settlementCycleDays = cycle;
  if (draft.payoutWeekdays.length === 0) problems.push({ field: 'payoutWeekdays', message: 'Choose at least one payout day.' });
  else input.payoutWeekdays = [...new Set(draft.payoutWeekdays)].sort((a, b) => a - b);
  if (draft.earlySettlement) {
    const days = wholeDays(draft.earlyDays, 'earlySettlement.days', problems);
    const feePercent = draft.earlyFeePercent.trim();
    input.earlySettlement = { ...(days !== undefined ? { days } : {}), ...(feePercent !== '' ? { feePercent } : {}) };
  }
  if (draft.maxArticleAmount.trim() !== '') input.maxArticleAmount = draft.maxArticleAmount.trim();
  const dispute = wholeDays(draft.disputeWindowDays, 'disputeWindowDays', problems);
  if (dispute !== undefined) input.disputeWindowDays = dispute;
  const hold = wholeDays(draft.bankDetailsHoldDays, 'bankDetailsHoldDays', problems);
  if (hold !== undefined) input.bankDetailsHoldDays = hold;
  return { input, problems };
}
