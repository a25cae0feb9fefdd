import { describe, expect, it } from 'vitest';
import { isImportFinished } from './import-state';
import { fileSize, groupedAccountNumber } from './labels';
import { placedRecon, reconProblemOf, whereInFile } from './problems';

describe('an import the upload answered', () => {
  it('is finished when done or refused', () => {
    expect(['QUEUED', 'RUNNING', 'DONE', 'FAILED'].map(isImportFinished)).toEqual([false, false, true, true]);
  });
});

describe('a refusal of a statement file or a CSV layout', () => {
  it('keeps extensions.details and says where in the file', () => {
    const problem = reconProblemOf({ message: 'bad', extensions: { code: 'STATEMENT_MALFORMED', details: { line: 6, element: ':62F:' } } });
    expect(problem).toMatchObject({ code: 'STATEMENT_MALFORMED', details: { line: 6, element: ':62F:' } });
    expect(whereInFile(problem.details)).toBe('line 6, element :62F:');
    expect(whereInFile({ path: 'columns.debitAmount' })).toBe('at columns.debitAmount');
    expect(whereInFile({ line: null, element: null })).toBe('');
    expect(reconProblemOf({ message: 'x', extensions: { details: 'not an object' } }).details).toEqual({});
  });

  it('goes on its field: the API’s field first (input. dropped), else the code’s', () => {
    const placed = placedRecon([
      { message: 'typo', code: 'INVALID_IBAN', field: 'accountNumber', requestId: undefined },
      { message: 'unsuitable', code: 'LEDGER_ACCOUNT_UNSUITABLE', field: undefined, requestId: undefined },
      { message: 'name', code: 'BAD_USER_INPUT', field: 'input.name', requestId: undefined },
      { message: 'down', code: 'DEPENDENCY_UNAVAILABLE', field: undefined, requestId: undefined },
    ]);
    expect(placed.map((problem) => problem.field)).toEqual(['accountNumber', 'ledgerAccountCode', 'name', undefined]);
  });
});

describe('bank account facts as shown', () => {
  it('groups an IBAN by four and leaves any other number as registered', () => {
    expect(groupedAccountNumber('NL26VAYB8060476890', true)).toBe('NL26 VAYB 8060 4768 90');
    expect(groupedAccountNumber('32145678901', false)).toBe('32145678901');
  });

  it('says a file size in bytes, kB or MB', () => {
    expect([fileSize(213), fileSize(6_656), fileSize(12 * 1024 * 1024)]).toEqual(['213 bytes', '6.5 kB', '12.0 MB']);
  });
});
