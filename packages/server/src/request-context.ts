import type { Identity } from '@postal/auth';
import type { Logger } from 'pino';

/** What every subgraph knows about a request before its own context is built: all of it came signed. */
export interface RequestContext {
  identity: Identity;
  requestId: string;
  clientAddress: string | undefined;
  logger: Logger;
}
