/** Small camt documents for tests: enough structure to exercise one rule at a time. */

export interface EntrySpec {
  amount: string;
  currency?: string;
  credit?: boolean;
  reversal?: boolean;
  status?: string;
  booking?: string;
  bookingElement?: 'Dt' | 'DtTm';
  value?: string;
  /** Raw XML inside NtryDtls. */
  details?: string;
  servicerReference?: string;
}

export interface BalanceSpec {
  type: string;
  amount: string;
  currency?: string;
  debit?: boolean;
  date?: string;
}

export function balance(spec: BalanceSpec): string {
  return `<Bal><Tp><CdOrPrtry><Cd>${spec.type}</Cd></CdOrPrtry></Tp><Amt Ccy="${spec.currency ?? 'EUR'}">${spec.amount}</Amt>
<CdtDbtInd>${spec.debit ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${spec.date ?? '2026-11-30'}</Dt></Dt></Bal>`;
}

export function entry(spec: EntrySpec, version = 8): string {
  const status = spec.status ?? 'BOOK';
  const booking = spec.booking ?? '2026-12-01';
  return `<Ntry>
<Amt Ccy="${spec.currency ?? 'EUR'}">${spec.amount}</Amt>
<CdtDbtInd>${spec.credit === false ? 'DBIT' : 'CRDT'}</CdtDbtInd>
${spec.reversal ? '<RvslInd>true</RvslInd>' : ''}
<Sts>${version >= 8 ? `<Cd>${status}</Cd>` : status}</Sts>
<BookgDt><${spec.bookingElement ?? 'Dt'}>${booking}</${spec.bookingElement ?? 'Dt'}></BookgDt>
<ValDt><Dt>${spec.value ?? '2026-12-01'}</Dt></ValDt>
${spec.servicerReference ? `<AcctSvcrRef>${spec.servicerReference}</AcctSvcrRef>` : ''}
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
${spec.details ? `<NtryDtls>${spec.details}</NtryDtls>` : ''}
</Ntry>`;
}

export function statement(id: string, body: string, currency = 'EUR'): string {
  return `<Stmt><Id>${id}</Id><CreDtTm>2026-12-01T18:00:00+05:30</CreDtTm>
<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>${currency}</Ccy></Acct>
${body}
</Stmt>`;
}

export function camt053(body: string, version = '08'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}">
<BkToCstmrStmt><GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-12-01T18:00:00+05:30</CreDtTm></GrpHdr>
${body}
</BkToCstmrStmt>
</Document>
`;
}
