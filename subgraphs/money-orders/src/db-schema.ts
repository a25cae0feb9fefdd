import { outboxTables } from '@postal/outbox';
import { pgSchema } from 'drizzle-orm/pg-core';

export const moneyOrdersSchema = pgSchema('money_orders');
export const { outbox, processedEvents } = outboxTables(moneyOrdersSchema);
