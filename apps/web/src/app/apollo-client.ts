// The one Apollo Client of the web app. The API serves this SPA from the same origin, so the
// endpoint is the relative /graphql (proxied to the API by the Vite dev server).
// Queries go out as POST with `content-type: application/json`, which satisfies the API's
// CSRF prevention; GET queries stay disabled on purpose.
// Every request names the UI language, so the API's error messages come back in it, and
// carries the in-memory access token. When the API answers UNAUTHENTICATED (the access token
// expired), the session is refreshed once and the operation retried; if that fails too, the
// session ends and the protected routes send the person to the login page.
import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import type { FieldPolicy } from '@apollo/client/cache';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { from, switchMap, throwError } from 'rxjs';
import { authStore, refreshSession } from './auth/auth-store';
import { i18n } from './i18n/i18n';

/** Operations that must not trigger a refresh-and-retry: they are how a session starts. */
const sessionOperations = new Set([
  'Login',
  'RefreshSession',
  'Logout',
  'AcceptInvitation',
  'CompleteSignIn',
  'ResetPassword',
  'RequestPasswordReset',
  'InvitationPreview',
]);

interface Connection {
  readonly nodes: readonly unknown[];
}

/** Keyset "load more": a page requested with `after` is appended to the pages already held. */
function connectionPolicy(keyArgs: string[] | false): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.['after']) return incoming;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
}

interface SearchResult {
  readonly services: Connection;
}

/** Directory search: the facets follow the newest page; "load more" appends the services. */
const searchPolicy: FieldPolicy<SearchResult> = {
  keyArgs: ['input'],
  merge(existing, incoming, { args }) {
    if (!existing || !args?.['after']) return incoming;
    return {
      ...incoming,
      services: { ...incoming.services, nodes: [...existing.services.nodes, ...incoming.services.nodes] },
    };
  },
};

/** The parts of a Person (no id of their own): kept inside their Person's cache entry. */
const personSectionTypes = ['Identity', 'Contact', 'Household', 'Health', 'Disability', 'Financial', 'Legal', 'Consultation'].flatMap(
  (category) => [`${category}Section`, `${category}Values`],
);

function isUnauthenticated(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) && error.errors.some((entry) => entry.extensions?.['code'] === 'UNAUTHENTICATED')
  );
}

export function createApolloClient(): ApolloClient {
  const headersLink = new SetContextLink((previous) => {
    const token = authStore.getAccessToken();
    return {
      headers: {
        ...previous.headers,
        'accept-language': i18n.language,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    };
  });

  const renewLink = new ErrorLink(({ error, operation, forward }) => {
    if (!isUnauthenticated(error) || sessionOperations.has(operation.operationName ?? '')) return;
    if (operation.getContext()['retriedAfterRefresh']) {
      authStore.signOut(true);
      return;
    }
    return from(refreshSession()).pipe(
      switchMap((signedIn) => {
        if (!signedIn) {
          authStore.signOut(true);
          return throwError(() => error);
        }
        operation.setContext({ retriedAfterRefresh: true });
        return forward(operation);
      }),
    );
  });

  return new ApolloClient({
    link: renewLink.concat(headersLink).concat(new HttpLink({ uri: '/graphql', credentials: 'same-origin' })),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            members: connectionPolicy(['organizationId']),
            secondFactorEnrolments: connectionPolicy(false),
            organizations: connectionPolicy(false),
            auditLog: connectionPolicy(['organizationId']),
            mySecurityEvents: connectionPolicy(false),
            networkSecurityEvents: connectionPolicy(['userId']),
            searchDirectory: searchPolicy,
            people: connectionPolicy(['search']),
            sharedPeople: connectionPolicy(['purpose']),
            personAccessLog: connectionPolicy(['personId']),
            provisionRecords: connectionPolicy(['filter']),
            referrals: connectionPolicy(['box', 'filter']),
            notifications: connectionPolicy(['unreadOnly']),
            searchGrants: connectionPolicy(['input']),
            myGrants: connectionPolicy(false),
            myBookmarks: connectionPolicy(false),
            myApplications: connectionPolicy(false),
            mySavedSearches: connectionPolicy(false),
            courses: connectionPolicy(['input']),
            myEnrolments: connectionPolicy(['filter']),
            trainingSessions: connectionPolicy(['upcomingOnly', 'courseId']),
            partnerships: connectionPolicy(['input']),
          },
        },
        // What a read of a person discloses depends on its purpose (and on who reads: the owner's
        // reads have purpose null). Normalised by id alone, a read under one purpose would
        // overwrite — or show on the page of — a read under another, so a category withheld for
        // REFERRAL could appear from a CASE_CONFERENCE read. Keyed by id and purpose, each read
        // keeps its own entry. We chose this over `keyFields: false` so mutation results
        // (correction, cessation, erasure) still update the cached person in place; it needs
        // `purpose` in every selection of Person, which the PersonSummary and PersonDetail
        // fragments (the only ones) carry. The *Section types have no id and stay embedded.
        Person: { keyFields: ['id', 'purpose'] },
        // A partnership's interaction log: "load more" appends the older interactions.
        Partnership: { fields: { interactions: connectionPolicy(false) } },
        // Within one (id, purpose) entry the list reads fewer fields of a section than the person
        // page: merge them rather than drop the page's fields when the list refreshes.
        ...Object.fromEntries(personSectionTypes.map((type) => [type, { merge: true }])),
      },
    }),
  });
}
