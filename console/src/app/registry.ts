import type { Section } from './sections';
import { staffSection } from '../screens/staff/section';
import { ledgerSection } from '../screens/ledger/section';

/** The console's sections, in navigation order. A later subgraph (money orders, COD) adds its own here. */
export const SECTIONS: Section[] = [staffSection, ledgerSection];
