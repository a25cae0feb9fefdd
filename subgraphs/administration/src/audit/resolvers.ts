import type { AuditActorKind, Resolvers } from '../generated/resolvers-types.js';
import { changesOf } from './domain.js';

/** Thin: read arguments, call the audit service with the signed caller, shape the record's fields. */
export const auditResolvers: Resolvers = {
  Query: {
    auditTrail: (_parent, { filter, first, after }, { services, identity }) => services.audit.auditTrail(identity, filter, first, after),
    auditRecord: (_parent, { id }, { services, identity }) => services.audit.auditRecord(identity, id),
    verifyAuditTrail: (_parent, { from, to }, { services, identity }) => services.audit.verifyAuditTrail(identity, from, to),
  },
  AuditRecord: {
    actor: (record) => ({
      kind: record.actor.kind.toUpperCase() as AuditActorKind,
      id: record.actor.id ?? null,
      username: record.actor.username ?? null,
      roles: record.actor.roles ?? [],
      officeCode: record.actor.officeCode ?? null,
    }),
    changes: (record) => changesOf(record.before, record.after),
  },
  AuditBrokenRecord: {
    id: (broken) => broken.recordId,
    position: (broken) => (broken.position === null ? null : String(broken.position)),
  },
};
