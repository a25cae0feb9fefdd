import { screen, type Section } from '../../app/sections';
import { can } from '../../session/permissions';

export const staffSection: Section = {
  id: 'staff',
  title: 'Staff',
  navigation: [{ to: '/staff', label: 'Staff', visible: (me) => can(me, 'staff.read') }],
  routes: [
    { path: 'staff', ...screen(() => import('./StaffList')) },
    { path: 'staff/new', ...screen(() => import('./StaffCreate')) },
    { path: 'staff/:id', ...screen(() => import('./StaffDetail')) },
  ],
};
