/**
 * Business days for COD settlement (pure: no I/O). A business day is a day the banks clear: not a Sunday, not the
 * second or fourth Saturday of the month (RBI's rule for banks since September 2015, under the Negotiable Instruments
 * Act), and not one of the calendar's bank holidays (bank_holidays, per calendar and year, as data). Dates are
 * 'YYYY-MM-DD' strings, computed in UTC so no time zone moves a day.
 */

export type HolidaySet = ReadonlySet<string>;

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before, when negative). */
export function addCalendarDays(date: string, days: number): string {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** ISO weekday: 1 Monday .. 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = toUtc(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The second and fourth Saturdays of a month are bank holidays in India. */
export function isSecondOrFourthSaturday(date: string): boolean {
  if (isoWeekday(date) !== 6) return false;
  const dayOfMonth = toUtc(date).getUTCDate();
  const nth = Math.ceil(dayOfMonth / 7);
  return nth === 2 || nth === 4;
}

export function isBusinessDay(date: string, holidays: HolidaySet): boolean {
  const weekday = isoWeekday(date);
  if (weekday === 7 || isSecondOrFourthSaturday(date)) return false;
  return !holidays.has(date);
}

/**
 * T+n: the n-th business day after `date` (n = 0 answers `date` itself when it is a business day, else the next one).
 * Counting starts the day after, as a settlement cycle does: a collection due on Friday is T+1 on Monday.
 */
export function addBusinessDays(date: string, days: number, holidays: HolidaySet): string {
  if (!Number.isInteger(days) || days < 0 || days > 366) throw new RangeError(`business days must be an integer from 0 to 366; got ${days}`);
  let current = date;
  if (days === 0) {
    while (!isBusinessDay(current, holidays)) current = addCalendarDays(current, 1);
    return current;
  }
  let left = days;
  while (left > 0) {
    current = addCalendarDays(current, 1);
    if (isBusinessDay(current, holidays)) left -= 1;
  }
  return current;
}

/** The first business day on or after `date` that falls on one of the ISO `weekdays` (a contract's payout days). */
export function nextPayoutDay(date: string, weekdays: readonly number[], holidays: HolidaySet): string {
  const wanted = new Set(weekdays.filter((day) => Number.isInteger(day) && day >= 1 && day <= 7));
  if (wanted.size === 0) throw new RangeError('payout weekdays must name at least one ISO weekday (1 Monday .. 7 Sunday)');
  let current = date;
  // Holidays never cover more than a few weeks in a row; a year is a generous bound that still fails loudly.
  for (let step = 0; step < 366; step += 1) {
    if (wanted.has(isoWeekday(current)) && isBusinessDay(current, holidays)) return current;
    current = addCalendarDays(current, 1);
  }
  throw new RangeError(`no payout day within a year of ${date} on weekdays ${[...wanted].join(',')}`);
}

/**
 * The latest date d such that addBusinessDays(d, days) <= cycleDate: a collection due on or before it is due for
 * settlement on cycleDate. addBusinessDays is non-decreasing in its date, so the set of such d is a prefix of the
 * calendar, and the settlement build compares `due_from <= cutoff` in SQL instead of counting per row.
 */
export function dueCutoff(cycleDate: string, days: number, holidays: HolidaySet): string {
  let candidate = cycleDate;
  // Walk back from the cycle date: at most `days` business days plus the holidays and weekends among them.
  for (let step = 0; step < 4 * days + 60; step += 1) {
    if (addBusinessDays(candidate, days, holidays) <= cycleDate) return candidate;
    candidate = addCalendarDays(candidate, -1);
  }
  throw new RangeError(`no due cutoff found for ${cycleDate} at T+${days}`);
}
