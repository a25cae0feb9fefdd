import type { Section } from './sections';
import { dashboardSection } from '../screens/dashboard/section';
import { officesSection } from '../screens/offices/section';
import { staffSection } from '../screens/staff/section';
import { approvalsSection } from '../screens/approvals/section';
import { auditSection } from '../screens/audit/section';
import { ledgerSection } from '../screens/ledger/section';
import { journalSection } from '../screens/journal/section';
import { moneyOrdersSection } from '../screens/money-orders/section';
import { codSection } from '../screens/cod/section';
import { billerSection } from '../screens/biller/section';
import { reconSection } from '../screens/recon/section';

/** The console's sections, in navigation order. A later subgraph (money orders, COD) adds its own here. */
export const SECTIONS: Section[] = [
  dashboardSection,
  officesSection,
  staffSection,
  approvalsSection,
  auditSection,
  ledgerSection,
  journalSection,
  moneyOrdersSection,
  codSection,
  reconSection,
  billerSection,
];
