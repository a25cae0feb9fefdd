import type { Identity } from '@postal/auth';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerDatabase } from '../journal/test-support/ledger.js';
import { createReportService, mayReadWholeLedger } from './service.js';
import { play } from './test-support/scenario.js';

let testDatabase: TestDatabase;
const GLOBAL = '3100';

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  await testDatabase.database.db.execute(sql`
    insert into accounts.accounts (code, name, type, kind, parent_code, head_code, currency, office_code)
    values (${GLOBAL}, 'Capital', 'EQUITY', 'DETAIL', '3000', '3000', 'INR', null)`);
  await play(testDatabase, [
    { date: '2026-11-01', debit: 'HO1:1100', credit: 'HO1:4100', amount: '10.00' },
    { date: '2026-11-01', debit: 'SO1:1100', credit: 'SO1:4100', amount: '20.00' },
    { date: '2026-11-02', debit: 'HO2:1500', credit: GLOBAL, amount: '30.00' },
  ]);
}, 60_000);
afterAll(() => testDatabase?.drop());

type Staff = Extract<Identity, { kind: 'staff' }>;
function staff(username: string, officeCode: string, officePath: string, scope: 'SUBTREE' | 'OWN_OFFICE'): Staff {
  return { kind: 'staff', staffId: `id-${username}`, username, roles: [], officeCode, officePath, grants: [{ permission: 'ledger.read', scope }] };
}
const clerk = staff('clerk', 'HO1', 'C/D/HO1', 'OWN_OFFICE');
const divisionOfficer = staff('division', 'D', 'C/D', 'SUBTREE');
const circleAuditor = staff('auditor', 'C', 'C', 'SUBTREE');
const circleClerk = staff('circle-clerk', 'C', 'C', 'OWN_OFFICE');
const noGrants: Staff = { ...clerk, username: 'nobody', grants: [] };
const service: Identity = { kind: 'service', service: 'reports' };
const anonymous: Identity = { kind: 'anonymous' };

const AS_OF = '2026-11-30';
const reports = () => createReportService(testDatabase.database);
const trialBalance = (identity: Identity, officeCode: string | null) => reports().trialBalance(identity, { asOf: AS_OF, officeCode, currency: 'INR' });
const statement = (identity: Identity, accountCode: string) => reports().accountStatement(identity, { accountCode, from: '2026-11-01', to: AS_OF });

describe('who may read the reports', () => {
  it('reads the whole ledger only as a service: staff scopes stop at a circle', () => {
    expect([service, circleAuditor, divisionOfficer, clerk, circleClerk, noGrants, anonymous].map(mayReadWholeLedger)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it.each([
    { who: 'a clerk, their own office', identity: clerk, office: 'HO1', lines: ['HO1:1100', 'HO1:4100'] },
    { who: 'a division officer, an office under them', identity: divisionOfficer, office: 'HO1', lines: ['HO1:1100', 'HO1:4100', 'SO1:1100', 'SO1:4100'] },
    { who: 'a service, any office', identity: service, office: 'SO1', lines: ['SO1:1100', 'SO1:4100'] },
    // Staff asking for the whole ledger get their own office's subtree (the system's office-less accounts left out).
    { who: 'a circle auditor, the whole ledger', identity: circleAuditor, office: null, answeredFor: 'C', lines: ['HO1:1100', 'HO1:4100', 'HO2:1500', 'SO1:1100', 'SO1:4100'] },
    { who: 'a division officer, the whole ledger', identity: divisionOfficer, office: null, answeredFor: 'D', lines: ['HO1:1100', 'HO1:4100', 'HO2:1500', 'SO1:1100', 'SO1:4100'] },
    { who: 'a clerk, the whole ledger', identity: clerk, office: null, answeredFor: 'HO1', lines: ['HO1:1100', 'HO1:4100'] },
    { who: 'a service, the whole ledger', identity: service, office: null, lines: [GLOBAL, 'HO1:1100', 'HO1:4100', 'HO2:1500', 'SO1:1100', 'SO1:4100'] },
  ])('trial balance: $who', async ({ identity, office, lines, ...rest }) => {
    const report = await trialBalance(identity, office);
    const answeredFor = 'answeredFor' in rest ? rest.answeredFor : office;
    expect(report).toMatchObject({ officeCode: answeredFor, asOf: AS_OF, currency: 'INR' });
    expect(report.lines.map((line) => line.accountCode)).toEqual(lines);
  });

  it.each([
    { who: 'a clerk, their sub office', identity: clerk, office: 'SO1', code: 'FORBIDDEN' },
    { who: 'a clerk, their division', identity: clerk, office: 'D', code: 'FORBIDDEN' },
    { who: 'staff without ledger.read, the whole ledger', identity: noGrants, office: null, code: 'FORBIDDEN' },
    { who: 'a division officer, another division\'s office', identity: divisionOfficer, office: 'C', code: 'FORBIDDEN' },
    { who: 'staff without ledger.read', identity: noGrants, office: 'HO1', code: 'FORBIDDEN' },
    { who: 'anyone, an office the ledger does not know', identity: circleAuditor, office: 'NOWHERE', code: 'OFFICE_NOT_FOUND' },
    { who: 'the anonymous', identity: anonymous, office: 'HO1', code: 'UNAUTHENTICATED' },
  ])('trial balance refused: $who', async ({ identity, office, code }) => {
    await expect(trialBalance(identity, office)).rejects.toMatchObject({ code });
  });

  it.each([
    { who: 'a clerk, an account of their office', identity: clerk, account: 'HO1:1100', readable: true },
    { who: 'a clerk, an account of their sub office', identity: clerk, account: 'SO1:1100', readable: false },
    { who: 'a division officer, an account under them', identity: divisionOfficer, account: 'SO1:1100', readable: true },
    { who: 'a division officer, an account without office', identity: divisionOfficer, account: GLOBAL, readable: false },
    { who: 'a circle auditor, an account without office', identity: circleAuditor, account: GLOBAL, readable: false },
    { who: 'a service, any account', identity: service, account: 'HO2:1500', readable: true },
    { who: 'staff without ledger.read', identity: noGrants, account: 'HO1:1100', readable: false },
    { who: 'anyone, an account that does not exist', identity: service, account: 'NOPE:1100', readable: false },
  ])('statement: $who', async ({ identity, account, readable }) => {
    const report = await statement(identity, account);
    if (readable) expect(report).toMatchObject({ account: { code: account } });
    else expect(report).toBeNull();
  });

  it('asks the anonymous to sign in for a statement', async () => {
    await expect(statement(anonymous, 'HO1:1100')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
