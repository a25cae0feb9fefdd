import type { NotificationChannel } from '../../gql/graphql';

/**
 * What the create screen hands the detail screen it opens (router location state): who was created and where their
 * temporary password went. Never the password, which the API does not answer.
 */
export interface CreatedNotice {
  kind: 'created';
  name: string;
  delivery: { channel: NotificationChannel; address: string };
}

export function isCreatedNotice(state: unknown): state is CreatedNotice {
  return typeof state === 'object' && state !== null && (state as { kind?: unknown }).kind === 'created';
}
