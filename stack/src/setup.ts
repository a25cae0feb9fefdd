import { seedDemoAdministration } from '@postal/administration';
import { seedDemoCod } from '@postal/cod-settlement';
import { migrateSubgraph, SUBGRAPH_SCHEMAS, type Database, type SubgraphName } from '@postal/db';

const SUBGRAPHS = Object.keys(SUBGRAPH_SCHEMAS) as SubgraphName[];

/** Applies every subgraph's pending migrations, one subgraph after another. */
export async function migrateAll(database: Database): Promise<void> {
  for (const subgraph of SUBGRAPHS) await migrateSubgraph(database, subgraph);
}

/**
 * The demo data, once: administration's offices and staff, and cod-settlement's demo biller (the one `seller.demo` is
 * bound to). The other subgraphs get the offices through events (the accounts subgraph opens each office's chart when
 * it hears `office.created`). Refuses production.
 */
export async function seedDemo(database: Database, nodeEnv: string) {
  const administration = await seedDemoAdministration(database, nodeEnv);
  const cod = await seedDemoCod(database, nodeEnv);
  return { ...administration, billers: cod.billers };
}
