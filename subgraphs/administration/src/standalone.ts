import { administrationEnv, type Secrets } from '@postal/config';

/**
 * How `node dist/main.js` reads its configuration (runStandaloneSubgraph), here so a test reads it the same way: the
 * administration signs access tokens, so it needs JWT_PRIVATE_KEY and never the public key.
 */
export const administrationStandalone = {
  name: 'administration' as const,
  envSchema: administrationEnv,
  needSecrets: ['identitySecret', 'jwtPrivateKey'] satisfies Array<keyof Secrets> as Array<keyof Secrets>,
};
