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

/**
 * The date a subsystem's entry for something that already happened (a money-order or COD movement) is posted on. The
 * movement's business date at its office, unless the entry's office has closed that day since (a late event: the relay
 * was down, or the office closed its day before the event arrived). Then, as for any correction, the entry goes into
 * the office's open day: the day after its last close (DOMAIN.md: "after Day End nothing more may be posted for that
 * office and date; corrections go into an open day"). That may be the office's next day when it has already closed
 * today: the entry waits in the next day's books rather than being refused, since the movement has already happened
 * at the counter or the doorstep and must not be lost.
 */
export function postingDate(businessDate: string, closedThrough: string | null): string {
  if (closedThrough === null || businessDate > closedThrough) return businessDate;
  return nextDay(closedThrough);
}

/** The calendar day after a YYYY-MM-DD date (UTC arithmetic on the date alone: no time zone can shift it). */
export function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
