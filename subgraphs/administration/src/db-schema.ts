import { outboxTables } from '@postal/outbox';
import { pgSchema } from 'drizzle-orm/pg-core';

export const administrationSchema = pgSchema('administration');
export const { outbox, processedEvents } = outboxTables(administrationSchema);
