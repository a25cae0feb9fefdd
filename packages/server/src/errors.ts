import { unwrapResolverError } from '@apollo/server/errors';
import { isExpectedError } from '@postal/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/**
 * Expected failures go to the caller with their stable code (and the field at fault); GraphQL's own errors (bad
 * syntax, validation, variable coercion) keep theirs. Anything else is a bug: logged in full, shown as a bare
 * INTERNAL_SERVER_ERROR so that no stack, SQL or table name leaks.
 */
export function formatSubgraphError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isExpectedError(original)) {
      return {
        message: original.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code: original.code,
          ...(original.field ? { field: original.field } : {}),
          ...(original.details ? { details: original.details } : {}),
        },
      };
    }
    // A literal a scalar refuses ("amount: \"1e5\"") fails validation, and Apollo files it as
    // GRAPHQL_VALIDATION_FAILED; the scalar said BAD_USER_INPUT, as it does for the same value sent as a variable.
    if (scalarRefusedLiteral(error)) {
      return { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original }, 'unexpected error in resolver');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function scalarRefusedLiteral(error: unknown): boolean {
  // Duck-typed, not instanceof: Apollo and this package may load different copies of graphql (its CJS and ESM builds).
  const validation = error as { extensions?: Record<string, unknown>; originalError?: { extensions?: Record<string, unknown> } } | null;
  return validation?.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED' && validation.originalError?.extensions?.['code'] === 'BAD_USER_INPUT';
}
