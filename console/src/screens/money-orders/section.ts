import { screen, type Section } from '../../app/sections';
import { can, canAny } from '../../session/permissions';

/**
 * Money orders: the counter's screens (book, pay, stop, return, refund, the office's daily account) for clerks, and
 * the finance officer's (search, an order's detail with lock and release, the reconciliation, bulk upload, tariffs).
 * Each entry shows only to someone holding its permission somewhere; the server decides the office. The public
 * tracking page (/track) is not here: it needs no sign-in and is routed before the session (app/App.tsx).
 */
export const moneyOrdersSection: Section = {
  id: 'money-orders',
  title: 'Money orders',
  navigation: [
    { to: '/money-orders/book', label: 'Book a money order', visible: (me) => can(me, 'mo.book') },
    { to: '/money-orders/pay', label: 'Pay a money order', visible: (me) => can(me, 'mo.pay') },
    { to: '/money-orders/stop', label: 'Stop a money order', visible: (me) => can(me, 'mo.book') },
    { to: '/money-orders/return', label: 'Return a money order', visible: (me) => can(me, 'mo.pay') },
    { to: '/money-orders/refund', label: 'Refund a money order', visible: (me) => can(me, 'mo.book') },
    { to: '/money-orders/day', label: 'Daily MO account', visible: (me) => can(me, 'mo.read') },
    { to: '/money-orders/search', label: 'Find money orders', visible: (me) => can(me, 'mo.read') },
    { to: '/money-orders/reconciliation', label: 'MO reconciliation', visible: (me) => can(me, 'mo.read') },
    { to: '/money-orders/bulk', label: 'Bulk money orders', visible: (me) => can(me, 'mo.bulk.book') },
    { to: '/money-orders/tariffs', label: 'MO tariffs', visible: (me) => canAny(me, 'mo.tariff.manage', 'mo.tariff.approve') },
  ],
  routes: [
    { path: 'money-orders', ...screen(() => import('./MoneyOrderSearch')) },
    // Its own path, so that its navigation entry is not also lit on every other money-order screen (NavLink matches prefixes).
    { path: 'money-orders/search', ...screen(() => import('./MoneyOrderSearch')) },
    { path: 'money-orders/book', ...screen(() => import('./BookMoneyOrder')) },
    { path: 'money-orders/pay', ...screen(() => import('./PayMoneyOrder')) },
    { path: 'money-orders/stop', ...screen(() => import('./StopMoneyOrder')) },
    { path: 'money-orders/return', ...screen(() => import('./ReturnMoneyOrder')) },
    { path: 'money-orders/refund', ...screen(() => import('./RefundMoneyOrder')) },
    { path: 'money-orders/day', ...screen(() => import('./DayAccount')) },
    { path: 'money-orders/reconciliation', ...screen(() => import('./Reconciliation')) },
    { path: 'money-orders/bulk', ...screen(() => import('./BulkUpload')) },
    { path: 'money-orders/tariffs', ...screen(() => import('./Tariffs')) },
    { path: 'money-orders/:reference', ...screen(() => import('./MoneyOrderDetail')) },
  ],
};
