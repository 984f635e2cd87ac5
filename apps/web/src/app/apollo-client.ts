// The one Apollo Client of the web app. The API serves this SPA from the same origin, so the
// endpoint is the relative /graphql (proxied to the API by the Vite dev server).
// Queries go out as POST with `content-type: application/json`, which satisfies the API's
// CSRF prevention; GET queries stay disabled on purpose.
// Every request names the UI language, so the API's error messages come back in it.
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { i18n } from './i18n/i18n';

export function createApolloClient(): ApolloClient {
  const languageLink = new SetContextLink((previous) => ({
    headers: { ...previous.headers, 'accept-language': i18n.language },
  }));
  return new ApolloClient({
    link: languageLink.concat(new HttpLink({ uri: '/graphql', credentials: 'same-origin' })),
    cache: new InMemoryCache(),
  });
}
