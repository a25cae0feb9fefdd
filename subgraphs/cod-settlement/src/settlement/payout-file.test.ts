import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDIA_BANK_HOLIDAYS } from '../contracts/india-bank-holidays.js';
import { formatField, renderPayoutFile, type PayoutFileSpec } from './payout-file.js';
import { HDFC_ENET_NEFT, PAYOUT_FILE_TEMPLATES, SBI_CMP_NEFT } from './payout-templates.js';

const header = { corporateId: 'indiapostcod', debitAccount: '00000031234567890', fileSerial: 7, fileReference: 'NDGPO202612140007', date: '2026-12-14' };
const rows = [
  { beneficiaryName: 'Kumar Textiles Pvt Ltd', accountNumber: '123456789012', ifsc: 'hdfc0001234', amount: '12345.60', narration: 'COD BL000001-20261214-1', reference: 'BL000001-20261214-1' },
  // A name with the file's delimiters and a line break cannot break the record.
  { beneficiaryName: 'A|B, "Traders"\nLLP', accountNumber: '000012345678901', ifsc: 'SBIN0004321', amount: '99.5', narration: 'COD BL000002-20261214-1', reference: 'BL000002-20261214-1' },
];

describe('payout files from templates', () => {
  it('SBI CMP-style: pipe-separated, header, rows, trailer', () => {
    const file = renderPayoutFile(SBI_CMP_NEFT, header, rows);
    expect(file.content).toBe(
      [
        'H|INDIAPOSTCOD|NDGPO202612140007|14122026|00000031234567890|2|12445.10',
        'D|000001|NEFT|KUMAR TEXTILES PVT LTD|123456789012|HDFC0001234|12345.60|COD BL000001-20261214-1',
        'D|000002|NEFT|A B, TRADERS LLP|000012345678901|SBIN0004321|99.50|COD BL000002-20261214-1',
        'T|2|12445.10',
        '',
      ].join('\n'),
    );
    expect([file.recordCount, file.total]).toEqual([2, '12445.10']);
  });

  it('HDFC ENet-style: comma-separated, CRLF, dates DD/MM/YYYY', () => {
    const file = renderPayoutFile(HDFC_ENET_NEFT, header, rows);
    expect(file.content).toBe(
      [
        'FH,INDIAPOSTCOD,00007,14/12/2026,00000031234567890,2,12445.10',
        'N,BL000001-20261214-1,123456789012,12345.60,Kumar Textiles Pvt Ltd,HDFC0001234,COD BL000001-20261214-1,14/12/2026',
        'N,BL000002-20261214-1,000012345678901,99.50,A|B Traders LLP,SBIN0004321,COD BL000002-20261214-1,14/12/2026',
        'FT,2,12445.10',
        '',
      ].join('\r\n'),
    );
  });

  it('a new bank is data: a spec without a trailer, other date and widths', () => {
    const spec: PayoutFileSpec = {
      delimiter: ';',
      lineEnding: '\n',
      header: [{ literal: 'HDR' }, { value: 'date', format: { kind: 'date', pattern: 'YYYYMMDD' } }, { value: 'total', format: { kind: 'amount', decimals: 2 } }],
      row: [{ value: 'ifsc', format: { kind: 'text', maxLength: 4 } }, { value: 'amount', format: { kind: 'amount', decimals: 2 } }],
      trailer: null,
    };
    expect(renderPayoutFile(spec, header, rows).content).toBe('HDR;20261214;12445.10\nhdfc;12345.60\nSBIN;99.50\n');
  });

  it('never rounds an amount', () => {
    expect(() => formatField('10.005', { kind: 'amount', decimals: 2 }, '|')).toThrow(RangeError);
  });
});

describe('reference data seeded by migrations', () => {
  let testDatabase: TestDatabase;
  beforeAll(async () => {
    testDatabase = await createTestDatabase(['cod-settlement']);
  }, 60_000);
  afterAll(() => testDatabase?.drop());

  it('payout_file_templates hold exactly the declared layouts', async () => {
    const stored = rowsOf<{ code: string; bank_name: string; spec: unknown }>(await testDatabase.database.db.execute(sql`select code, bank_name, spec from cod.payout_file_templates order by code`));
    expect(stored).toEqual([...PAYOUT_FILE_TEMPLATES].sort((a, b) => a.code.localeCompare(b.code)).map((t) => ({ code: t.code, bank_name: t.bankName, spec: t.spec })));
  });

  it('bank_holidays IN hold exactly the declared 2026 and 2027 holidays, none on a Sunday-only list by mistake', async () => {
    const stored = rowsOf<{ date: string; name: string }>(await testDatabase.database.db.execute(sql`select date::text as date, name from cod.bank_holidays where calendar = 'IN' order by date`));
    expect(stored).toEqual(INDIA_BANK_HOLIDAYS.map((h) => ({ date: h.date, name: h.name })));
    expect(stored.filter((h) => h.date.startsWith('2026')).map((h) => h.date)).toEqual(expect.arrayContaining(['2026-01-26', '2026-03-04', '2026-04-03', '2026-08-15', '2026-10-02', '2026-11-08', '2026-12-25']));
  });
});
