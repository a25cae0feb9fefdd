import { screen, type Section } from '../../app/sections';
import { can } from '../../session/permissions';

/**
 * The ledger's reading side: the chart of accounts, account statements, journal entries, the trial balance and the
 * ledger's verification. (The journal's commands, manual journals, reversals and day closes, are a section of their
 * own, screens/journal/.) Each screen's code loads when it is first opened.
 */
export const ledgerSection: Section = {
  id: 'ledger',
  title: 'Ledger',
  navigation: [
    { to: '/ledger/accounts', label: 'Chart of accounts', visible: (me) => can(me, 'ledger.read') },
    { to: '/ledger/trial-balance', label: 'Trial balance', visible: (me) => can(me, 'ledger.read') },
    { to: '/ledger/verify', label: 'Verify the ledger', visible: (me) => can(me, 'audit.verify') },
  ],
  routes: [
    { path: 'ledger/accounts', ...screen(() => import('./ChartOfAccounts')) },
    { path: 'ledger/accounts/:code/statement', ...screen(() => import('./AccountStatement')) },
    { path: 'ledger/entries/:id', ...screen(() => import('./JournalEntryDetail')) },
    { path: 'ledger/trial-balance', ...screen(() => import('./TrialBalance')) },
    { path: 'ledger/verify', ...screen(() => import('./VerifyLedger')) },
  ],
};
