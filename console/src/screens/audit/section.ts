import { screen, type Section } from '../../app/sections';
import { can } from '../../session/permissions';

export const auditSection: Section = {
  id: 'audit',
  title: 'Audit',
  navigation: [
    { to: '/audit', label: 'Audit trail', visible: (me) => can(me, 'audit.read') },
    { to: '/audit/verify', label: 'Verify audit trail', visible: (me) => can(me, 'audit.verify') },
  ],
  routes: [
    { path: 'audit', ...screen(() => import('./AuditTrail')) },
    { path: 'audit/verify', ...screen(() => import('./VerifyAuditTrail')) },
    { path: 'audit/:id', ...screen(() => import('./AuditRecordDetail')) },
  ],
};
