// The session of this browser tab: the access token (kept in memory only, never in storage),
// the signed-in user, and whether a session is being restored. React reads it through
// useSyncExternalStore (see use-session.ts); the Apollo links read the token directly.
// The refresh token is an httpOnly cookie the page cannot see: restoring a session after a
// reload and renewing an expired access token both go through refreshSession.
import type { AuthPayloadFieldsFragment, MeFieldsFragment } from '@tsunagu/graphql-client';
import { RefreshSessionDocument } from '@tsunagu/graphql-client';
import { print } from 'graphql';
import { applyProfileLanguage, i18n } from '../i18n/i18n';

export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

export interface SessionState {
  readonly status: SessionStatus;
  readonly me: MeFieldsFragment | null;
  /** True when the session ended on its own (expired or revoked), not by signing out. */
  readonly expired: boolean;
}

let state: SessionState = { status: 'restoring', me: null, expired: false };
let accessToken: string | null = null;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export const authStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot(): SessionState {
    return state;
  },
  getAccessToken(): string | null {
    return accessToken;
  },
  /** After login, refresh, switch or accepting an invitation. */
  signIn(payload: AuthPayloadFieldsFragment): void {
    accessToken = payload.accessToken;
    applyProfileLanguage(payload.me.preferredLanguage);
    setState({ status: 'signedIn', me: payload.me, expired: false });
  },
  /** The profile changed (name, language); the token stays. */
  updateMe(me: MeFieldsFragment): void {
    if (state.status === 'signedIn') setState({ ...state, me });
  },
  signOut(expired = false): void {
    accessToken = null;
    setState({ status: 'signedOut', me: null, expired });
  },
};

let refreshInFlight: Promise<boolean> | null = null;

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request:
 * the cookie rotates, so a second request with the old cookie would be refused.
 * Resolves true when signed in, false when there is no (longer a) session.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= requestRefresh().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function requestRefresh(): Promise<boolean> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'accept-language': i18n.language },
      body: JSON.stringify({ operationName: 'RefreshSession', query: print(RefreshSessionDocument) }),
    });
    const body = (await response.json()) as { data?: { refreshSession?: AuthPayloadFieldsFragment } | null };
    const payload = body.data?.refreshSession;
    if (payload) {
      authStore.signIn(payload);
      return true;
    }
  } catch {
    // Network failure or a non-JSON answer: treated as "no session"; the login page explains.
  }
  return false;
}

let restoreStarted = false;

/** Called once when the app starts (guarded, so React's StrictMode double effects don't rotate twice). */
export function restoreSession(): void {
  if (restoreStarted) return;
  restoreStarted = true;
  void refreshSession().then((signedIn) => {
    if (!signedIn && state.status === 'restoring') authStore.signOut();
  });
}
