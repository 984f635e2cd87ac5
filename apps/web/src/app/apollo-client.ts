// The one Apollo Client of the web app. The API serves this SPA from the same origin, so the
// endpoint is the relative /graphql (proxied to the API by the Vite dev server).
// Queries go out as POST with `content-type: application/json`, which satisfies the API's
// CSRF prevention; GET queries stay disabled on purpose.
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache(),
  });
}
