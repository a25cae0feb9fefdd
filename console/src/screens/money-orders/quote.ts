/**
 * When a typed amount is worth quoting: a plain positive decimal (what the Decimal scalar takes). Anything else waits
 * for more typing rather than asking the server to refuse it on every key; the server's refusal of a well-formed
 * amount (paise on a whole-rupee tariff, above the maximum) is shown as it answers.
 */
export function quotableAmount(text: string): string | undefined {
  const amount = text.trim().replace(/,/g, '');
  if (!/^\d{1,15}(\.\d{1,4})?$/.test(amount)) return undefined;
  if (/^0+(\.0*)?$/.test(amount)) return undefined;
  return amount;
}

/** How long typing pauses before the quote is asked for. */
export const QUOTE_DELAY_MS = 300;
