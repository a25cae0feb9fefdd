import { screen, type Section } from '../../app/sections';

/** The dashboard, at `/` (the shell's navigation already links it first, so the section adds no entry). */
export const dashboardSection: Section = {
  id: 'dashboard',
  title: 'Dashboard',
  navigation: [],
  routes: [{ index: true, ...screen(() => import('./Dashboard')) }],
};
