// React access to the session: who is signed in, as which membership, and what they may do.
// The ability is the one shared with the API (@tsunagu/authz): pages hide what it forbids.
import { useApolloClient } from '@apollo/client/react';
import { defineAbilityFor, type Actor, type AppAbility } from '@tsunagu/authz';
import type { AuthPayloadFieldsFragment, MeFieldsFragment } from '@tsunagu/graphql-client';
import { LogoutDocument, SwitchMembershipDocument } from '@tsunagu/graphql-client';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { authStore, type SessionState } from './auth-store';

export interface Session extends SessionState {
  readonly actor: Actor | null;
  readonly ability: AppAbility;
}

export function actorOf(me: MeFieldsFragment | null): Actor | null {
  if (!me) return null;
  const membership = me.activeMembership;
  return {
    userId: me.id,
    tenantId: membership.network.id,
    organizationId: membership.organization.id,
    organizationKind: membership.organization.kind,
    roles: membership.roles,
  };
}

export function useSession(): Session {
  const state = useSyncExternalStore(authStore.subscribe, authStore.getSnapshot);
  const actor = useMemo(() => actorOf(state.me), [state.me]);
  const ability = useMemo(() => defineAbilityFor(actor), [actor]);
  return { ...state, actor, ability };
}

/** Starting, switching and ending a session; each clears the cache of the previous identity. */
export function useSessionActions() {
  const client = useApolloClient();

  const signIn = useCallback(
    async (payload: AuthPayloadFieldsFragment) => {
      await client.clearStore();
      authStore.signIn(payload);
    },
    [client],
  );

  const switchMembership = useCallback(
    async (membershipId: string) => {
      const result = await client.mutate({ mutation: SwitchMembershipDocument, variables: { membershipId } });
      if (result.data) await signIn(result.data.switchMembership);
    },
    [client, signIn],
  );

  const logout = useCallback(async () => {
    try {
      await client.mutate({ mutation: LogoutDocument });
    } catch {
      // Signing out locally still happens; the refresh cookie expires on its own.
    }
    authStore.signOut();
    await client.clearStore();
  }, [client]);

  return { signIn, switchMembership, logout };
}
