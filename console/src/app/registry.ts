import type { Section } from './sections';
import { staffSection } from '../screens/staff/section';
import { journalSection } from '../screens/journal/section';
import { dashboardSection } from '../screens/dashboard/section';

/** The console's sections, in navigation order. A later subgraph (money orders, COD) adds its own here. */
export const SECTIONS: Section[] = [staffSection, journalSection, dashboardSection];
