/**
 * An expected failure: a rule said no (bad input, insufficient funds, wrong password). It carries a stable,
 * machine-readable code that clients switch on, and it is shown to the caller as it is. Anything that is not an
 * ExpectedError is a bug: the API masks it and logs it.
 */
export class ExpectedError extends Error {
  readonly code: string;
  /** The input field at fault, when there is one (e.g. `amount`). */
  readonly field: string | undefined;
  /** Extra facts safe to show the caller (limits, allowed values). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: string, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

export function isExpectedError(error: unknown): error is ExpectedError {
  return error instanceof ExpectedError;
}

/** Stable codes used across subgraphs for caller and access problems. */
export const CommonCodes = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  DEPENDENCY_UNAVAILABLE: 'DEPENDENCY_UNAVAILABLE',
} as const;

export class UnauthenticatedError extends ExpectedError {
  constructor(message = 'sign in first') {
    super(CommonCodes.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends ExpectedError {
  constructor(message = 'you may not do this') {
    super(CommonCodes.FORBIDDEN, message);
  }
}

export class BadUserInputError extends ExpectedError {
  constructor(field: string, message: string, details?: Record<string, unknown>) {
    super(CommonCodes.BAD_USER_INPUT, message, details ? { field, details } : { field });
  }
}

/**
 * Another service that must be asked did not answer, or not in a form we understand; nothing was changed, so the
 * caller may try again. One class for every service-to-service call (`@postal/service-client` throws it).
 */
export class DependencyUnavailableError extends ExpectedError {
  constructor(dependency: string, reason: string) {
    super(CommonCodes.DEPENDENCY_UNAVAILABLE, `${dependency} did not answer (${reason}); nothing was changed, try again`, {
      details: { dependency },
    });
  }
}
