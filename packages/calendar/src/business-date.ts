/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting with one. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/**
 * The business date at an instant, in the operator's time zone (India: Asia/Kolkata), as YYYY-MM-DD. A tariff in force
 * "today" means today at the counter, not in UTC: at 02:00 IST it is still yesterday in UTC.
 */
export function businessDate(at: Date, timeZone: string): string {
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD. An unknown zone throws here, before anything is cached.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    FORMATTERS.set(timeZone, formatter);
  }
  return formatter.format(at);
}

export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';
