import { screen, type Section } from '../../app/sections';
import { can } from '../../session/permissions';

/**
 * Journal: what finance officers and clerks do to the ledger (the ledger's reading screens are under /ledger): a
 * manual journal, reversing an entry (also opened from the entry's detail), closing the business day.
 */
export const journalSection: Section = {
  id: 'journal',
  title: 'Journal',
  navigation: [
    { to: '/journal/new', label: 'Manual journal', visible: (me) => can(me, 'journal.manual.submit') },
    { to: '/journal/close-day', label: 'Close business day', visible: (me) => can(me, 'ledger.day.close') },
  ],
  routes: [
    { path: 'journal/new', ...screen(() => import('./ManualJournal')) },
    { path: 'journal/reverse/:id', ...screen(() => import('./ReverseEntry')) },
    { path: 'journal/close-day', ...screen(() => import('./CloseBusinessDay')) },
  ],
};
