import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@postal/db';
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';

/**
 * A subgraph's SDL is `schema/<name>.graphql` (its source of truth) with the shared scalars and value types of
 * `schema/common.graphql` appended, the same concatenation `npm run compose` feeds the composer.
 */
export function loadSubgraphTypeDefs(name: string): DocumentNode {
  const schemaDir = join(findRepoRoot(), 'schema');
  const sdl = [readFileSync(join(schemaDir, `${name}.graphql`), 'utf8'), readFileSync(join(schemaDir, 'common.graphql'), 'utf8')];
  return gql(sdl.join('\n'));
}
