// "Load more" for the people lists: runs the caller's fetch of the page after the end cursor
// (which appends through fetchMore's updateQuery, so no cache field policy is needed) and
// tells whether it is under way, for the button's spinner.
import { useState } from 'react';

export function usePageAfter(fetchPage: (after: string) => Promise<unknown>, endCursor: string | null | undefined) {
  const [loadingMore, setLoadingMore] = useState(false);
  const loadMore = async () => {
    if (!endCursor) return;
    setLoadingMore(true);
    try {
      await fetchPage(endCursor);
    } finally {
      setLoadingMore(false);
    }
  };
  return { loadingMore, loadMore };
}
