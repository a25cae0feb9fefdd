/**
 * Dates and times in the operator's time zone (the gateway's session answer may name it; India's by default), so a
 * clerk in Delhi and a server in UTC agree on what "today" and "10:15" mean. A `Date` scalar (YYYY-MM-DD) is a
 * calendar day with no zone and is shown as it is.
 */
let operatorTimeZone = 'Asia/Kolkata';

export function setOperatorTimeZone(zone: string | undefined): void {
  if (!zone) return;
  try {
    new Intl.DateTimeFormat('en-IN', { timeZone: zone });
    operatorTimeZone = zone;
  } catch {
    // An unknown zone keeps the default rather than breaking every screen.
  }
}

export function timeZone(): string {
  return operatorTimeZone;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(operatorTimeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-IN', {
      timeZone: operatorTimeZone,
      year: 'numeric',
      month: 'short',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      // hourCycle, not hour12: false, which en-IN renders as 24:15 just after midnight.
      hourCycle: 'h23',
    });
    dateTimeFormats.set(operatorTimeZone, format);
  }
  return format;
}

/** "02 Dec 2026, 15:31:43" in the operator's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat().format(date);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-12-02" -> "02 Dec 2026", by string work (a calendar day has no zone to convert). */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return `${match[3]} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

/** Today's calendar day in the operator's zone, YYYY-MM-DD (for date pickers' defaults; the server decides). */
export function operatorToday(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: operatorTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
