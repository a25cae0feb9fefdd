import { describe, expect, it } from 'vitest';
import { leavingDateProblem, nextStatus, parseEmployeeId, parseName, parseReason, parseUsername, type StaffCommand } from './domain.js';
import type { StaffStatus } from './model.js';

const codeOf = (run: () => unknown): string => {
  try {
    run();
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? 'THROWN';
  }
};

describe('parseEmployeeId', () => {
  it.each([
    ['8 digits', '10040001', '10040001'],
    ['digit groups typed with spaces', '1004 0001', '10040001'],
    ['or with a dash', '1004-0001', '10040001'],
    ['surrounding spaces', ' 10040001 ', '10040001'],
    ['leading zeros are kept: it is an identifier, not a number', '00000042', '00000042'],
  ])('accepts %s', (_name, raw, expected) => {
    expect(parseEmployeeId(raw)).toBe(expected);
  });

  it.each([
    ['7 digits', '1004000'],
    ['9 digits', '100400011'],
    ['letters', 'EMP00001'],
    ['a decimal point', '1004000.1'],
    ['Devanagari digits (not what HR issues)', '१००४०००१'],
    ['empty', ''],
  ])('refuses %s with INVALID_EMPLOYEE_ID', (_name, raw) => {
    expect(codeOf(() => parseEmployeeId(raw))).toBe('INVALID_EMPLOYEE_ID');
  });
});

describe('parseUsername', () => {
  it.each([
    ['lower-cases', 'Sunita.Rawat', 'sunita.rawat'],
    ['trims', '  clerk.cp ', 'clerk.cp'],
    ['two characters is the least', 'ab', 'ab'],
    ['digits first', '9clerk', '9clerk'],
  ])('%s', (_name, raw, expected) => {
    expect(parseUsername(raw)).toBe(expected);
  });

  it.each([
    ['one character', 'a'],
    ['41 characters', 'a'.repeat(41)],
    ['a space inside', 'sunita rawat'],
    ['starting with a dot', '.clerk'],
    ['an @', 'clerk@ndgpo'],
    ['non-ASCII letters', 'सुनीता'],
  ])('refuses %s with INVALID_USERNAME', (_name, raw) => {
    expect(codeOf(() => parseUsername(raw))).toBe('INVALID_USERNAME');
  });
});

describe('parseName and parseReason', () => {
  it('makes runs of whitespace one space', () => {
    expect(parseName('  Sunita \t  Rawat ')).toBe('Sunita Rawat');
    expect(parseName('सुनीता रावत')).toBe('सुनीता रावत');
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['201 characters', 'x'.repeat(201)],
    ['a control character', 'Sunita\u0000Rawat'],
  ])('refuses a name that is %s', (_name, raw) => {
    expect(codeOf(() => parseName(raw))).toBe('BAD_USER_INPUT');
  });

  it('bounds a reason to 1..500 characters', () => {
    expect(parseReason(' shortage at day end ')).toBe('shortage at day end');
    expect(codeOf(() => parseReason(''))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => parseReason('x'.repeat(501)))).toBe('BAD_USER_INPUT');
  });
});

describe('nextStatus', () => {
  // Every status x every command: the answer is the new status or the error code.
  const table: Record<StaffStatus, Record<StaffCommand, string>> = {
    ACTIVE: {
      UPDATE: 'ACTIVE',
      ASSIGN: 'ACTIVE',
      SUSPEND: 'SUSPENDED',
      REINSTATE: 'STAFF_NOT_SUSPENDED',
      MARK_LEFT: 'LEFT',
      RESET_PASSWORD: 'ACTIVE',
    },
    SUSPENDED: {
      UPDATE: 'SUSPENDED',
      ASSIGN: 'SUSPENDED',
      SUSPEND: 'STAFF_NOT_ACTIVE',
      REINSTATE: 'ACTIVE',
      MARK_LEFT: 'LEFT',
      RESET_PASSWORD: 'SUSPENDED',
    },
    LEFT: {
      UPDATE: 'STAFF_ALREADY_LEFT',
      ASSIGN: 'STAFF_ALREADY_LEFT',
      SUSPEND: 'STAFF_ALREADY_LEFT',
      REINSTATE: 'STAFF_ALREADY_LEFT',
      MARK_LEFT: 'STAFF_ALREADY_LEFT',
      RESET_PASSWORD: 'STAFF_ALREADY_LEFT',
    },
  };
  const cells = Object.entries(table).flatMap(([status, row]) =>
    Object.entries(row).map(([command, expected]) => [status as StaffStatus, command as StaffCommand, expected] as const),
  );

  it.each(cells)('%s + %s -> %s', (status, command, expected) => {
    let answer: string;
    try {
      answer = nextStatus(status, command);
    } catch (error) {
      answer = (error as { code: string }).code;
    }
    expect(answer).toBe(expected);
  });
});

describe('leavingDateProblem', () => {
  it.each([
    ['today', '2026-11-22', undefined],
    ['yesterday', '2026-11-21', undefined],
    ['years ago', '2019-03-31', undefined],
    ['tomorrow', '2026-11-23', 'the leaving date cannot be in the future'],
  ])('%s', (_name, leftOn, expected) => {
    expect(leavingDateProblem(leftOn, '2026-11-22')).toBe(expected);
  });
});
