import { describe, expect, it } from 'vitest';
import { checkClosable, nextDay, postingDate } from './domain.js';

const TODAY = '2026-11-20';

describe('checkClosable', () => {
  it.each([
    { case: 'the first close, today', closedThrough: null, date: TODAY, code: undefined },
    { case: 'the first close, a past day', closedThrough: null, date: '2026-01-01', code: undefined },
    { case: 'the next day', closedThrough: '2026-11-18', date: '2026-11-19', code: undefined },
    { case: 'skipping days (closing D closes everything up to D)', closedThrough: '2026-11-01', date: TODAY, code: undefined },
    { case: 'across a month and a year', closedThrough: '2025-12-31', date: '2026-01-01', code: undefined },
    { case: 'the day already closed', closedThrough: '2026-11-18', date: '2026-11-18', code: 'DATE_NOT_CLOSABLE' },
    { case: 'a day before the last close', closedThrough: '2026-11-18', date: '2026-11-17', code: 'DATE_NOT_CLOSABLE' },
    { case: 'tomorrow', closedThrough: null, date: '2026-11-21', code: 'DATE_NOT_CLOSABLE' },
    { case: 'next year', closedThrough: '2026-11-18', date: '2027-01-01', code: 'DATE_NOT_CLOSABLE' },
    { case: 'not a calendar date', closedThrough: null, date: '2026-02-30', code: 'BAD_USER_INPUT' },
    { case: 'not a date at all', closedThrough: null, date: 'yesterday', code: 'BAD_USER_INPUT' },
  ])('$case', ({ closedThrough, date, code }) => {
    const check = () => checkClosable({ officeCode: 'HO1', date, closedThrough, today: TODAY });
    if (code === undefined) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code }));
  });

  it('says why: already closed, or in the future', () => {
    expect(() => checkClosable({ officeCode: 'HO1', date: '2026-11-18', closedThrough: '2026-11-18', today: TODAY })).toThrow(/already closed/);
    expect(() => checkClosable({ officeCode: 'HO1', date: '2026-11-21', closedThrough: null, today: TODAY })).toThrow(/in the future/);
  });
});

describe('postingDate (a late movement goes into the office\'s open day)', () => {
  it.each([
    { case: 'an office that never closed', businessDate: TODAY, closedThrough: null, expected: TODAY },
    { case: 'its day still open', businessDate: TODAY, closedThrough: '2026-11-19', expected: TODAY },
    { case: 'its day closed since', businessDate: '2026-11-19', closedThrough: '2026-11-19', expected: TODAY },
    { case: 'several days closed since', businessDate: '2026-11-10', closedThrough: '2026-11-18', expected: '2026-11-19' },
    { case: 'today closed already: tomorrow', businessDate: TODAY, closedThrough: TODAY, expected: '2026-11-21' },
  ])('$case', ({ businessDate, closedThrough, expected }) => {
    expect(postingDate(businessDate, closedThrough)).toBe(expected);
  });

  it('counts days across months, leap days and years', () => {
    expect([nextDay('2028-02-28'), nextDay('2027-02-28'), nextDay('2026-12-31')]).toEqual(['2028-02-29', '2027-03-01', '2027-01-01']);
  });
});
