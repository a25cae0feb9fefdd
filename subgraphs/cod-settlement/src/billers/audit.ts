import type { Identity, SignedRequestContext } from '@postal/auth';
import type { Tx } from '@postal/db';
import { stageEvents } from '@postal/outbox';
import { auditEvent, type AuditRecordInput } from '@postal/server';
import { outbox, processedEvents } from '../db-schema.js';
import type { BillerRow } from './repository.js';

/** Every change to a biller, its accounts or its contract leaves an audit record, staged in the change's transaction. */
export const auditTables = { outbox, processedEvents };

export function actorName(identity: Identity): string {
  return identity.kind === 'staff' ? identity.username : identity.kind === 'service' ? identity.service : 'anonymous';
}

export function billerSummary(biller: BillerRow): Record<string, unknown> {
  return {
    code: biller.code,
    name: biller.name,
    type: biller.type,
    gstin: biller.gstin,
    contactName: biller.contactName,
    contactEmail: biller.contactEmail,
    contactPhone: biller.contactPhone,
    settlementOfficeCode: biller.settlementOfficeCode,
    status: biller.status,
    version: biller.version,
  };
}

export function stageBillerAudit(tx: Tx, context: SignedRequestContext, biller: BillerRow, record: Omit<AuditRecordInput, 'target' | 'officeCode' | 'outcome'>) {
  return stageEvents(tx, auditTables, [
    auditEvent('cod-settlement', context, { ...record, outcome: 'SUCCESS', target: { type: 'Biller', id: biller.code }, officeCode: biller.settlementOfficeCode }),
  ]);
}

