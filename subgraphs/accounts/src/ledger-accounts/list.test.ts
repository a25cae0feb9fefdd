import type { Identity } from '@postal/auth';
import type { TestDatabase } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerDatabase } from '../journal/test-support/ledger.js';
import { createAccountService } from './service.js';

/*
 * Listing the chart by branch: the console opens one header at a time for an office's subtree (parentCode with
 * underOfficeCode or officeCode), and what it gets is the header's direct accounts in that subtree and in the reader's
 * scope, nothing else.
 */
let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
}, 60_000);
afterAll(async () => {
  await testDatabase?.drop();
});

const staff = (officeCode: string, officePath: string): Identity => ({
  kind: 'staff',
  staffId: '00000000-0000-4000-8000-000000000009',
  username: 'reader',
  roles: ['FINANCE_OFFICER'],
  officeCode,
  officePath,
  grants: [{ permission: 'ledger.read', scope: 'SUBTREE' }],
});

async function codes(identity: Identity, filter: Parameters<ReturnType<typeof createAccountService>['listAccounts']>[1]): Promise<string[]> {
  const page = await createAccountService(testDatabase.database).listAccounts(identity, filter, 100, null);
  return page.edges.map((edge) => edge.node.code);
}

describe('accounts filtered by parent header', () => {
  it('answers the header\'s direct accounts in the office subtree', async () => {
    const division = staff('D', 'C/D');
    expect(await codes(division, { parentCode: '1100', underOfficeCode: 'HO1' })).toEqual(['HO1:1100', 'SO1:1100']);
    expect(await codes(division, { parentCode: '1100', officeCode: 'HO1' })).toEqual(['HO1:1100']);
    // Under the division: both head offices' and the sub office's cash, and nothing of another head.
    expect(await codes(division, { parentCode: '1100', underOfficeCode: 'D' })).toEqual(['HO1:1100', 'HO2:1100', 'SO1:1100']);
  });

  it('answers headers under a header (the chart\'s structure) and no detail account of another branch', async () => {
    const division = staff('D', 'C/D');
    const underAssets = await codes(division, { parentCode: '1000' });
    expect(underAssets).toContain('1100');
    expect(underAssets.every((code) => !code.includes(':'))).toBe(true);
    expect(await codes(division, { parentCode: '2100', underOfficeCode: 'HO1' })).toEqual(['HO1:2100', 'SO1:2100']);
  });

  it('stays within the reader\'s scope: a head office\'s officer sees none of the other head office\'s accounts', async () => {
    const headOffice = staff('HO2', 'C/D/HO2');
    expect(await codes(headOffice, { parentCode: '1100', underOfficeCode: 'D' })).toEqual(['HO2:1100']);
  });
});
