import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { Plugin } from '@envelop/core';
import { parse, type GraphQLError, type ParseOptions, type ValidationContext } from 'graphql';

/** What one operation may ask of the gateway. Each is checked before any subgraph is called. */
export interface GatewayLimits {
  /** Deepest field nesting, fragments flattened, introspection included. */
  maxDepth: number;
  /** Aliased fields in one operation (aliases multiply work without making the query longer), `__typename` included. */
  maxAliases: number;
  /** graphql-armor's cost: objects 2, scalars 1, each level multiplied by 1.5. */
  maxCost: number;
  /** Lexical tokens in the query text, counted by graphql-js's own parser (see `tokenLimit`). */
  maxTokens: number;
}

/** Directives are cheap to write and each one is work for the validator; no real operation needs more than a few. */
export const MAX_DIRECTIVES = 50;

/**
 * A refused limit becomes an ordinary validation error of the operation (400, GRAPHQL_VALIDATION_FAILED), reported on
 * graphql-js's validation context. armor's default instead throws out of `validate`, which the server would have to
 * tell apart from a crash.
 */
const reportOnContext = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };

/**
 * The graphql-armor options, spelled out so that no protection rests on a library default:
 * - `ignoreIntrospection` defaults to true in armor's depth and cost rules, which skips everything under `__schema`:
 *   a query hidden there could nest as deep as it liked.
 * - `flattenFragments` makes a fragment spread count as the fields it stands for, so wrapping fields in fragments
 *   neither adds depth nor hides it.
 * - `allowList: []` for aliases: armor's default lets any number of `__typename` aliases through (`{ a: __typename
 *   b: __typename ... }` two hundred times passed), and each one is still a field the gateway resolves and serialises.
 * - `exposeLimits` says the limit in the error, which helps an honest client and tells an attacker nothing a probe
 *   would not.
 * - armor's own token counter is off: graphql-js enforces the limit in its lexer (see `tokenLimit`).
 */
export function armorConfig(limits: GatewayLimits) {
  return {
    maxDepth: { enabled: true, n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true, exposeLimits: true, ...reportOnContext },
    maxAliases: { enabled: true, n: limits.maxAliases, allowList: [], exposeLimits: true, ...reportOnContext },
    costLimit: {
      enabled: true,
      maxCost: limits.maxCost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      ignoreIntrospection: false,
      flattenFragments: true,
      exposeLimits: true,
      ...reportOnContext,
    },
    maxTokens: { enabled: false },
    maxDirectives: { enabled: true, n: MAX_DIRECTIVES, exposeLimits: true, ...reportOnContext },
    blockFieldSuggestion: { enabled: true },
  };
}

/** graphql-js's parser options for the token limit: it stops reading after `maxTokens` tokens. */
export function parseOptions(limits: GatewayLimits): ParseOptions {
  return { maxLexicalTokens: limits.maxTokens };
}

/**
 * The token limit, in the parser itself: a query over it fails to parse (400, GRAPHQL_PARSE_FAILED) after at most
 * `maxTokens` tokens were read, before anything else is done with it.
 */
function tokenLimit(limits: GatewayLimits): Plugin {
  const options = parseOptions(limits);
  return {
    onParse({ setParseFn }) {
      setParseFn((source, given) => parse(source, { ...given, ...options }));
    },
  };
}

/** Every limit as envelop plugins, for the gateway runtime (graphql-armor's envelop protections plus the token limit). */
export function limitPlugins(limits: GatewayLimits): Plugin[] {
  return [tokenLimit(limits), ...new EnvelopArmor(armorConfig(limits)).protect().plugins];
}
