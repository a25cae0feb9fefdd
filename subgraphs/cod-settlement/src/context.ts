import type { RequestContext } from '@postal/server';
import type { FeeService } from './fees/service.js';
import type { BillerService } from './billers/service.js';
import type { ContractService } from './contracts/service.js';
import type { BillerLoaders } from './billers/loaders.js';
import type { ArticleService } from './articles/service.js';
import type { DepositService } from './deposits/index.js';
import type { ManifestService } from './manifests/service.js';
import type { SettlementDeps } from './settlement/deps.js';
import type { CodLedgerClient } from './summaries/ledger-client.js';
import type { BankAccountService } from './recon/bank-accounts/service.js';
import type { StatementImportService } from './recon/imports/service.js';
import type { ReconDeps } from './recon/deps.js';
import type { MatchingService } from './recon/matching/service.js';

export interface Context extends RequestContext {
  services: {
    fees: FeeService;
    billers: BillerService;
    contracts: ContractService;
    articles: ArticleService;
    deposits: DepositService;
    manifests: ManifestService;
    settlement: SettlementDeps & { ledger?: CodLedgerClient };
    /** Reconciliation (issue 13): the operator's bank accounts and their statements. */
    bankAccounts: BankAccountService;
    statementImports: StatementImportService;
    recon: ReconDeps;
    matching: MatchingService;
  };
  billerLoaders: BillerLoaders;
}
