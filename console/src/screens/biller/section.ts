import { screen, type Section } from '../../app/sections';
import { can } from '../../session/permissions';

/**
 * A biller's own people (the BILLER role, cod.biller.self): their biller's COD account and nothing of the post office.
 * The API answers them for their own biller only, whatever they ask.
 */
export const billerSection: Section = {
  id: 'biller',
  title: 'Your COD account',
  navigation: [{ to: '/biller', label: 'Your COD account', visible: (me) => can(me, 'cod.biller.self') }],
  routes: [{ path: 'biller', ...screen(() => import('./BillerHome')) }],
};
