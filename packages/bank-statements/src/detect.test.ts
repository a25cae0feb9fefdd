import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCamt } from './camt/index.js';
import { CsvMappingRequiredError } from './csv/errors.js';
import type { CsvMapping } from './csv/mapping.js';
import { parseBankCsv } from './csv/parse.js';
import { detectStatementFormat } from './detect.js';
import { StatementParseError, type StatementFormat } from './model.js';
import { parseMt940 } from './mt940/index.js';
import { parseStatementFile } from './parse-file.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const fixture = (path: string) => readFileSync(join(FIXTURES, path));

/** Every statement file in fixtures/ and what it is, by its folder and name (not by anything detect looks at). */
function statementFixtures(): [string, StatementFormat][] {
  const files: [string, StatementFormat][] = [];
  for (const name of readdirSync(join(FIXTURES, 'camt')).filter((n) => n.endsWith('.xml'))) {
    files.push([`camt/${name}`, name.startsWith('camt054') ? 'CAMT_054' : 'CAMT_053']);
  }
  for (const name of readdirSync(join(FIXTURES, 'mt940')).filter((n) => n.endsWith('.sta'))) {
    files.push([`mt940/${name}`, name.includes('mt942') ? 'MT942' : 'MT940']);
  }
  for (const name of readdirSync(join(FIXTURES, 'csv')).filter((n) => /\.(csv|tsv)$/.test(n))) {
    files.push([`csv/${name}`, 'CSV']);
  }
  return files;
}

describe('detectStatementFormat', () => {
  const files = statementFixtures();

  it('finds the fixtures of every format', () => {
    const formats = new Set(files.map(([, format]) => format));
    expect([...formats].sort()).toEqual(['CAMT_053', 'CAMT_054', 'CSV', 'MT940', 'MT942']);
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  for (const [path, format] of files) {
    it(`tells ${path} is ${format}, as bytes and as text`, () => {
      expect(detectStatementFormat(fixture(path))).toBe(format);
      expect(detectStatementFormat(fixture(path).toString('utf8'))).toBe(format);
    });
  }

  it('reads the SWIFT envelope', () => {
    const body = fixture('mt940/jejik-generic.sta').toString('utf8');
    expect(detectStatementFormat(`{1:F01BANKDEFFAXXX0000000000}{2:O9401200240101BANKDEFFAXXX00000000002401011200N}{4:\n${body}-}`)).toBe('MT940');
    expect(detectStatementFormat('{1:F01BANKDEFFAXXX0000000000}{2:I942BANKDEFFXXXXN}{4:\n:20:X\n:25:1\n:28C:1\n:34F:EUR0,\n:13D:2401011200+0100\n-}')).toBe('MT942');
    expect(detectStatementFormat('{1:F01BANKDEFFAXXX0000000000}{2:O9501200240101BANKDEFFAXXX00000000002401011200N}{4:\n:20:X\n-}')).toBeNull();
    // Without the envelope MT942 is told by its fields, as parseMt940 tells it.
    expect(detectStatementFormat(':20:X\n:25:1\n:28C:1\n:34F:EUR0,\n:13D:2401011200+0100\n')).toBe('MT942');
  });

  it('reads the camt namespace with a prefix, and the message element without a namespace', () => {
    expect(detectStatementFormat('<?xml version="1.0"?>\n<!-- export -->\n<n:Document xmlns:n="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><n:BkToCstmrDbtCdtNtfctn>')).toBe('CAMT_054');
    expect(detectStatementFormat('<Document><BkToCstmrStmt><GrpHdr>')).toBe('CAMT_053');
  });

  it('says null for junk and for other formats', () => {
    const junk: (string | Buffer)[] = [
      '',
      '   \n\n',
      'hello world, this is a letter\n',
      'just one line without any delimiter',
      '{"statement": 1,\n "lines": [1,\n 2]}',
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn>',
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt>',
      '<!DOCTYPE html><html><body><table><tr><td>1,2</td></tr></table>',
      Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\u0000\u0001', 'latin1'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]), // an .xlsx is a zip
      Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)),
    ];
    for (const content of junk) expect(detectStatementFormat(content), JSON.stringify(content.toString().slice(0, 40))).toBeNull();
  });

  it('does not count a quoted delimiter', () => {
    expect(detectStatementFormat('Date,Narration,Amount\n01/04/24,"RENT, APRIL",1.00\n02/04/24,"FEE ""A"", B",2.00\n')).toBe('CSV');
    expect(detectStatementFormat('Date,Narration,Amount\n01/04/24,"RENT, APRIL",1.00\n')).toBe('CSV');
    expect(detectStatementFormat('Date,Narration,Amount\n01/04/24,RENT, APRIL,1.00\n')).toBeNull();
  });

  it('looks at the first 8 KB only', () => {
    const csv = 'a,b,c\n1,2,3\n';
    expect(detectStatementFormat(Buffer.from(csv + 'x'.repeat(50 * 1024 * 1024)))).toBe('CSV');
  });
});

describe('parseStatementFile', () => {
  const hdfc = JSON.parse(fixture('csv/hdfc-style.mapping.json').toString('utf8')) as CsvMapping;

  it('sends each file to its reader', () => {
    const camt = fixture('camt/camt053.v2.multi.statement.xml');
    expect(parseStatementFile(camt)).toEqual(parseCamt(camt));
    expect(parseStatementFile(camt, { format: 'CAMT_053' })).toEqual(parseCamt(camt));
    const unbalanced = fixture('camt/camt053.v4.xml');
    expect(parseStatementFile(unbalanced, { verifyBalances: false })).toEqual(parseCamt(unbalanced, { verifyBalances: false }));
    expect(() => parseStatementFile(unbalanced)).toThrow(StatementParseError);
    const mt940 = fixture('mt940/jejik-generic.sta');
    expect(parseStatementFile(mt940, { format: 'MT940' })).toEqual(parseMt940(mt940.toString('utf8')));
    const mt942 = fixture('mt940/mbank-mt942.sta');
    expect(parseStatementFile(mt942)[0]!.format).toBe('MT942');
    const csv = fixture('csv/hdfc-style.csv');
    const context = { currency: 'INR', accountNumber: '50100123456789' };
    expect(parseStatementFile(csv, { format: 'CSV', csvMapping: hdfc, ...context })).toEqual(parseBankCsv(csv, hdfc, context));
  });

  it('refuses a file that is not the format the caller named', () => {
    const camt = fixture('camt/camt053.v2.multi.statement.xml');
    expect(() => parseStatementFile(camt, { format: 'MT940' })).toThrow(/sent as MT940 but its content is camt\.053/);
    expect(() => parseStatementFile(camt, { format: 'CAMT_054' })).toThrow(/sent as camt\.054 but its content is camt\.053/);
    expect(() => parseStatementFile(fixture('mt940/mbank-mt942.sta'), { format: 'MT940' })).toThrow(/content is MT942/);
    const error = (() => {
      try {
        parseStatementFile(fixture('csv/eu-style.csv'), { format: 'CAMT_053' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StatementParseError);
    expect((error as StatementParseError).code).toBe('STATEMENT_MALFORMED');
    expect(() => parseStatementFile('hello world', { format: 'CAMT_053' })).toThrow(/not camt\.053, nor any statement format/);
    expect(() => parseStatementFile(Buffer.from([0, 1, 2, 3]))).toThrow(StatementParseError);
  });

  it('lets the CSV reader judge a short text file the caller says is CSV', () => {
    const mapping = { delimiter: ',', headerRow: false, dateFormat: 'DD/MM/YY', columns: { bookingDate: 1, description: 2, amount: 3 } } as const;
    const oneRow = '01/04/24,"RENT, APRIL",1.00\n';
    expect(detectStatementFormat(oneRow)).toBeNull();
    expect(parseStatementFile(oneRow, { format: 'CSV', csvMapping: mapping, currency: 'INR' })[0]!.lines[0]!.remittanceInformation).toBe('RENT, APRIL');
    expect(() => parseStatementFile(oneRow, { csvMapping: mapping, currency: 'INR' })).toThrow(StatementParseError);
    expect(() => parseStatementFile('{"a": 1}', { format: 'CSV', csvMapping: mapping, currency: 'INR' })).toThrow(/not a CSV export/);
  });

  it('needs the mapping and the currency for a CSV file', () => {
    const csv = fixture('csv/hdfc-style.csv');
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(CsvMappingRequiredError);
        return (error as CsvMappingRequiredError).code;
      }
      return 'no error';
    };
    expect(codeOf(() => parseStatementFile(csv, { currency: 'INR' }))).toBe('CSV_MAPPING_REQUIRED');
    expect(codeOf(() => parseStatementFile(csv, { csvMapping: hdfc }))).toBe('CSV_CURRENCY_REQUIRED');
  });
});
