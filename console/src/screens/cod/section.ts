import { screen, type Section } from '../../app/sections';
import { can, canAny } from '../../session/permissions';

/**
 * Cash on delivery: the postman's beat and the deposit at the office; the finance officer's billers and contracts,
 * manifest uploads, articles with their timelines, the disputes (resolved from their list), the deposits and exceptions, settlement batches
 * with their payouts and payout files, the aging and the COD reconciliation. Each entry shows only to someone
 * holding its permission somewhere; the server decides the office. A biller's own people have their own screen
 * (screens/biller), since they see no office internals.
 */
export const codSection: Section = {
  id: 'cod',
  title: 'Cash on delivery',
  navigation: [
    { to: '/cod/beat', label: "Today's COD beat", visible: (me) => can(me, 'cod.collect') },
    { to: '/cod/deposit', label: 'COD deposit', visible: (me) => can(me, 'cod.deposit') },
    { to: '/cod/billers', label: 'COD billers', visible: (me) => canAny(me, 'cod.read', 'cod.biller.manage') },
    { to: '/cod/manifests', label: 'COD manifests', visible: (me) => can(me, 'cod.article.register') },
    { to: '/cod/articles', label: 'COD articles', visible: (me) => can(me, 'cod.read') },
    { to: '/cod/deposits', label: 'COD deposits and exceptions', visible: (me) => can(me, 'cod.read') },
    { to: '/cod/day', label: 'Daily COD account', visible: (me) => can(me, 'cod.read') },
    { to: '/cod/disputes', label: 'COD disputes', visible: (me) => can(me, 'cod.read') },
    { to: '/cod/batches', label: 'COD settlement batches', visible: (me) => canAny(me, 'cod.settlement.manage', 'cod.settlement.release') },
    { to: '/cod/aging', label: 'COD aging', visible: (me) => can(me, 'cod.read') },
    { to: '/cod/reconciliation', label: 'COD reconciliation', visible: (me) => can(me, 'cod.read') },
  ],
  routes: [
    { path: 'cod/beat', ...screen(() => import('./PostmanBeat')) },
    { path: 'cod/deposit', ...screen(() => import('./RecordDeposit')) },
    { path: 'cod/billers', ...screen(() => import('./Billers')) },
    { path: 'cod/billers/new', ...screen(() => import('./RegisterBiller')) },
    { path: 'cod/billers/:id', ...screen(() => import('./BillerDetail')) },
    { path: 'cod/manifests', ...screen(() => import('./ManifestUpload')) },
    { path: 'cod/articles', ...screen(() => import('./Articles')) },
    { path: 'cod/articles/new', ...screen(() => import('./RegisterArticle')) },
    { path: 'cod/articles/:articleNumber', ...screen(() => import('./ArticleDetail')) },
    { path: 'cod/deposits', ...screen(() => import('./Deposits')) },
    { path: 'cod/day', ...screen(() => import('./OfficeDay')) },
    { path: 'cod/disputes', ...screen(() => import('./DisputesList')) },
    { path: 'cod/batches', ...screen(() => import('./Batches')) },
    { path: 'cod/batches/:id', ...screen(() => import('./BatchDetail')) },
    { path: 'cod/aging', ...screen(() => import('./Aging')) },
    { path: 'cod/reconciliation', ...screen(() => import('./Reconciliation')) },
  ],
};
