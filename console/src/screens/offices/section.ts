import { screen, type Section } from '../../app/sections';
import { can } from '../../session/permissions';

export const officesSection: Section = {
  id: 'offices',
  title: 'Offices',
  navigation: [{ to: '/offices', label: 'Offices', visible: (me) => can(me, 'office.read') }],
  routes: [
    { path: 'offices', ...screen(() => import('./OfficesScreen')) },
    // Case-sensitive, so an office whose code is SEARCH still opens at /offices/SEARCH (routes match any case by default).
    { path: 'offices/search', caseSensitive: true, ...screen(() => import('./OfficeSearch')) },
    { path: 'offices/:code', ...screen(() => import('./OfficeDetail')) },
  ],
};
