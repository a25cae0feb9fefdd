import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Decimal } from '@postal/money';
import { describe, expect, it } from 'vitest';
import { StatementParseError } from '../model.js';
import { parseMt940 } from '../index.js';
import type { Mt940Statement } from './index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/mt940/', import.meta.url));
const read = (name: string) => readFileSync(`${FIXTURES}${name}.sta`, 'utf8');

/** [signed amount, value date, mark, type+code, bank reference, EREF, counterparty IBAN, BIC, name] per line. */
type WolphLine = [string, string, string, string, string | undefined, string | undefined, string | undefined, string | undefined, string | undefined];

function expectLikeWolph(statements: Mt940Statement[], expected: WolphLine[]): void {
  const lines = statements.flatMap((s) => s.lines);
  expect(lines).toHaveLength(expected.length);
  lines.forEach((line, i) => {
    const [amount, date, mark, code, bankRef, e2e, iban, bic, name] = expected[i]!;
    const at = `line ${i + 1} (${line.mt940.fileLine})`;
    expect(line.mt940.mark, at).toBe(mark);
    // wolph signs an amount by the mark's letter, so its RC lines are positive; we give the booking on the account
    // (an RC takes money off the account: DEBIT, reversal), which is what makes the statements balance.
    const signed = line.direction === 'DEBIT' && !line.reversal ? `-${line.amount}` : line.amount;
    expect(new Decimal(signed).equals(new Decimal(amount)), `${at}: ${signed} vs ${amount}`).toBe(true);
    if (mark === 'RC') expect([line.direction, line.reversal], at).toEqual(['DEBIT', true]);
    expect(line.valueDate, at).toBe(date);
    expect(line.transactionCode, at).toBe(code);
    expect(line.references.accountServicerReference, at).toBe(bankRef);
    // EREF+NONREF is SEPA for "no end-to-end id": we leave it out rather than match on it.
    expect(line.references.endToEndId, at).toBe(e2e === 'NONREF' ? undefined : e2e);
    // wolph's applicant_iban/applicant_bin are ?31/?30 whatever they hold; a domestic account and bank code are our
    // counterparty.account 'BANKCODE/ACCOUNT', an IBAN and a BIC our iban and bic.
    const bicShaped = bic !== undefined && /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic);
    if (iban !== undefined && /^[A-Z]{2}[0-9]{2}/.test(iban)) expect(line.counterparty?.iban, at).toBe(iban);
    else if (iban !== undefined) expect(line.counterparty?.account, at).toBe(bic && !bicShaped ? `${bic}/${iban}` : iban);
    else expect(line.counterparty?.iban ?? line.counterparty?.account, at).toBeUndefined();
    expect(line.counterparty?.bic, at).toBe(bicShaped ? bic : undefined);
    // wolph drops the blank at the start of a wrapped :86: line ("Beginn" + " Fuellzeichen"); we keep it, so names
    // are compared without blanks.
    expect(line.counterparty?.name?.replace(/\s/g, ''), at).toBe(name?.replace(/\s/g, ''));
  });
}

describe('parseMt940 on the wolph/mt940 samples (fixtures/mt940)', () => {
  it('betterplace-sepa_mt9401.sta: 26 statements, 97 lines, every one balanced', () => {
    const statements = parseMt940(read('betterplace-sepa_mt9401'));
    expect(statements).toHaveLength(26);
    expect(statements.every((s) => s.format === 'MT940' && s.currency === 'EUR')).toBe(true);
    // Figures of the last statement: wolph keeps the last statement's balances (betterplace-sepa_mt9401.expected.yml).
    const last = statements[25]!;
    expect(last.messageId).toBe('T089414136000001');
    expect(last.sequenceNumber).toBe('00001/00001');
    expect(last.account).toEqual({ servicerBic: '50880050', other: '0194804000888', currency: 'EUR' });
    expect(last.balances).toEqual([
      { type: 'OPBD', amount: '0.00', currency: 'EUR', date: '2007-08-22' },
      { type: 'CLBD', amount: '50.05', currency: 'EUR', date: '2007-09-04' },
      { type: 'CLAV', amount: '50.05', currency: 'EUR', date: '2007-09-04' },
    ]);
    // The first statement: D1234718,36 + lines (one RC 204,88 as a debit) = D1237628,23, from the .sta itself.
    expect(statements[0]!.balances.slice(0, 2).map((b) => b.amount)).toEqual(['-1234718.36', '-1237628.23']);
    // :60M:/:62M: continuation statements (T089414006000001 and ...002).
    expect(statements[6]!.balances.map((b) => b.type)).toEqual(['OPBD', 'ITBD']);
    expect(statements[7]!.balances.map((b) => [b.type, b.amount])).toEqual([['ITBD', '-30503.83'], ['CLBD', '-100854.45'], ['CLAV', '-100854.45']]);
    // Line figures from betterplace-sepa_mt9401.expected.yml, in file order.
    expectLikeWolph(statements, BETTERPLACE);
    const first = statements[0]!.lines[0]!;
    expect(first.bookingDate).toBe('2007-09-04');
    expect(first.references.ownerReference).toBe('TFNr 40005 MSGID');
    expect(first.mt940).toMatchObject({ fundsCode: 'R', businessCode: '159', postingText: 'RETOURE', returnReason: '914' });
    const svwz = statements[1]!.lines[0]!;
    expect(svwz.remittanceInformation).toMatch(/^TO 13 TFNr 20004 Eingangskanal Mint \.+/);
    // :61: says KREF+: the owner's reference is the :86: KREF+ value, which (as wolph reads SEPA keys) runs to the
    // next key or the end of the remittance, so the bank's MTLG: note stays in it.
    expect(statements[1]!.lines[1]!.references.ownerReference).toBe(
      'TFNr 01005 PayId CTSc-01 EBBMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000005 Zahlungen',
    );
  });

  it('cmxl-mt940.sta: 3 statements (:28: and :28C:, DEM, PLN with supplementary details), 16 lines', () => {
    const statements = parseMt940(read('cmxl-mt940'));
    expect(statements.map((s) => [s.statementId, s.currency, s.lines.length])).toEqual([
      ['131110/27/01', 'DEM', 11],
      ['1234567/5/1', 'EUR', 2],
      ['TELEWIZORY S.A./00084/001', 'PLN', 3],
    ]);
    // Last statement's figures from cmxl-mt940.expected.yml.
    const last = statements[2]!;
    expect(last.account).toEqual({ servicerBic: 'BPHKPLPK', other: '320000546101', currency: 'PLN' });
    expect(last.balances).toEqual([
      { type: 'OPBD', amount: '40000.00', currency: 'PLN', date: '2003-10-02' },
      { type: 'CLBD', amount: '50040.00', currency: 'PLN', date: '2002-03-25' },
    ]);
    expect(statements[1]!.mt940.relatedReference).toBe('9876543210');
    expectLikeWolph(statements, CMXL);
    // DEM has 2 minor units: "620,3" is 620.30.
    expect(statements[0]!.lines[1]!.amount).toBe('620.30');
    expect(last.lines.map((l) => l.mt940.supplementaryDetails)).toEqual(['Card transaction', 'Transfer', 'Interest credit']);
    expect(last.lines[0]!.counterparty).toEqual({
      name: 'HUTA SZKLA TOPIC ULPRZEMYSLOWA 67 32-669 WROCLAW',
      iban: 'PL08106000760000777777777777',
      account: '10600076/0000777777777777',
    });
    // ?20-?29 joined as the remittance; the lines' wrapping ("Gehalt Oktob" / "er") is undone.
    expect(statements[1]!.lines[1]!.remittanceInformation).toBe('Gehalt OktoberFirmaMustermannGmbH');
    expect(statements[1]!.lines[1]!.counterparty).toEqual({ name: 'MUELLER', account: '50060400/0847564700' });
  });

  it('jejik-generic.sta: two statements under one :20:, the last without a closing "-"', () => {
    const statements = parseMt940(read('jejik-generic'));
    // From jejik-generic.expected.yml: 2 lines of -10.00 EUR, N000, NONREF, 2011-01-01 and 2011-02-01; last
    // statement opening C 90.00 2011-02-01, closing C 80.00 2011-03-01, statement number 2.
    expect(statements.map((s) => s.statementId)).toEqual(['GENERIC/1', 'GENERIC/2']);
    expect(statements[1]!.balances).toEqual([
      { type: 'OPBD', amount: '90.00', currency: 'EUR', date: '2011-02-01' },
      { type: 'CLBD', amount: '80.00', currency: 'EUR', date: '2011-03-01' },
    ]);
    expect(statements.flatMap((s) => s.lines).map((l) => [l.direction, l.amount, l.valueDate, l.transactionCode, l.references])).toEqual([
      ['DEBIT', '10.00', '2011-01-01', 'N000', {}],
      ['DEBIT', '10.00', '2011-02-01', 'N000', {}],
    ]);
    expect(statements[0]!.account).toEqual({ other: '11111111', currency: 'EUR' });
  });

  it('mbank-mt942.sta: an MT942 with floor limits, :13D:, :90D:/:90C: totals, SOH/ETX around it', () => {
    const [report, ...rest] = parseMt940(read('mbank-mt942'));
    expect(rest).toHaveLength(0);
    // From mbank-mt942.expected.yml: floor limits 0 PLN, 2017-01-19 18:15 +01:00, 90D 0 / 0.00, 90C 3 / 0.03,
    // 3 lines of C 0.01 PLN NTRF NONREF, funds code N, bank references MB170119012058/...085/...121.
    expect(report!).toMatchObject({
      format: 'MT942',
      messageId: 'ST170119CYC/0001',
      sequenceNumber: '1/1',
      createdAt: '2017-01-19T18:15:00+01:00',
      currency: 'PLN',
      account: { iban: 'PL29114010810000267002001002', currency: 'PLN' },
      balances: [],
      mt940: {
        debitFloorLimit: '0.00',
        creditFloorLimit: '0.00',
        debitEntries: { count: 0, amount: '0.00', currency: 'PLN' },
        creditEntries: { count: 3, amount: '0.03', currency: 'PLN' },
      },
    });
    expect(report!.lines.map((l) => [l.direction, l.amount, l.valueDate, l.bookingDate, l.references.accountServicerReference, l.mt940.fundsCode, l.mt940.supplementaryDetails])).toEqual([
      ['CREDIT', '0.01', '2017-01-19', '2017-01-19', 'MB170119012058', 'N', '911-TRANSAKCJA IPH'],
      ['CREDIT', '0.01', '2017-01-19', '2017-01-19', 'MB170119012085', 'N', '911-TRANSAKCJA IPH'],
      ['CREDIT', '0.01', '2017-01-19', '2017-01-19', 'MB170119012121', 'N', '911-TRANSAKCJA IPH'],
    ]);
    expect(report!.lines[0]!.remittanceInformation).toBe(
      '911 TRANSAKCJA COLLECT; ID IPH: XX000000000001; Z RACH.:\n56114010810000267002001001; OD: JAN NOWAK\nUL. NIJAKA 1 M 2 31-234 KRAKOW; TYT.: PRZELEW SRODKOW   ;\nTNR: 179171073864111.010001',
    );
  });
});

// From betterplace-sepa_mt9401.expected.yml (wolph/mt940's result), one row per :61: in file order.
const BETTERPLACE: WolphLine[] = [
  ["300", "2007-09-04", "C", "NTRF", "0724710345313905", "TFNR 40005 00005MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["335.33", "2007-09-04", "C", "NTRF", "0724710351061491", "TFNR 44003 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["15000", "2007-09-04", "C", "NTRF", "0724710345313900", "TFNR 40005 00002MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["66295.08", "2007-09-04", "C", "NMSC", undefined, undefined, undefined, undefined, undefined],
  ["915311.55", "2007-09-04", "C", "NTRF", "R724710351061495", "TFNR 44003 00002MTLG:Konto gesperrt Rueckueberweisung aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["204.88", "2007-09-04", "RC", "NRTI", undefined, undefined, undefined, undefined, undefined],
  ["-999946.95", "2007-09-04", "D", "NMSC", undefined, undefined, undefined, undefined, undefined],
  ["15000.05", "2007-09-04", "C", "NTRF", "0724710290621954", "EndToEndIdTFNR2000400001", "DE42100100100043921105", "PBNKDEFF100", "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx"],
  ["-500250", "2007-09-04", "D", "NTRF", "BD7CFA74485E7E69", undefined, undefined, undefined, undefined],
  ["50.05", "2007-09-04", "C", "NTRF", "0724710290658244", "EndToEndIdTFNR5200100001", "DE42100100100043921105", "PBNKDEFF100", "Richter Renate 70 Zeichen Beginn Fuellzeichenxxxxxxxx"],
  ["125.88", "2007-09-04", "C", "NTRF", "0724710290635078", undefined, "CH8500779014054431109", "NIKACH22XXX", "Cornelia Prochownik 70 Zeichen BeginnFuellzeichen xxx"],
  ["125004.88", "2007-09-04", "C", "NTRF", "0724710290626371", undefined, "CH6500279279C31180700", "UBSWCHZH80A", "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx"],
  ["-326609.66", "2007-09-04", "D", "NTRF", "DE85920B84F8E98D", undefined, undefined, undefined, undefined],
  ["-326609.66", "2007-09-04", "D", "NTRF", "D1C08A4EB4664146", undefined, undefined, undefined, undefined],
  ["250000", "2007-09-04", "C", "NTRF", "0724710290628244", undefined, "DE40250100300325207300", "PBNKDEFF250", "Daniel Severidt 70 ZeichenBeginn Fuellzeichen xxxxxxx"],
  ["300000", "2007-09-04", "C", "NTRF", "0724710290631813", undefined, "DE40100100100000214105", "PBNKDEFF100", "Cornelia Prochownik 70 Zeichen Beginn Fuellzeichen xxx"],
  ["500000", "2007-09-04", "C", "NTRF", "0724710290630146", undefined, "DE39250100300172064300", "PBNKDEFF250", "Dirk Leunig 70 Zeichen Beginn Fuellzeichen xxxxxxxxxxx"],
  ["204.88", "2007-09-04", "C", "NMSC", undefined, undefined, undefined, undefined, undefined],
  ["204.88", "2007-09-04", "RC", "NRTI", "R724710290656678", undefined, undefined, undefined, undefined],
  ["-50990.05", "2007-09-04", "D", "NTRF", "0724710352954937", "TFNR 21005 EndToEndId 00001", "DE76508800500194780101", "DRESDEFF508", "Empfaenger Florian Frech UK 01"],
  ["-175454.22", "2007-09-04", "D", "NTRF", "8AE3169901918BD3", undefined, undefined, undefined, undefined],
  ["-500250", "2007-09-04", "D", "NTRF", "E87048E11B394C1E", undefined, undefined, undefined, undefined],
  ["50990.05", "2007-09-04", "C", "NTRF", "0724710352954937", "TFNR 21005 EndToEndId 00001", "DE06508800500194780100", "DRESDEFF508", "Florian Frech"],
  ["19990.05", "2007-09-04", "C", "NTRF", "0724710333377198", "EndToEndId TFNR 22 001 00001", "DE95508800500194784900", "DRESDEFF508", "JOSEF        JAEGER"],
  ["-57.34", "2007-09-04", "D", "NTRF", "0724710352996674", "NONREF", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 1 mit 70 Zeichen Empfaenger 1 mit 70 Zeiche"],
  ["-5002.17", "2007-09-04", "D", "NTRF", "0724710353006393", "NONREF", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 6mit 70 Zeichen Empfaenger 6 mit 70 Zeiche"],
  ["-5002.17", "2007-09-04", "D", "NTRF", "0724710352998444", "NONREF", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 2 mit 70 Zeichen Empfaenger 2 mit 70 Zeiche"],
  ["-5002.17", "2007-09-04", "D", "NTRF", "0724710353002818", "NONREF", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 4 mit 70 Zeichen Empfaenger 4 mit 70 Zeiche"],
  ["-5002.17", "2007-09-04", "D", "NTRF", "0724710353000284", "NONREF", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 3 mit 70 Zeichen Empfaenger 3 mit 70 Zeiche"],
  ["-5002.17", "2007-09-04", "D", "NTRF", "0724710353004695", "NONREF", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 5 mit 70 Zeichen Empfaenger 5 mit 70 Zeiche"],
  ["-55344.11", "2007-09-04", "D", "NTRF", "0724710353008994", "NONREF", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 7 mit 70 Zeichen Empfaenger 7 mit 70 Zeiche"],
  ["50", "2007-09-04", "C", "NTRF", "0724710324649377", "TFNR 40016 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["50.05", "2007-09-04", "C", "NTRF", "0724710345347489", "TFNR 40017 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["50.05", "2007-09-04", "C", "NTRF", "0724710351065632", "TFNR 40018 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["46500.07", "2007-09-04", "C", "NTRF", "0724710333347237", "EndToEndId TFNR 06 004 00002", undefined, undefined, undefined],
  ["154551.93", "2007-09-04", "C", "NTRF", "0724710333347241", "EndToEndId TFNR 06 004 00004", undefined, undefined, undefined],
  ["-2550", "2007-09-04", "D", "NTRF", "31408CF87AD5901E", undefined, undefined, undefined, undefined],
  ["-2550.12", "2007-09-04", "D", "NTRF", "4F112D73FF96F4FB", undefined, undefined, undefined, undefined],
  ["-2550.12", "2007-09-04", "D", "NTRF", "EC4BA14CEA34BFF3", undefined, undefined, undefined, undefined],
  ["-65500.15", "2007-09-04", "D", "NTRF", "92D891C454BC30B5", undefined, undefined, undefined, undefined],
  ["-402104", "2007-09-04", "D", "NTRF", "57B4197CC644DE8F", undefined, undefined, undefined, undefined],
  ["-476921.44", "2007-09-04", "D", "NTRF", "06F8672B28B7A92F", undefined, undefined, undefined, undefined],
  ["335.33", "2007-09-04", "C", "NTRF", "0724710351059240", "TFNR 44005 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["915311.55", "2007-09-04", "C", "NTRF", "R724710351059243", "TFNR 44005 00002MTLG:Konto gesperrt Rueckueberweisung aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["-157.34", "2007-09-04", "D", "NTRF", "0724710360914647", "TFNR 01041 00001", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 1 mit 70 Zeichen Empfaenger 1 mit 70 Zeiche"],
  ["-6002.17", "2007-09-04", "D", "NTRF", "0724710360912501", "TFNR 01041 00002", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 2 mit 70 Zeichen Empfaenger 2 mit 70 Zeiche"],
  ["-6002.17", "2007-09-04", "D", "NTRF", "0724710360923556", "TFNR 01041 00005", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 5 mit 70 Zeichen Empfaenger 5 mit 70 Zeiche"],
  ["-6002.17", "2007-09-04", "D", "NTRF", "0724710360910575", "TFNR 01041 00006", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 6 mit 70 Zeichen Empfaenger 6 mit 70 Zeiche"],
  ["-6002.17", "2007-09-04", "D", "NTRF", "0724710360918027", "TFNR 01041 00004", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 4 mit 70 Zeichen Empfaenger 4 mit 70 Zeiche"],
  ["-6002.17", "2007-09-04", "D", "NTRF", "0724710360916341", "TFNR 01041 00003", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 3 mit 70 Zeichen Empfaenger 3 mit 70 Zeiche"],
  ["-155344.11", "2007-09-04", "D", "NTRF", "0724710360908674", "TFNR 01041 00007", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 7 mit 70 Zeichen Empfaenger 7 mit 70 Zeiche"],
  ["-415603.93", "2007-09-04", "D", "NTRF", "649D24F7C6EDAC53", undefined, undefined, undefined, undefined],
  ["-589103.86", "2007-09-04", "D", "NTRF", "AC59892B266252EC", undefined, undefined, undefined, undefined],
  ["-915646.88", "2007-09-04", "D", "NTRF", "CDB988231C851A5B", undefined, undefined, undefined, undefined],
  ["16500.07", "2007-09-04", "C", "NTRF", "0724710324666001", "EndToEndId TFNR 05 006 00002MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["154551.93", "2007-09-04", "C", "NTRF", "0724710324666006", "EndToEndId TFNR 05 006 00004MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["-13990.05", "2007-09-04", "D", "NTRF", "0724710333354911", "EndToEndId TFNR 21 003 00001", "DE68508800500194784901", "DRESDEFF508", "Empfaenger Josef Jaeger UK01"],
  ["-19990.05", "2007-09-04", "D", "NTRF", "0724710333377198", "EndToEndId TFNR 22 001 00001", "DE04508800500194781300", "DRESDEFF508", "Empfaenger Gustav Gans"],
  ["-50990.05", "2007-09-04", "D", "NTRF", "0724710324651156", "TFNR 22003 EndToEndId 00001", "DE96508800500194774600", "DRESDEFF508", "Empfaenger Anton Ackermann"],
  ["-326609.66", "2007-09-04", "D", "NTRF", "9A4616CC6128D651", undefined, undefined, undefined, undefined],
  ["-342104", "2007-09-04", "D", "NTRF", "A26B6D6B5E821EA9", undefined, undefined, undefined, undefined],
  ["-962104", "2007-09-04", "D", "NTRF", "493189D221858097", undefined, undefined, undefined, undefined],
  ["-1522104", "2007-09-04", "D", "NTRF", "75C62EC25E19D187", undefined, undefined, undefined, undefined],
  ["13990.05", "2007-09-04", "C", "NTRF", "0724710333354911", "EndToEndId TFNR 21 003 00001", "DE95508800500194784900", "DRESDEFF508", "JOSEF        JAEGER"],
  ["-57.34", "2007-09-04", "D", "NTRF", "0724710352971787", "TFNR 01015 00001", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 1 mit 70 Zeichen Empfaenger 1 mit 70 Zeiche"],
  ["-5002.17", "2007-09-04", "D", "NTRF", "0724710352975390", "TFNR 01015 00003", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 3 mit 70 Zeichen Empfaenger 3 mit 70 Zeiche"],
  ["-5002.17", "2007-09-04", "D", "NTRF", "0724710352980804", "TFNR 01015 00006", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 6 mit 70 Zeichen Empfaenger 6 mit 70 Zeiche"],
  ["-5002.17", "2007-09-04", "D", "NTRF", "0724710352979070", "TFNR 01015 00005", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 5 mit 70 Zeichen Empfaenger 5 mit 70 Zeiche"],
  ["-5002.17", "2007-09-04", "D", "NTRF", "0724710352973502", "TFNR 01015 00002", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 2 mit 70 Zeichen Empfaenger 2 mit 70 Zeiche"],
  ["-5002.17", "2007-09-04", "D", "NTRF", "0724710352977271", "TFNR 01015 00004", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 4 mit 70 Zeichen Empfaenger 4 mit 70 Zeiche"],
  ["-19990.05", "2007-09-04", "D", "NTRF", "0724710333360224", "EndToEndId TFNR 22 002 00001", "DE12508800500194786200", "DRESDEFF508", "Empfaenger Ludwig Loewe"],
  ["-50990.05", "2007-09-04", "D", "NTRF", "0724710352952868", "TFNR 21007 EndToEndId 00001", "DE84508800500194785001", "DRESDEFF508", "Empfanger Karl Kaufmann UK01"],
  ["-50990.05", "2007-09-04", "D", "NTRF", "0724710333343453", "EndToEndId TFNR 22 004 00001", "DE10508800500194787400", "DRESDEFF508", "Empfaenger Marta Metzger"],
  ["-55344.11", "2007-09-04", "D", "NTRF", "0724710352982472", "TFNR 01015 00007", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 7 mit 70 Zeichen Empfaenger 7 mit 70 Zeiche"],
  ["-342104", "2007-09-04", "D", "NTRF", "D4AF9E363A92E76F", undefined, undefined, undefined, undefined],
  ["-956588.05", "2007-09-04", "D", "NTRF", "0724710333366624", "EndToEndId TFNR 06 003 00001", "FR1420041010050500013M02606", "SOGEFRPPXXX", "Empfaenger 1"],
  ["50990.05", "2007-09-04", "C", "NTRF", "0724710352952868", "TFNR 21007 EndToEndId 00001", "DE14508800500194785000", "DRESDEFF508", "Karl Kaufmann"],
  ["16500.07", "2007-09-04", "C", "NTRF", "0724710324661086", "TFNR 0500500002", "DE14508800500194785000", "DRESDEFF508", "Karl Kaufmann"],
  ["19990.05", "2007-09-04", "C", "NTRF", "0724710333360224", "EndToEndId TFNR 22 002 00001", "DE14508800500194785000", "DRESDEFF508", "KARL        KAUFMANN"],
  ["56500.07", "2007-09-04", "C", "NTRF", "0724710324647446", "TFNR 0300300002", "DE03508800500194791600", "DRESDEFF508", "Quentin Quast"],
  ["50990.05", "2007-09-07", "C", "NTRF", "0724710333343453", "EndToEndId TFNR 22 004 00001", "DE14508800500194785000", "DRESDEFF508", "KARL        KAUFMANN"],
  ["154551.93", "2007-09-07", "C", "NTRF", "0724710324647450", "TFNR 0300300004", "DE03508800500194791600", "DRESDEFF508", "Quentin Quast"],
  ["154551.93", "2007-09-07", "C", "NTRF", "0724710324661090", "TFNR 0500500004", "DE14508800500194785000", "DRESDEFF508", "Karl Kaufmann"],
  ["-1500", "2007-09-04", "D", "NTRF", "536D80EFEC56ACF8", undefined, undefined, undefined, undefined],
  ["300", "2007-09-04", "C", "NTRF", "0724710345316116", "TFNR 40001 00005MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["335.33", "2007-09-04", "C", "NTRF", "0724710351063401", "TFNR 44001 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["15000", "2007-09-04", "C", "NTRF", "0724710345316110", "TFNR 40001 00002MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["15000.05", "2007-09-04", "C", "NTRF", "0724710290659857", "EndToEndIdTFNR2000100001", "DE42100100100043921105", "PBNKDEFF100", "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx"],
  ["125004.88", "2007-09-04", "C", "NTRF", "0724710290624796", undefined, "DE42100100100043921105", "PBNKDEFF100", "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx"],
  ["915311.55", "2007-09-04", "C", "NTRF", "R724710351063405", "TFNR 44001 00002MTLG:IBAN ungueltig Rueckueberweisung aus SEPA-Ueberweisungsauftrag", undefined, undefined, undefined],
  ["-3572569.03", "2007-09-04", "D", "NMSC", undefined, undefined, undefined, undefined, undefined],
  ["1910.05", "2007-09-04", "C", "NTRF", "0724710333345079", "TFNR 21001 EndToEndId 00001", "DE03508800500194791600", "DRESDEFF508", "QUENTIN        QUAST"],
  ["50990.05", "2007-09-04", "C", "NTRF", "0724710352956584", "TFNR 21004 EndToEndId 00001", "DE03508800500194791600", "DRESDEFF508", "Quentin Quast"],
  ["-125300.1", "2007-09-04", "D", "NTRF", "F2CA963F5C750549", undefined, undefined, undefined, undefined],
  ["-150", "2007-09-04", "D", "NTRF", "FFCD94B7601B6E06", undefined, undefined, undefined, undefined],
  ["-150", "2007-09-04", "D", "NTRF", "DED4A9D0CA11033B", undefined, undefined, undefined, undefined],
  ["50.05", "2007-09-04", "C", "NTRF", "0724710290648274", "EndToEndIdTFNR5000500001", "DE51508800500190038900", "DRESDEFF508", "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx"],
];

// From cmxl-mt940.expected.yml.
const CMXL: WolphLine[] = [
  ["-6800", "2013-10-17", "D", "NCHK", undefined, undefined, undefined, undefined, undefined],
  ["-620.3", "2013-10-17", "D", "NSTO", undefined, undefined, undefined, undefined, undefined],
  ["18500", "2013-10-17", "C", "NCLR", undefined, undefined, undefined, undefined, undefined],
  ["-14220", "2013-10-15", "D", "NBOE", undefined, undefined, undefined, undefined, undefined],
  ["-1507", "2013-10-17", "D", "NTRF", undefined, undefined, undefined, undefined, undefined],
  ["4200", "2013-10-24", "C", "NMSC", undefined, undefined, undefined, undefined, undefined],
  ["-19900", "2013-10-17", "D", "NTRF", undefined, undefined, undefined, undefined, undefined],
  ["-400", "2013-10-17", "D", "NTRF", undefined, undefined, undefined, undefined, undefined],
  ["3656.74", "2013-10-18", "C", "NMSC", undefined, undefined, undefined, undefined, undefined],
  ["23040", "2013-10-19", "C", "NMSC", undefined, undefined, undefined, undefined, undefined],
  ["-5862.14", "2013-10-27", "D", "NCHK", undefined, undefined, undefined, undefined, undefined],
  ["-800", "2002-11-01", "D", "NSTO", "55555", undefined, "234567", "10020030", "MUELLER"],
  ["3000", "2002-11-02", "C", "NTRF", "55555", undefined, "0847564700", "50060400", "MUELLER"],
  ["20000.00", "2003-10-20", "C", "FMSC", "8327000090031789", undefined, "0000777777777777", "10600076", "HUTA SZKLA TOPIC ULPRZEMYSLOWA 67 32-669 WROCLAW"],
  ["-10000.00", "2003-10-20", "D", "FTRF", "8327000090031790", undefined, "0000777777777777", "10600076", undefined],
  ["40.00", "2003-10-20", "C", "FTRF", "8327000090031791", undefined, undefined, undefined, undefined],
];

/** Builds a file from field lines (LF unless told), so each case shows the fields it is about. */
const file = (lines: string[], eol = '\n') => lines.join(eol) + eol;

function refusal(text: string): StatementParseError {
  try {
    parseMt940(text);
  } catch (error) {
    expect(error).toBeInstanceOf(StatementParseError);
    return error as StatementParseError;
  }
  throw new Error('expected a StatementParseError');
}

const statement = (ref: string, lines: string[], opening = 'C261130EUR100,00', closing = 'C261130EUR100,00') => [
  `:20:${ref}`,
  ':25:DE89370400440532013000',
  ':28C:1/1',
  `:60F:${opening}`,
  ...lines,
  `:62F:${closing}`,
  '-',
];

describe('parseMt940 on our own cases', () => {
  it('books RC (reversal of a credit) as a DEBIT and RD as a CREDIT, both reversal: true', () => {
    // 100 - RC 10 + RD 5 = 95: the money a reversed credit brought in leaves the account again.
    const [s] = parseMt940(file(statement('REV', [':61:261130RC10,00NRTINONREF', ':61:261130RD5,00NRTINONREF'], 'C261130EUR100,00', 'C261130EUR95,00')));
    expect(s!.lines.map((l) => [l.mt940.mark, l.direction, l.reversal, l.amount])).toEqual([
      ['RC', 'DEBIT', true, '10.00'],
      ['RD', 'CREDIT', true, '5.00'],
    ]);
    expect(s!.account).toEqual({ iban: 'DE89370400440532013000', currency: 'EUR' });
    // Read the other way (RC as money in), the same lines would need a closing of 105: refused.
    const e = refusal(file(statement('REV', [':61:261130RC10,00NRTINONREF', ':61:261130RD5,00NRTINONREF'], 'C261130EUR100,00', 'C261130EUR105,00')));
    expect(e.message).toContain('REV');
  });

  it('takes the entry date’s year from the value date, across a New Year either way', () => {
    const [s] = parseMt940(
      file(statement('NEWYEAR', [':61:2612310102C1,00NTRFNONREF', ':61:2701011231D1,00NTRFNONREF'], 'C261231EUR0,00', 'C270101EUR0,00')),
    );
    expect(s!.lines.map((l) => [l.valueDate, l.bookingDate])).toEqual([
      ['2026-12-31', '2027-01-02'],
      ['2027-01-01', '2026-12-31'],
    ]);
  });

  it('reads the :61: parts: funds code, type, owner and bank references, supplementary details', () => {
    const [s] = parseMt940(file(statement('PARTS', [':61:2611301130DR12,5NTRFINV-4711//BANKREF99', 'PAYROLL NOV', ':86:Salary'], 'C261130EUR100,00', 'C261130EUR87,50')));
    expect(s!.lines[0]).toMatchObject({
      direction: 'DEBIT',
      reversal: false,
      amount: '12.50',
      transactionCode: 'NTRF',
      references: { ownerReference: 'INV-4711', accountServicerReference: 'BANKREF99' },
      remittanceInformation: 'Salary',
      mt940: { fundsCode: 'R', supplementaryDetails: 'PAYROLL NOV' },
    });
  });

  it('refuses an amount with more decimals than the currency has, naming the line and field', () => {
    const e = refusal(file(statement('DEC', [':61:261130C10,001NTRFNONREF'], 'C261130EUR100,00', 'C261130EUR110,00')));
    expect(e.location).toEqual({ line: 5, element: ':61:' });
    expect(e.message).toMatch(/^MT940 line 5 \(:61:\): .*more decimals than EUR allows \(2\)/);
    // Zeros beyond the minor units lose nothing and are read; a '.' decimal mark is not SWIFT.
    expect(parseMt940(file(statement('DEC', [':61:261130C10,000NTRFNONREF'], 'C261130EUR100,00', 'C261130EUR110,00')))[0]!.lines[0]!.amount).toBe('10.00');
    expect(refusal(file(statement('DEC', [], 'C261130EUR100.00'))).location).toEqual({ line: 4, element: ':60F:' });
    // JPY has no minor unit.
    expect(refusal(file(statement('JPY', [], 'C261130JPY100,5', 'C261130JPY100,5'))).message).toContain('JPY allows (0)');
  });

  it('refuses a statement without :62F:, and a file whose {4: block is not closed', () => {
    const e = refusal(file([':20:NOCLOSE', ':25:12345678', ':28C:1', ':60F:C261130EUR1,00', ':61:261130C1,00NTRFNONREF', '-']));
    expect(e.location.element).toBe(':62F:');
    expect(e.message).toContain('NOCLOSE');
    const t = refusal(file(['{1:F01BANKDEFFAXXX0000000000}{2:O9401200261130BANKDEFFAXXX00000000002611301200N}{4:', ':20:CUT', ':25:12345678', ':28C:1', ':60F:C261130EUR1,00']));
    expect(t.message).toMatch(/truncated/);
  });

  it('refuses an unbalanced statement, naming its :20: reference', () => {
    const e = refusal(file(statement('UNBAL-1', [':61:261130C10,00NTRFNONREF'], 'C261130EUR100,00', 'C261130EUR100,00')));
    expect(e.message).toMatch(/statement UNBAL-1 .*does not balance.*opening 100\.00 \+ credits 10 - debits 0 = 110/);
    expect(e.location).toEqual({ line: 6, element: ':62F:' });
  });

  it('reads two statements in one file, with the envelope or separated by "-", and refuses the whole file for one bad :61:', () => {
    const a = statement('FIRST', [':61:261130C5,00NTRFNONREF'], 'C261130EUR100,00', 'C261130EUR105,00');
    const b = statement(
      'SECOND',
      [':61:261201D5,00NTRFNONREF', ':86:166?00GUTSCHRIFT?20EREF+E2E-1?21SVWZ+Invoice 12?32ACME?31DE89370400440532013000'],
      'C261201EUR105,00',
      'C261201EUR100,00',
    );
    const plain = parseMt940(file([...a, ...b]));
    expect(plain.map((s) => [s.statementId, s.balances[1]!.amount, s.lines.length])).toEqual([
      ['FIRST/1/1', '105.00', 1],
      ['SECOND/1/1', '100.00', 1],
    ]);
    expect(plain[1]!.lines[0]).toMatchObject({
      references: { endToEndId: 'E2E-1' },
      remittanceInformation: 'Invoice 12',
      counterparty: { name: 'ACME', iban: 'DE89370400440532013000' },
    });
    const header = '{1:F01BANKDEFFAXXX0000000000}{2:O9401200261130BANKDEFFAXXX00000000002611301200N}{4:';
    const enveloped = file([header, ...a.slice(0, -1), '-}{5:{CHK:ABCDEF}}', header, ...b.slice(0, -1), '-}']);
    // The same statements, only their file lines moved by the envelope's lines.
    const withoutFileLines = (s: unknown) => JSON.parse(JSON.stringify(s, (k, v) => (k === 'fileLine' ? undefined : v)));
    expect(withoutFileLines(parseMt940(enveloped))).toEqual(withoutFileLines(plain));
    expect(parseMt940(enveloped)[1]!.mt940.fileLine).toBe(10);
    // A new :20: without a '-' starts the next statement too.
    expect(withoutFileLines(parseMt940(file([...a.slice(0, -1), ...b])))).toEqual(withoutFileLines(plain));
    const bad = refusal(file([...a, ...statement('SECOND', [':61:261201X5,00NTRFNONREF'])]));
    expect(bad.location).toEqual({ line: 12, element: ':61:' });
  });

  it('reads an MT942 with :90D:/:90C: totals and refuses totals the lines do not make', () => {
    const report = (c90: string) => [
      '{1:F01BANKDEFFAXXX0000000000}{2:O9421200261130BANKDEFFAXXX00000000002611301200N}{4:',
      ':20:INTRADAY',
      ':25:12345678/999',
      ':28C:7/2',
      ':34F:EURD5,00',
      ':34F:EURC10,00',
      ':13D:2611301405+0530',
      ':61:2611301130C20,00NTRFNONREF//R1',
      ':61:2611301130D7,50NCHKNONREF//R2',
      ':61:2611301130RC1,00NRTINONREF//R3',
      ':90D:2EUR8,50',
      `:90C:${c90}`,
      ':86:end of report',
      '-}',
    ];
    const [r] = parseMt940(file(report('1EUR20,00'), '\r\n'));
    expect(r).toMatchObject({
      format: 'MT942',
      statementId: 'INTRADAY/7/2',
      createdAt: '2026-11-30T14:05:00+05:30',
      account: { servicerBic: '12345678', other: '999' },
      balances: [],
      mt940: {
        debitFloorLimit: '5.00',
        creditFloorLimit: '10.00',
        debitEntries: { count: 2, amount: '8.50' },
        creditEntries: { count: 1, amount: '20.00' },
        information: 'end of report',
      },
    });
    const e = refusal(file(report('1EUR21,00')));
    expect(e.location).toEqual({ line: 12, element: ':90C:' });
  });

  it('gives the same statements for CRLF and LF files, and line numbers for both', () => {
    const lines = statement('EOL', [':61:261130C1,00NTRFNONREF', ':86:first line', 'second line'], 'C261130EUR1,00', 'C261130EUR2,00');
    const lf = parseMt940(file(lines));
    expect(parseMt940(file(lines, '\r\n'))).toEqual(lf);
    expect(lf[0]!.lines[0]!.remittanceInformation).toBe('first line\nsecond line');
    const broken = statement('EOL', [':61:261130C1,00NTRFNONREF'], 'C261130EUR1,00', 'C261130EUR2,5X');
    expect(refusal(file(broken, '\r\n')).location).toEqual({ line: 6, element: ':62F:' });
  });

  it('gives an :86: after the closing balance to the statement, and refuses a :61: after the closing balance', () => {
    const lines = [':20:INFO', ':25:12345678', ':28C:1', ':60F:C261130EUR1,00', ':61:261130C1,00NTRFNONREF', ':86:line info', ':62F:C261130EUR2,00', ':64:C261130EUR2,00', ':86:statement info', '-'];
    const [s] = parseMt940(file(lines));
    expect(s!.lines[0]!.remittanceInformation).toBe('line info');
    expect(s!.mt940.information).toBe('statement info');
    expect(s!.balances.map((b) => b.type)).toEqual(['OPBD', 'CLBD', 'CLAV']);
    expect(refusal(file([...lines.slice(0, 4), ':60M:C261130EUR1,00', ...lines.slice(4)])).location).toEqual({ line: 5, element: ':60M:' });
    const late = [...lines.slice(0, 7), ':61:261130C1,00NTRFNONREF', '-'];
    expect(refusal(file(late)).location).toEqual({ line: 8, element: ':61:' });
    // Expected entries (EC/ED, MT942 forecasts) are pending and not in the booked balance.
    const [e] = parseMt940(file([...lines.slice(0, 6), ':61:261130EC9,00NTRFNONREF', ...lines.slice(6)]));
    expect(e!.lines[1]).toMatchObject({ direction: 'CREDIT', reversal: false, status: 'PDNG', amount: '9.00' });
  });

  it('refuses dates that do not exist, a closing balance in another currency and a funds code of another currency', () => {
    expect(refusal(file(statement('DATE', [':61:260231C0,00NTRFNONREF']))).message).toContain('date 260231 does not exist');
    expect(refusal(file(statement('CCY', [], 'C261130EUR1,00', 'C261130USD1,00'))).message).toContain("USD is not the opening balance's EUR");
    expect(refusal(file(statement('FUNDS', [':61:261130CD0,00NTRFNONREF']))).message).toContain('funds code D');
    expect(refusal('<?xml version="1.0"?><Document/>').location.line).toBe(1);
  });
});
