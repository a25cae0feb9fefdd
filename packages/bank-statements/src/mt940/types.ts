import type { ParsedStatement, StatementLine } from '../model.js';
import type { Line61 } from './line61.js';

/** MT940 details the shared model has no place for, kept so nothing the bank sent is lost. */
export interface Mt940LineDetails {
  mark: Line61['mark'];
  fundsCode?: string;
  supplementaryDetails?: string;
  /** The :86: text as written. */
  information?: string;
  businessCode?: string;
  postingText?: string;
  primaNota?: string;
  returnReason?: string;
  sepa?: Record<string, string>;
  /** 1-based line of the :61: in the file. */
  fileLine: number;
}

export interface Mt940Line extends StatementLine {
  mt940: Mt940LineDetails;
}

export interface SumEntries {
  count: number;
  amount: string;
  currency: string;
}

export interface Mt940Statement extends ParsedStatement {
  lines: Mt940Line[];
  mt940: {
    relatedReference?: string;
    /** :86: after the closing balance (or the MT942 totals): information for the whole statement. */
    information?: string;
    /** MT942 :34F: floor limits (one for both when the bank gives one without a mark). */
    debitFloorLimit?: string;
    creditFloorLimit?: string;
    /** MT942 :90D:/:90C:. */
    debitEntries?: SumEntries;
    creditEntries?: SumEntries;
    fileLine: number;
  };
}
