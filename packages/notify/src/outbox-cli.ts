import { commonEnv, ConfigError, loadConfig } from '@postal/config';
import { outboxPath, readLocalOutbox } from './local-outbox.js';

/**
 * `npm run notifications -- [username]`: what the embedded default's local outbox holds (temporary passwords and
 * other notices), newest first, for one person or everyone. It reads <DATA_DIR>/notifications/outbox.jsonl.
 */
const LIMIT = 20;

let dataDir: string;
try {
  dataDir = loadConfig(commonEnv).DATA_DIR;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const username = process.argv[2];
const lines = await readLocalOutbox(dataDir, username);
if (lines.length === 0) {
  console.log(`No notifications${username ? ` for ${username}` : ''} in ${outboxPath(dataDir)}.`);
} else {
  for (const line of lines.slice(0, LIMIT)) {
    console.log(`${line.sentAt}  to ${line.to}  [${line.kind}]  ${line.subject}\n  ${line.body.replace(/\n/g, '\n  ')}\n`);
  }
  if (lines.length > LIMIT) console.log(`(${lines.length - LIMIT} older not shown)`);
}
