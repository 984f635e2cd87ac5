// Polling that pauses while the browser tab is hidden: Apollo's pollInterval keeps its timer,
// and skipPollAttempt skips each tick the person cannot see, so a forgotten background tab
// does not keep asking the API. When the tab shows again the next tick fetches at once.
import { useEffect, useState } from 'react';

export function useTabVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/** Options for useQuery: poll every `ms` while the tab is visible. */
export function visiblePolling(ms: number) {
  return { pollInterval: ms, skipPollAttempt: () => document.visibilityState === 'hidden' };
}
