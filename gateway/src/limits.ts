import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';

/** What one operation may ask of the gateway. Each is checked before any subgraph is called. */
export interface GatewayLimits {
  /** Deepest field nesting, fragments flattened, introspection included. */
  maxDepth: number;
  /** Aliased fields in one operation (aliases multiply work without making the query longer). */
  maxAliases: number;
  /** graphql-armor's cost: objects 2, scalars 1, each level multiplied by 1.5. */
  maxCost: number;
  /** Lexical tokens in the query text, counted by graphql-js's own parser (see `parseOptions`). */
  maxTokens: number;
}

/** Directives are cheap to write and each one is work for the validator; no real operation needs more than a few. */
export const MAX_DIRECTIVES = 50;

/**
 * The graphql-armor options, spelled out so that no protection rests on a library default. `ignoreIntrospection`
 * defaults to true in armor's depth and cost rules, which skips everything under `__schema`: a query hidden there
 * could nest as deep as it liked. `flattenFragments` makes a fragment spread count as the fields it stands for, so
 * wrapping fields in fragments neither adds depth nor hides it. `exposeLimits` says the limit in the error, which
 * helps an honest client and tells an attacker nothing a probe would not.
 */
export function armorConfig(limits: GatewayLimits) {
  return {
    maxDepth: { enabled: true, n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true, exposeLimits: true },
    maxAliases: { enabled: true, n: limits.maxAliases, exposeLimits: true },
    costLimit: {
      enabled: true,
      maxCost: limits.maxCost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      ignoreIntrospection: false,
      flattenFragments: true,
      exposeLimits: true,
    },
    // Off on purpose: armor's Apollo plugin throws from `parsingDidStart`, which Apollo treats as a crash (HTTP 500,
    // logged as an unexpected error). graphql-js enforces the same limit in its lexer instead; see `parseOptions`.
    maxTokens: { enabled: false },
    maxDirectives: { enabled: true, n: MAX_DIRECTIVES, exposeLimits: true },
    blockFieldSuggestion: { enabled: true },
  } as const;
}

/**
 * The token limit, given to Apollo's parser: a query over it fails to parse (400, GRAPHQL_PARSE_FAILED) after at most
 * `maxTokens` tokens were read, before anything else is done with it.
 */
export function parseOptions(limits: GatewayLimits): ParseOptions {
  return { maxLexicalTokens: limits.maxTokens };
}

export interface LimitProtection<TContext extends BaseContext> {
  plugins: ApolloServerPlugin<TContext>[];
  validationRules: ValidationRule[];
}

export function limitProtection<TContext extends BaseContext>(limits: GatewayLimits): LimitProtection<TContext> {
  const { plugins, validationRules } = new ApolloArmor(armorConfig(limits)).protect();
  // armor's plugins are typed for BaseContext and use nothing from the context, so they fit any TContext.
  return { plugins: plugins as ApolloServerPlugin<TContext>[], validationRules };
}
