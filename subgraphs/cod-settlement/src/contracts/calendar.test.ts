import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, addCalendarDays, dueCutoff, isBusinessDay, isoWeekday, isSecondOrFourthSaturday, nextPayoutDay } from './calendar.js';

const none = new Set<string>();
const holidays2026 = new Set(['2026-01-26', '2026-03-04', '2026-04-03', '2026-08-15', '2026-10-02', '2026-12-25']);
const dates = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const holidaySets = fc.array(dates, { maxLength: 30 }).map((list) => new Set(list));

describe('business days (RBI: Sundays, 2nd and 4th Saturdays, holidays)', () => {
  it.each([
    ['2026-12-05', true], // first Saturday
    ['2026-12-12', false], // second Saturday
    ['2026-12-19', true], // third Saturday
    ['2026-12-26', false], // fourth Saturday
    ['2026-10-31', true], // fifth Saturday
    ['2026-12-06', false], // Sunday
    ['2026-12-25', false], // Christmas
    ['2026-12-24', true],
  ])('%s is a business day: %s', (date, expected) => {
    expect(isBusinessDay(date, holidays2026)).toBe(expected);
  });

  it('counts T+n from the day after', () => {
    expect(addBusinessDays('2026-12-24', 1, holidays2026)).toBe('2026-12-28'); // 25 holiday, 26 4th Sat, 27 Sunday
    expect(addBusinessDays('2026-12-10', 2, holidays2026)).toBe('2026-12-14'); // 11 Fri, 12 2nd Sat, 13 Sun, 14 Mon
    expect(addBusinessDays('2026-12-06', 0, holidays2026)).toBe('2026-12-07');
    expect(addBusinessDays('2026-12-07', 0, holidays2026)).toBe('2026-12-07');
    expect(addBusinessDays('2026-01-22', 8, holidays2026)).toBe('2026-02-03'); // 24 Jan (4th Sat), 26 Jan and Sundays skipped; 31 Jan (5th Sat) counts
  });

  it('finds the next payout weekday that is a business day', () => {
    expect(nextPayoutDay('2026-12-22', [5], holidays2026)).toBe('2027-01-01'); // Friday the 25th is Christmas
    expect(nextPayoutDay('2026-12-21', [1, 3], holidays2026)).toBe('2026-12-21');
    expect(nextPayoutDay('2026-12-12', [6], holidays2026)).toBe('2026-12-19');
    expect(() => nextPayoutDay('2026-12-12', [], none)).toThrow(RangeError);
  });

  it('property: T+n lands on a business day, n business days after, never earlier than the date', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 20 }), holidaySets, (date, n, holidays) => {
        const result = addBusinessDays(date, n, holidays);
        expect(isBusinessDay(result, holidays)).toBe(true);
        expect(result > date).toBe(true);
        let count = 0;
        for (let d = addCalendarDays(date, 1); d <= result; d = addCalendarDays(d, 1)) if (isBusinessDay(d, holidays)) count += 1;
        expect(count).toBe(n);
      }),
    );
  });

  it('property: T+n is monotonic in the date and T+(m+n) = T+n of T+m', () => {
    fc.assert(
      fc.property(dates, dates, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 10 }), holidaySets, (a, b, m, n, holidays) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addBusinessDays(early, n, holidays) <= addBusinessDays(late, n, holidays)).toBe(true);
        if (m > 0) expect(addBusinessDays(addBusinessDays(a, m, holidays), n, holidays)).toBe(addBusinessDays(a, m + n, holidays));
      }),
    );
  });

  it('property: the due cutoff is the last date due on the cycle date', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 12 }), holidaySets, (cycle, n, holidays) => {
        const cutoff = dueCutoff(cycle, n, holidays);
        expect(addBusinessDays(cutoff, n, holidays) <= cycle).toBe(true);
        expect(addBusinessDays(addCalendarDays(cutoff, 1), n, holidays) > cycle).toBe(true);
      }),
    );
  });

  it('property: the next payout day is on a wanted weekday, a business day, with none earlier', () => {
    fc.assert(
      fc.property(dates, fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 }), holidaySets, (date, weekdays, holidays) => {
        const payout = nextPayoutDay(date, weekdays, holidays);
        expect(weekdays).toContain(isoWeekday(payout));
        expect(isBusinessDay(payout, holidays)).toBe(true);
        for (let d = date; d < payout; d = addCalendarDays(d, 1)) expect(weekdays.includes(isoWeekday(d)) && isBusinessDay(d, holidays)).toBe(false);
      }),
    );
  });

  it('second and fourth Saturdays by day of month', () => {
    expect(['2027-01-09', '2027-01-23'].every(isSecondOrFourthSaturday)).toBe(true);
    expect(['2027-01-02', '2027-01-16', '2027-01-30'].some(isSecondOrFourthSaturday)).toBe(false);
  });
});
