import { createEmailNotifier, createSmsNotifier } from './http.js';
import { createLocalOutboxNotifier } from './local-outbox.js';
import { createMemoryNotifier } from './memory.js';
import type { Notifier } from './notifier.js';

import type { NotifierSettings } from '@postal/config';

export type { NotifierSettings };

/** The notifier @postal/config's notifierSettings names (read from NOTIFIER and its variables). */
export function createNotifier(settings: NotifierSettings): Notifier {
  switch (settings.kind) {
    case 'local':
      return createLocalOutboxNotifier({ dataDir: settings.dataDir });
    case 'sms':
      return createSmsNotifier({ url: settings.url, token: settings.token });
    case 'email':
      return createEmailNotifier({ url: settings.url, token: settings.token });
    case 'memory':
      return createMemoryNotifier();
  }
}
