import type { CanonicalAuditFields } from '../canonical.js';

/** A stored record as the chain sees it, for the pure tests. */
export const sampleRecord: CanonicalAuditFields = {
  id: '42',
  eventId: '0b7f9c1e-2d3a-4c5b-8e6f-7a8b9c0d1e2f',
  source: 'administration',
  occurredAt: '2026-11-22T10:15:00.123000Z',
  recordedAt: '2026-11-22T10:15:00.456789Z',
  action: 'OFFICE_RENAMED',
  outcome: 'SUCCESS',
  actorKind: 'staff',
  actorUsername: 'admin',
  actor: { kind: 'staff', id: 's-1', username: 'admin', roles: ['ADMIN'], officeCode: 'DL' },
  officeCode: 'NDGPO',
  officePath: 'DL/DL-NDC/NDGPO',
  targetType: 'Office',
  targetId: 'NDGPO',
  reason: null,
  before: { name: 'New Delhi GPO' },
  after: { name: 'नई दिल्ली जीपीओ' },
  requestId: 'req-1',
  clientAddress: '10.0.0.7',
};
