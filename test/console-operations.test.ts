import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { armorConfig } from '@postal/gateway';
import { gatewayLimits } from '@postal/config';
import { buildSchema, Kind, parse, validate, visit, type DocumentNode, type GraphQLError, type ValidationRule } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * Every operation the console sends must pass the gateway's limits as production sets them (depth, aliases, cost,
 * directives, tokens), not only development's looser ones that `npm start` uses: a screen whose query is over the
 * cost limit works on a laptop and answers GRAPHQL_VALIDATION_FAILED in production (the dashboard did, until this
 * test). Each file is checked with graphql-armor's own rules configured exactly as the gateway configures them.
 */
const root = join(import.meta.dirname, '..');
const limits = gatewayLimits({ NODE_ENV: 'production', MAX_QUERY_DEPTH: undefined, MAX_ALIASES: 15, MAX_QUERY_COST: undefined, MAX_QUERY_TOKENS: 2_000 });
const schema = buildSchema(readFileSync(join(root, 'schema', 'api.graphql'), 'utf8'));

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : graphqlFiles(path);
    return name.endsWith('.graphql') ? [path] : [];
  });
}

function limitRules(rejections: string[]): ValidationRule[] {
  const config = armorConfig(limits);
  const onReject = [(_context: unknown, error: GraphQLError) => rejections.push(error.message)];
  const collect = { propagateOnRejection: false, onReject };
  return [
    costLimitRule({ ...config.costLimit, ...collect }),
    maxDepthRule({ ...config.maxDepth, ...collect }),
    maxAliasesRule({ ...config.maxAliases, ...collect }),
    maxDirectivesRule({ ...config.maxDirectives, ...collect }),
  ] as ValidationRule[];
}

/**
 * What urql sends: its document cache adds `__typename` to every selection set below the root (to know which types a
 * result holds), and those fields count towards the cost like any other.
 */
function asUrqlSendsIt(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      leave(node, _key, parent) {
        if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return node;
        if (node.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename')) return node;
        return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
      },
    },
  });
}

const files = graphqlFiles(join(root, 'console', 'src'));

describe("the console's operations within the gateway's production limits", () => {
  it('finds the operations', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const document = asUrqlSendsIt(parse(source, { maxLexicalTokens: limits.maxTokens }));
    const rejections: string[] = [];
    const errors = validate(schema, document, limitRules(rejections));
    expect([...errors.map((error) => error.message), ...rejections]).toEqual([]);
  });
});
