/**
 * 'YYYY-MM-DD' checks for effective dates. Such strings compare correctly as text, so ranges need no Date objects
 * and no time zones. (The same check lives in @postal/scalars, which this pure domain does not import: it pulls in
 * GraphQL.)
 */
const DATE_SHAPE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

export function isCalendarDate(text: string): boolean {
  const match = typeof text === 'string' ? DATE_SHAPE.exec(text) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}
