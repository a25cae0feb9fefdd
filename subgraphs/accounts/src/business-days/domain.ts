import { isCalendarDate } from '@postal/calendar';
import { BadUserInputError } from '@postal/errors';
import { DateNotClosableError } from './errors.js';

/**
 * Whether an office may close its business days through `date`: strictly after the day it last closed (a closed day
 * stays closed; closing it again would record its balances twice) and not after its business date today (a day not
 * yet over may still take postings). Days may be skipped: closing D closes every day up to D, and the close of D
 * covers the postings of all of them. Dates are YYYY-MM-DD, so comparing the strings compares the days.
 */
export function checkClosable(input: { officeCode: string; date: string; closedThrough: string | null; today: string }): void {
  const { officeCode, date, closedThrough, today } = input;
  if (!isCalendarDate(date)) throw new BadUserInputError('date', `${date} is not a calendar date (YYYY-MM-DD)`);
  if (closedThrough !== null && date <= closedThrough) {
    throw new DateNotClosableError(officeCode, date, `already closed (the office has closed through ${closedThrough})`);
  }
  if (date > today) throw new DateNotClosableError(officeCode, date, `it is in the future (the office's business date is ${today})`);
}
