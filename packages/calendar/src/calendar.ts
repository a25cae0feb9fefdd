/** Calendar checks shared by the Date and DateTime scalars. Pure string and integer work: no time zone involved. */

const DATE_SHAPE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether year/month/day name a real day of the proleptic Gregorian calendar (2023-02-29 does not). */
export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for 'YYYY-MM-DD' naming a real calendar day. */
export function isCalendarDate(text: string): boolean {
  const match = DATE_SHAPE.exec(text);
  if (!match) return false;
  return isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Why a string is not a calendar date, for error messages; undefined when it is one. */
export function calendarDateProblem(text: string): string | undefined {
  if (!DATE_SHAPE.test(text)) return 'expected the form YYYY-MM-DD, e.g. "2024-12-16"';
  if (!isCalendarDate(text)) return 'it is not a real calendar date';
  return undefined;
}

/**
 * RFC 3339 / ISO 8601 extended form with a mandatory zone: 2024-12-16T10:15:00Z, 2024-12-16T15:45:00.123+05:30.
 * Up to 9 fraction digits are accepted (clients often send microseconds); JS Dates keep milliseconds, so the rest
 * is truncated.
 */
const DATE_TIME_SHAPE =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?(?:(Z)|([+-])([0-9]{2}):([0-9]{2}))$/;
const DATE_TIME_WITHOUT_ZONE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?$/;

const MINUTE_MS = 60_000;

/** Parses an ISO 8601 date-time with a zone into a Date, or returns the reason it cannot. */
export function parseDateTime(text: string): { ok: true; value: Date } | { ok: false; problem: string } {
  const match = DATE_TIME_SHAPE.exec(text);
  if (!match) {
    if (DATE_TIME_WITHOUT_ZONE.test(text)) {
      return { ok: false, problem: 'a time zone is required: end with "Z" or an offset such as "+05:30"' };
    }
    return { ok: false, problem: 'expected ISO 8601 such as "2024-12-16T10:15:00Z" or "2024-12-16T15:45:00+05:30"' };
  }
  const [, year, month, day, hour, minute, second, fraction = '', zulu, sign, offsetHours, offsetMinutes] =
    match.map((part) => part ?? '');
  const [y, mo, d, h, mi, s] = [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)];
  if (!isRealDay(y, mo, d)) return { ok: false, problem: 'the date is not a real calendar date' };
  // Leap seconds (:60) are refused: a JS Date cannot hold them.
  if (h > 23 || mi > 59 || s > 59) return { ok: false, problem: 'the time of day is out of range' };
  let offsetMinutesEast = 0;
  if (!zulu) {
    const oh = Number(offsetHours);
    const om = Number(offsetMinutes);
    if (oh > 23 || om > 59) return { ok: false, problem: 'the offset is out of range' };
    offsetMinutesEast = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  // Built field by field: Date.UTC maps years 0-99 to 1900-1999, and Date's own parser varies by engine.
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, s, milliseconds);
  const value = new Date(utc.getTime() - offsetMinutesEast * MINUTE_MS);
  if (Number.isNaN(value.getTime())) return { ok: false, problem: 'it is outside the range a date-time can hold' };
  return { ok: true, value };
}
