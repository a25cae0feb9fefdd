import { describe, expect, it } from 'vitest';
import { businessDate } from './business-date.js';

describe('businessDate', () => {
  it('is the date in the operator time zone, not UTC', () => {
    expect(businessDate(new Date('2026-11-21T20:00:00Z'), 'Asia/Kolkata')).toBe('2026-11-22');
    expect(businessDate(new Date('2026-11-21T18:00:00Z'), 'Asia/Kolkata')).toBe('2026-11-21');
    expect(businessDate(new Date('2026-11-21T20:00:00Z'), 'Asia/Karachi')).toBe('2026-11-22');
    expect(businessDate(new Date('2026-11-21T18:00:00Z'), 'UTC')).toBe('2026-11-21');
  });
});
