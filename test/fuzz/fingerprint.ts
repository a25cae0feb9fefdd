import { rowsOf, type Database } from '@postal/db';
import { sql } from 'drizzle-orm';

/** The schemas of the four subgraphs. */
export const SUBGRAPH_SCHEMAS = ['administration', 'accounts', 'money_orders', 'cod'];

/**
 * Tables that record a refusal by design, so a refused call may add to them: the audit trail (a refused command is
 * audited) and its chain and seal state, each subgraph's outbox and processed events (the audit event travels
 * through them), and the ledger's seal chain, which a background sealer extends at any time.
 */
export const APPEND_ONLY_BY_DESIGN = /^(audit_.*|outbox|processed_events|.*_chain|.*_seals?|.*seal_status)$/;

export type Fingerprint = Map<string, number>;

export interface Fingerprinter {
  tables: string[];
  take(): Promise<Fingerprint>;
}

/** Row counts of every table of the subgraph schemas but the append-only ones, in one statement. */
export async function fingerprinter(database: Database): Promise<Fingerprinter> {
  const listed = rowsOf<{ table_schema: string; table_name: string }>(await database.db.execute(sql`
    select table_schema, table_name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema in ${sql.raw(`(${SUBGRAPH_SCHEMAS.map((name) => `'${name}'`).join(', ')})`)}
    order by 1, 2`));
  const tables = listed
    .filter((row) => !APPEND_ONLY_BY_DESIGN.test(row.table_name))
    .map((row) => `${row.table_schema}.${row.table_name}`);
  if (tables.length === 0) throw new Error('no tables to fingerprint: were the migrations applied?');
  const statement = sql.raw(tables.map((table) => `select '${table}' as name, count(*)::int as n from ${table}`).join(' union all '));
  return {
    tables,
    async take() {
      const result = rowsOf<{ name: string; n: number }>(await database.db.execute(statement));
      return new Map(result.map((row) => [row.name, Number(row.n)]));
    },
  };
}

/** The tables whose counts differ, as "table: before -> after". */
export function differences(before: Fingerprint, after: Fingerprint): string[] {
  const changed: string[] = [];
  for (const [table, count] of after) {
    if (before.get(table) !== count) changed.push(`${table}: ${before.get(table)} -> ${count}`);
  }
  return changed;
}
