import type { KeysetList } from '../../lists/useKeysetList';
import { Button } from '../../ui/Button';

/** The next keyset page of a plain table's list, on request ("Load more …"), while the API says there is one. */
export function LoadMore({ list, what }: { list: Pick<KeysetList<unknown>, 'hasMore' | 'loadingMore' | 'loadMore'>; what: string }) {
  if (!list.hasMore) return null;
  return (
    <div className="actions">
      <Button onPress={list.loadMore} isDisabled={list.loadingMore}>
        {list.loadingMore ? 'Loading…' : `Load more ${what}`}
      </Button>
    </div>
  );
}
