import { MoneyError } from '../errors.js';

/** Runs `action` and returns the MoneyError it throws; fails the test if it throws nothing or something else. */
export function thrown(action: () => unknown): MoneyError {
  try {
    action();
  } catch (error) {
    if (error instanceof MoneyError) return error;
    throw error;
  }
  throw new Error('expected a MoneyError, nothing was thrown');
}
