import { describe, expect, it } from 'vitest';
import { dayRange, isDay, nextDay, startOfDay } from './day-range';

describe('days in the operator zone as the instants the audit trail takes', () => {
  it('starts a day at midnight in the zone, whatever zone the browser is in', () => {
    expect(startOfDay('2026-12-02', 'Asia/Kolkata').toISOString()).toBe('2026-12-01T18:30:00.000Z');
    expect(startOfDay('2026-12-02', 'UTC').toISOString()).toBe('2026-12-02T00:00:00.000Z');
    // A day with a DST change: midnight is still before it, at the offset of that moment.
    expect(startOfDay('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/London').toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it('includes the last day: the range ends where the next day starts', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(dayRange('2026-12-01', '2026-12-01', 'Asia/Kolkata')).toEqual({ ok: true, from: '2026-11-30T18:30:00.000Z', to: '2026-12-01T18:30:00.000Z' });
    expect(dayRange('', '', 'Asia/Kolkata')).toEqual({ ok: true, from: undefined, to: undefined });
  });

  it('refuses what is not a day, and a range that ends before it starts, naming the field', () => {
    expect(isDay('2026-02-30')).toBe(false);
    expect(dayRange('2026-13-01', '')).toMatchObject({ ok: false, field: 'from' });
    expect(dayRange('2026-12-02', '2026-12-01')).toMatchObject({ ok: false, field: 'to' });
  });
});
