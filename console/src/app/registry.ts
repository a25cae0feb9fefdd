import type { Section } from './sections';
import { officesSection } from '../screens/offices/section';
import { staffSection } from '../screens/staff/section';
import { approvalsSection } from '../screens/approvals/section';
import { auditSection } from '../screens/audit/section';

/** The console's sections, in navigation order. A later subgraph (money orders, COD) adds its own here. */
export const SECTIONS: Section[] = [officesSection, staffSection, approvalsSection, auditSection];
