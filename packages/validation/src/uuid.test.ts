import { describe, expect, it } from 'vitest';
import { isUuid } from './uuid.js';

describe('isUuid', () => {
  it.each([
    ['7c9e6679-7425-40de-944b-e07fc1f90ae7', true],
    ['7C9E6679-7425-40DE-944B-E07FC1F90AE7', true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['7c9e6679742540de944be07fc1f90ae7', false],
    ['7c9e6679-7425-40de-944b-e07fc1f90ae7 ', false],
    ['7c9e6679-7425-40de-944b-e07fc1f90ae7\u0000', false],
    ['{7c9e6679-7425-40de-944b-e07fc1f90ae7}', false],
    ["' or 1=1 --", false],
    ['', false],
  ])('%j -> %s', (text, expected) => {
    expect(isUuid(text)).toBe(expected);
  });
});
