/** The calendar day after a YYYY-MM-DD day, by calendar arithmetic in UTC (a calendar day has no time zone). */
export function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
