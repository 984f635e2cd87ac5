// The API called directly from a test, to set up what a journey starts from (a referral sent by
// another organisation, a person registered) without clicking through another user's pages.
import type { APIRequestContext } from '@playwright/test';
import { baseURL } from './servers';
import { DEMO_PASSWORD } from './session';

/** One GraphQL request, as `token`'s member (or signed out); throws on any error. */
export async function api<T>(request: APIRequestContext, token: string | null, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await request.post(`${baseURL}/graphql`, {
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Signs a demo user in through the API; returns their access token. */
export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  const { login } = await api<{ login: { auth: { accessToken: string } | null } }>(
    request,
    null,
    `mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { auth { accessToken } } }`,
    { email, password: DEMO_PASSWORD },
  );
  return login.auth!.accessToken;
}
