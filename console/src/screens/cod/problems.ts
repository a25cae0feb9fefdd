import type { Problem } from '../../api/problems';
import { placed } from '../money-orders/problems';

/**
 * What the COD article commands' error codes mean, in the words of the counter and the finance office. The API's own
 * message stays after it where it names the article or the limit ("article EE… was paid in cash"), and the code
 * after that (onField), so support can still search for it.
 */
const SAID: Record<string, string> = {
  INVALID_ARTICLE_NUMBER: 'Not a valid article number: 2 letters, 9 digits (the last is the check digit) and 2 letters, e.g. EE123456785IN.',
  ARTICLE_CONFLICT: 'This article number is registered already with other details (biller, amount, offices or booking date).',
  ARTICLE_NOT_FOUND: 'No such article among those you may see.',
  BILLER_NOT_FOUND: 'No biller has this code.',
  BILLER_NOT_ACTIVE: 'This biller is suspended or closed: it takes no new articles.',
  CONTRACT_NOT_FOUND: 'The biller has no contract in force on the booking date.',
  INVALID_AMOUNT: 'Give an amount above zero with at most two decimals.',
  AMOUNT_OUT_OF_RANGE: 'The amount is above the contract’s maximum per article.',
  OFFICE_NOT_FOUND: 'No open office has this code.',
  OFFICE_NOT_ELIGIBLE: 'This office does not deliver articles: choose a head, sub or branch post office.',
  INVALID_DATE: 'Give the booking date as a day, not in the future.',
  INVALID_TRANSITION: 'The article cannot take this step from where it is now.',
  NOT_CLEARABLE: 'This collection cannot be cleared: it was paid in cash (it is due when deposited), is not delivered, or was cleared already.',
  FORBIDDEN: 'You may not do this for this office.',
};

/** Codes whose API message carries a fact the general words lack (which article, which limit): kept after them. */
const KEEP_DETAIL = new Set(['ARTICLE_CONFLICT', 'ARTICLE_NOT_FOUND', 'AMOUNT_OUT_OF_RANGE', 'INVALID_TRANSITION', 'NOT_CLEARABLE', 'FORBIDDEN', 'INVALID_ARTICLE_NUMBER']);

/** The problems placed on their fields (placed) and told in plain words. */
export function codProblems(problems: Problem[]): Problem[] {
  return placed(problems).map((problem) => {
    const said = problem.code ? SAID[problem.code] : undefined;
    if (!said) return problem;
    return { ...problem, message: KEEP_DETAIL.has(problem.code!) ? `${said} ${capitalised(problem.message)}.` : said };
  });
}

function capitalised(message: string): string {
  const text = message.replace(/\.$/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
