import { seedDemoAdministration } from '@postal/administration';
import { migrateSubgraph, SUBGRAPH_SCHEMAS, type Database, type SubgraphName } from '@postal/db';

const SUBGRAPHS = Object.keys(SUBGRAPH_SCHEMAS) as SubgraphName[];

/** Applies every subgraph's pending migrations, one subgraph after another. */
export async function migrateAll(database: Database): Promise<void> {
  for (const subgraph of SUBGRAPHS) await migrateSubgraph(database, subgraph);
}

/**
 * The demo data, once: administration's offices and staff. The other subgraphs get theirs through events (the
 * accounts subgraph opens each office's chart when it hears `office.created`). Refuses production.
 */
export async function seedDemo(database: Database, nodeEnv: string) {
  return seedDemoAdministration(database, nodeEnv);
}
