import { outboxTables } from '@postal/outbox';
import { pgSchema } from 'drizzle-orm/pg-core';

export const codSchema = pgSchema('cod');
export const { outbox, processedEvents } = outboxTables(codSchema);
