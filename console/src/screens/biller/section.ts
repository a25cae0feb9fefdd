import { screen, type Section } from '../../app/sections';

/**
 * A biller's own pages, for its people (the BILLER role): the only section their navigation shows, and the only
 * addresses they may open (see session/audience.ts). The COD dashboard, remittances and disputes go here.
 */
export const billerSection: Section = {
  id: 'biller',
  title: 'Biller',
  audience: 'biller',
  navigation: [
    { to: '/biller', label: 'COD account', visible: (me) => Boolean(me.billerCode) },
    { to: '/biller/disputes', label: 'COD disputes', visible: (me) => Boolean(me.billerCode) },
  ],
  routes: [
    { path: 'biller', ...screen(() => import('./BillerHome')) },
    { path: 'biller/disputes', ...screen(() => import('./BillerDisputes')) },
  ],
};
