export { loadConfig, ConfigError, type EnvSource } from './load.js';
export { resolveSecrets, type Secrets } from './secrets.js';
export {
  commonEnv,
  subgraphEnv,
  administrationEnv,
  accountsEnv,
  gatewayEnv,
  stackEnv,
  type StackConfig,
  SUBGRAPH_PORTS,
  databaseUrlFor,
  assertProductionServers,
  gatewayLimits,
  notifierEnv,
  notifierSettings,
  type NotifierConfig,
  type NotifierSettings,
  type CommonConfig,
  type SubgraphConfig,
  type AdministrationConfig,
  type AccountsConfig,
  type GatewayConfig,
} from './schemas.js';
