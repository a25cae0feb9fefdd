import { useMemo } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createPublicClient } from '../api/client';
import TrackMoneyOrder from '../screens/track/TrackMoneyOrder';

/** The public pages' own client (no session, no cookie) and, for now, their one page: /track. */
export default function PublicPages() {
  const client = useMemo(() => createPublicClient(), []);
  return (
    <UrqlProvider value={client}>
      <TrackMoneyOrder />
    </UrqlProvider>
  );
}
