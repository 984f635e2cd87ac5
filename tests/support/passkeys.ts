// Passkey ceremonies over the API with the software authenticator: what the web app does with
// @simplewebauthn/browser, without a browser.
import { DataSource } from 'typeorm';
import { createChallenge } from '../../apps/api/src/core/auth/auth-challenges';
import { runInAuthContext } from '../../apps/api/src/core/tenancy/tenant-transaction';
import type { RunningApi } from './api';
import { graphql, type GraphQLResponse, type SignedInClient } from './graphql';
import type { SoftwareAuthenticator } from './software-authenticator';

export const BEGIN_REGISTRATION = 'mutation { beginPasskeyRegistration { token expiresAt optionsJson } }';
export const FINISH_REGISTRATION = `mutation ($input: FinishPasskeyRegistrationInput!) {
  finishPasskeyRegistration(input: $input) { id label createdAt lastUsedAt multiDevice backedUp }
}`;
export const BEGIN_SIGN_IN = 'mutation { beginPasskeySignIn { token expiresAt optionsJson } }';
export const FINISH_SIGN_IN = `mutation ($input: FinishPasskeySignInInput!) {
  finishPasskeySignIn(input: $input) { accessToken me { id } }
}`;
export const BEGIN_SECOND_FACTOR = 'mutation ($challengeToken: String!) { beginPasskeySecondFactor(challengeToken: $challengeToken) }';
export const COMPLETE_SECOND_FACTOR = `mutation ($input: CompleteSignInWithPasskeyInput!) {
  completeSignInWithPasskey(input: $input) { accessToken me { id } }
}`;

export interface Ceremony {
  readonly token: string;
  readonly optionsJson: string;
}

/** Adds a passkey held by `authenticator` to the client's account; the new passkey's id. */
export async function registerPasskey(client: SignedInClient, authenticator: SoftwareAuthenticator, label = 'Test key'): Promise<string> {
  const begun = await client.request<{ beginPasskeyRegistration: Ceremony }>(BEGIN_REGISTRATION);
  const ceremony = begun.body.data?.beginPasskeyRegistration;
  if (!ceremony) throw new Error(`beginPasskeyRegistration failed: ${JSON.stringify(begun.body.errors)}`);
  const response = authenticator.register(ceremony.optionsJson);
  const finished = await client.request<{ finishPasskeyRegistration: { id: string } }>(FINISH_REGISTRATION, {
    input: { token: ceremony.token, responseJson: JSON.stringify(response), label },
  });
  const passkey = finished.body.data?.finishPasskeyRegistration;
  if (!passkey) throw new Error(`finishPasskeyRegistration failed: ${JSON.stringify(finished.body.errors)}`);
  return passkey.id;
}

export async function beginPasswordless(api: RunningApi): Promise<Ceremony> {
  const begun = await graphql<{ beginPasskeySignIn: Ceremony }>(api.url, BEGIN_SIGN_IN);
  const ceremony = begun.body.data?.beginPasskeySignIn;
  if (!ceremony) throw new Error(`beginPasskeySignIn failed: ${JSON.stringify(begun.body.errors)}`);
  return ceremony;
}

export function finishPasswordless(
  api: RunningApi,
  token: string,
  response: unknown,
): Promise<GraphQLResponse<{ finishPasskeySignIn: { accessToken: string; me: { id: string } } }>> {
  return graphql(api.url, FINISH_SIGN_IN, { variables: { input: { token, responseJson: JSON.stringify(response) } } });
}

/**
 * The pending second step of a sign-in whose password was right, as login opens it (its token).
 * Made directly so the passkey step is tested on its own, whichever factors login asks for.
 */
export async function openSecondFactorChallenge(api: RunningApi, userId: string): Promise<string> {
  const challenge = await runInAuthContext(api.app.get(DataSource), (manager) =>
    createChallenge(manager, { purpose: 'SECOND_FACTOR', userId, client: { ip: '127.0.0.1', userAgent: 'integration-test' } }),
  );
  return challenge.token;
}
