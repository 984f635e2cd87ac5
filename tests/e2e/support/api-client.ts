// A demo user's GraphQL client for setting up what a journey starts from (a course to take, say)
// through the API rather than through pages another test already walks: the integration tests'
// client and builders, signed in to the e2e server with the demo password.
import { clientWith, graphql, type SignedInClient } from '../../support/graphql';
import { baseURL } from './servers';
import { DEMO_PASSWORD } from './session';

export async function apiClientAs(email: string): Promise<SignedInClient> {
  const login = await graphql<{ login: { auth: { accessToken: string } | null } }>(baseURL, 'mutation ($input: LoginInput!) { login(input: $input) { auth { accessToken } } }', {
    variables: { input: { email, password: DEMO_PASSWORD } },
  });
  const token = login.body.data?.login.auth?.accessToken;
  if (!token) throw new Error(`Sign-in of ${email} failed: ${JSON.stringify(login.body.errors)}`);
  return clientWith(baseURL, token, '');
}
