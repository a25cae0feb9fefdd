import { screen, type Section } from '../../app/sections';
import { canAny } from '../../session/permissions';
import type { Me } from '../../session/me';

/**
 * Anyone who may read approvals, decide one or make one (a grant, a manual journal, a money-order refund from the
 * counter, a settlement release) has an inbox; what is in it is the server's to say. The routes are open to everyone
 * signed in, since a maker always sees their own requests.
 */
const hasInbox = (me: Me) =>
  canAny(me, 'approval.read', 'role.grant', 'role.approve', 'journal.manual.submit', 'journal.manual.approve', 'mo.book', 'mo.refund.approve', 'cod.settlement.release', 'cod.settlement.approve');

export const approvalsSection: Section = {
  id: 'approvals',
  title: 'Approvals',
  navigation: [{ to: '/approvals', label: 'Approvals', visible: hasInbox }],
  routes: [
    { path: 'approvals', ...screen(() => import('./WaitingForMe')) },
    { path: 'approvals/mine', ...screen(() => import('./MyRequests')) },
    { path: 'approvals/all', ...screen(() => import('./AllRequests')) },
    { path: 'approvals/:id', ...screen(() => import('./ApprovalDetail')) },
  ],
};
