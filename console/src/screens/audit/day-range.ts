import { timeZone } from '../../format/dates';

/**
 * The audit filters and verification take instants ([from, to), half-open); people think in days in the operator's
 * time zone. These turn "from day A to day B, both included" into [start of A, start of the day after B) in that
 * zone, so a day means the same to the person and to the server whatever zone the browser is in.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** How far `zone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day starts in `zone` (midnight, or the first moment after a gap). */
export function startOfDay(day: string, zone = timeZone()): Date {
  const match = DAY.exec(day);
  if (!match) throw new Error(`not a day: ${day}`);
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Two passes: the offset at the first guess may differ from the offset at the answer (a DST change that day).
  let guess = midnightUtc - zoneOffset(midnightUtc, zone);
  guess = midnightUtc - zoneOffset(guess, zone);
  return new Date(guess);
}

export function nextDay(day: string): string {
  const match = DAY.exec(day);
  if (!match) throw new Error(`not a day: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1)).toISOString().slice(0, 10);
}

export type DayRange = { ok: true; from: string | undefined; to: string | undefined } | { ok: false; field: 'from' | 'to'; message: string };

/** Days as typed (either may be empty: open) to the instants the API takes; the problem names the field. */
export function dayRange(fromDay: string, toDay: string, zone = timeZone()): DayRange {
  if (fromDay && !isDay(fromDay)) return { ok: false, field: 'from', message: 'A day as YYYY-MM-DD.' };
  if (toDay && !isDay(toDay)) return { ok: false, field: 'to', message: 'A day as YYYY-MM-DD.' };
  if (fromDay && toDay && toDay < fromDay) return { ok: false, field: 'to', message: 'The last day comes on or after the first.' };
  return {
    ok: true,
    from: fromDay ? startOfDay(fromDay, zone).toISOString() : undefined,
    to: toDay ? startOfDay(nextDay(toDay), zone).toISOString() : undefined,
  };
}
