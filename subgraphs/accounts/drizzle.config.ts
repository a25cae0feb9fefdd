import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` at the repository root runs drizzle-kit with this file; the SQL lands in migrations/ with its
// journal and is committed and reviewed like code.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/tables.ts',
  out: '../../migrations/accounts',
  schemaFilter: ['accounts'],
  migrations: { schema: 'drizzle', table: '__migrations_accounts' },
});
