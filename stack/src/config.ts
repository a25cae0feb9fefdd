import { assertProductionServers, loadConfig, notifierSettings, resolveSecrets, stackEnv, type EnvSource, type NotifierSettings, type StackConfig } from '@postal/config';

/**
 * `npm start`'s configuration, read and checked once before anything starts. The stack is the one process holding
 * both JWT keys, so resolveSecrets also checks that they are a pair. Every problem is a ConfigError naming the variable.
 */
export function readStackConfig(env: EnvSource = process.env): {
  config: StackConfig;
  secrets: { identitySecret: string; jwtPrivateKey: string; jwtPublicKey: string };
  notifier: NotifierSettings;
} {
  const config = loadConfig(stackEnv, env);
  const secrets = resolveSecrets({
    nodeEnv: config.NODE_ENV,
    dataDir: config.DATA_DIR,
    identitySecret: config.IDENTITY_SECRET,
    jwtPrivateKey: config.JWT_PRIVATE_KEY,
    jwtPublicKey: config.JWT_PUBLIC_KEY,
    need: ['identitySecret', 'jwtPrivateKey', 'jwtPublicKey'],
  });
  assertProductionServers(config);
  return { config, secrets: secrets as Required<typeof secrets>, notifier: notifierSettings(config) };
}
