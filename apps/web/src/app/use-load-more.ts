// "Load more" for a cursor-paginated list: fetches the page after the list's end cursor into
// the same query (the cache's field policies append it) and tells whether that is under way,
// for the button's spinner. Does nothing when there is no cursor (no further page).
import { useState } from 'react';

/** The part of Apollo's `fetchMore` used here: the next page is the same query `after` a cursor. */
type FetchPageAfter = (options: { variables: { after: string } }) => Promise<unknown>;

export function useLoadMore(fetchMore: FetchPageAfter, endCursor: string | null | undefined) {
  const [loadingMore, setLoadingMore] = useState(false);
  const loadMore = async () => {
    if (!endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: endCursor } });
    } finally {
      setLoadingMore(false);
    }
  };
  return { loadingMore, loadMore };
}
