import { outboxTables } from '@postal/outbox';
import { pgSchema } from 'drizzle-orm/pg-core';

export const accountsSchema = pgSchema('accounts');
export const { outbox, processedEvents } = outboxTables(accountsSchema);
