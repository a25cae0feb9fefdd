import { randomBytes } from 'node:crypto';
import { newEvent, type OfficeCreatedPayload, type TypedEvent } from '@postal/events';
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
