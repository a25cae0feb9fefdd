/**
 * One model for every statement format the operator's banks send (issue 13): a file holds one or more statements (or
 * notifications), each for one account in one currency, with its balances and its lines. Amounts are decimal strings
 * with the currency's minor units (never floats); dates are 'YYYY-MM-DD'. The parsers (camt/, mt940/) are pure: text in,
 * statements out, or a StatementParseError naming the line or element; nothing is half-read.
 */

export type StatementFormat = 'CAMT_053' | 'CAMT_054' | 'MT940' | 'MT942' | 'CSV';

/** Credit (money in) or debit (money out), as the bank books it on the account. */
export type Direction = 'CREDIT' | 'DEBIT';

export interface AccountIdentification {
  /** The IBAN when the bank gives one. */
  iban?: string;
  /** The bank's own account number (camt Othr/Id, MT940 :25: without the bank code). */
  other?: string;
  /** The account servicer's BIC (camt Svcr), or the bank code MT940 gives before a '/'. */
  servicerBic?: string;
  currency?: string;
}

export interface Balance {
  /**
   * The balance type: camt's code (OPBD opening booked, CLBD closing booked, PRCD previously closed, ITBD interim
   * booked, CLAV closing available, FWAV forward available, ITAV interim available, OPAV opening available), or for
   * MT940 OPBD (:60F:), ITBD (:60M:/:62M:), CLBD (:62F:), CLAV (:64:), FWAV (:65:).
   */
  type: string;
  /** Signed: negative for a debit balance. */
  amount: string;
  currency: string;
  date: string;
}

export interface LineReferences {
  /** The end-to-end id the payer gave (camt EndToEndId; MT940 EREF+ in :86:). */
  endToEndId?: string;
  /** The bank's reference for the entry (camt AcctSvcrRef; MT940 :61: bank reference after //). */
  accountServicerReference?: string;
  /** The account owner's reference (MT940 :61: reference for the account owner; camt InstrId). */
  ownerReference?: string;
  /** Payment information / batch id (camt PmtInfId). */
  paymentInformationId?: string;
  /** UPI's RRN or an Indian NEFT/RTGS UTR when the bank puts one in the references. */
  utr?: string;
  mandateId?: string;
  /** The transaction id the interbank system gave (camt Refs/TxId). */
  transactionId?: string;
  /** The creditor's structured reference (camt RmtInf/Strd/CdtrRefInf/Ref, e.g. an ISO 11649 RF reference). */
  creditorReference?: string;
}

export interface Counterparty {
  name?: string;
  iban?: string;
  account?: string;
  bic?: string;
}

export interface StatementLine {
  /** Position in the statement, from 1. */
  index: number;
  direction: Direction;
  /** A reversal of an earlier booking (camt RvslInd, MT940 RC/RD). Its direction is the booking's on the account. */
  reversal: boolean;
  /** Positive. */
  amount: string;
  currency: string;
  bookingDate?: string;
  valueDate?: string;
  /** BOOK, PDNG, INFO (camt Sts); MT940 lines are booked. */
  status?: string;
  /** The bank's transaction code (camt BkTxCd domain/family/sub-family or proprietary; MT940 :61: type + code). */
  transactionCode?: string;
  references: LineReferences;
  remittanceInformation?: string;
  counterparty?: Counterparty;
  /** A batch entry: how many transactions the bank says it holds (camt NbOfTxs / TxDtls count). */
  transactionCount?: number;
  /** A batch entry's transactions, each with its own amount and references, when the bank details them. */
  transactions?: StatementTransaction[];
}

export interface StatementTransaction {
  amount?: string;
  currency?: string;
  direction?: Direction;
  references: LineReferences;
  remittanceInformation?: string;
  counterparty?: Counterparty;
}

export interface ParsedStatement {
  format: StatementFormat;
  /** camt's namespace version ('camt.053.001.02'); MT940 has none. */
  version?: string;
  /** The message's id (camt GrpHdr/MsgId; MT940 :20:). */
  messageId?: string;
  /** The statement's own id (camt Stmt/Id or Ntfctn/Id; MT940 :20: with :28C:). */
  statementId: string;
  /** camt ElctrncSeqNb / LglSeqNb; MT940 :28C: statement number and sequence. */
  sequenceNumber?: string;
  createdAt?: string;
  account: AccountIdentification;
  currency: string;
  balances: Balance[];
  lines: StatementLine[];
}

/** A file that is not a statement of its format, or one whose figures do not add up: nothing from it is taken. */
export class StatementParseError extends Error {
  readonly code = 'STATEMENT_MALFORMED';
  constructor(
    message: string,
    readonly location: { line?: number; element?: string },
  ) {
    super(message);
    this.name = 'StatementParseError';
  }
}
