// Polling that pauses while the browser tab is hidden: Apollo's pollInterval keeps its timer,
// and skipPollAttempt skips each tick the person cannot see, so a forgotten background tab
// does not keep asking the API. When the tab shows again the next tick fetches at once.
/** Options for useQuery: poll every `ms` while the tab is visible. */
export function visiblePolling(ms: number) {
  return { pollInterval: ms, skipPollAttempt: () => document.visibilityState === 'hidden' };
}
