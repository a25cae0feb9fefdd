import { randomBytes } from 'node:crypto';
import { EVENT_CATALOGUE, newEvent, type OfficeCreatedPayload, type TypedEvent } from '@postal/events';
import type { EventQueue } from '../queue.js';
import { pino } from 'pino';

/** Tests assert on rows and counters, not log lines; set LOG_LEVEL=debug to watch a test run. */
export const testLogger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

export function officeCreated(code: string, requestId?: string): TypedEvent<'office.created'> {
  const payload: OfficeCreatedPayload = { code, name: `Office ${code}`, type: 'SUB_OFFICE', parentCode: 'BLR-HO', path: `KA/BLR/BLR-HO/${code}` };
  return newEvent('office.created', payload, { source: 'administration', requestId });
}

/** A Bull key prefix of this run's own, so test runs never meet in a shared Redis. */
export function randomPrefix(): string {
  return `pf-test-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Office events go to several subgraphs' queues; a test that watches one of them lets the others swallow theirs,
 * so a publish does not fail for want of a consumer the test does not care about.
 */
export async function swallowOfficeEventsExcept(queue: EventQueue, watched: string): Promise<void> {
  for (const other of EVENT_CATALOGUE['office.created'].consumers) {
    if (other !== watched) await queue.consume(other, async () => undefined);
  }
}
