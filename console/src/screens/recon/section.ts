import { screen, type Section } from '../../app/sections';
import { canAny } from '../../session/permissions';

/**
 * Reconciliation (issue 13): the operator's own bank accounts (each kept in the ledger under head 1500), the
 * statements their banks send (camt.053/054, MT940/942, CSV through the account's saved layout) imported as files,
 * and the statements read back line by line. Each entry shows to someone holding its permission somewhere; the server
 * decides the office.
 */
export const reconSection: Section = {
  id: 'recon',
  title: 'Reconciliation',
  navigation: [
    { to: '/recon/accounts', label: 'Bank accounts', visible: (me) => canAny(me, 'recon.read', 'recon.bank.manage') },
    { to: '/recon/import', label: 'Import bank statement', visible: (me) => canAny(me, 'recon.import') },
    { to: '/recon/imports', label: 'Statement imports', visible: (me) => canAny(me, 'recon.read', 'recon.import') },
    { to: '/recon/statements', label: 'Bank statements', visible: (me) => canAny(me, 'recon.read', 'recon.import') },
  ],
  routes: [
    { path: 'recon/accounts', ...screen(() => import('./BankAccounts')) },
    { path: 'recon/accounts/new', ...screen(() => import('./RegisterBankAccount')) },
    { path: 'recon/accounts/:id', ...screen(() => import('./BankAccountDetail')) },
    { path: 'recon/import', ...screen(() => import('./ImportStatement')) },
    { path: 'recon/imports', ...screen(() => import('./Imports')) },
    { path: 'recon/imports/:id', ...screen(() => import('./ImportDetail')) },
    { path: 'recon/statements', ...screen(() => import('./Statements')) },
    { path: 'recon/statements/:id', ...screen(() => import('./StatementDetail')) },
  ],
};
