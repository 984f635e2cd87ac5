// Passkeys against the real API and database, with real WebAuthn answers from a software
// authenticator (tests/support/software-authenticator.ts): adding one, signing in with it alone
// (passwordless) or as the second step after a password, answers that must be refused (replayed,
// forged, another account's, a counter going backwards, no user verification), and removal,
// which needs a recent sign-in.
import { APP_BASE_URL, setupApiTest } from '../support/harness';
import { outcome, reasonOf, refreshCookieFrom, type TestNetwork } from '../support/accounts';
import { graphql } from '../support/graphql';
import { oneOrganizationNetwork } from '../support/networks';
import {
  BEGIN_REGISTRATION,
  BEGIN_SECOND_FACTOR,
  BEGIN_SIGN_IN,
  beginPasswordless,
  COMPLETE_SECOND_FACTOR,
  finishPasswordless,
  FINISH_REGISTRATION,
  openSecondFactorChallenge,
  registerPasskey,
  type Ceremony,
} from '../support/passkeys';
import { SoftwareAuthenticator, strangerKey } from '../support/software-authenticator';

const MY_PASSKEYS = '{ myPasskeys { id label lastUsedAt multiDevice backedUp } }';
const RENAME = 'mutation ($id: ID!, $label: String!) { renamePasskey(id: $id, label: $label) { id label } }';
const REMOVE = 'mutation ($id: ID!) { removePasskey(id: $id) }';
const ME = '{ me { id } }';
const SESSIONS = '{ mySessions { id } }';

// The relying party comes from the app's public address (APP_BASE_URL, as mail links).
const ORIGIN = APP_BASE_URL;
const RP_ID = new URL(APP_BASE_URL).hostname;

const t = setupApiTest({
  env: { APP_BASE_URL },
  networks: {
    one: oneOrganizationNetwork('passkeys-a', { npo: 'NPO' }, {
      alice: ['STAFF'],
      remover: ['COORDINATOR'],
      plain: ['STAFF'],
      stale: ['STAFF'],
      enrolling: ['COORDINATOR'],
    }),
    two: oneOrganizationNetwork('passkeys-b', { npo: 'NPO' }, { bob: ['ORG_ADMIN'] }),
  },
});
let one: TestNetwork;
let two: TestNetwork;

beforeAll(() => {
  ({ one, two } = t.networks);
});

async function securityEvents(userId: string): Promise<Array<{ kind: string; method: string | null }>> {
  return t.sql.query(`SELECT kind, method FROM security_events WHERE user_id = $1 ORDER BY occurred_at, id`, [userId]);
}

/** The session id (sid) of an access token. */
function sessionIdOf(accessToken: string): string {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()).sid;
}

async function begin(client = t.clients['alice']): Promise<Ceremony> {
  const begun = await client.request<{ beginPasskeyRegistration: Ceremony }>(BEGIN_REGISTRATION);
  const ceremony = begun.body.data?.beginPasskeyRegistration;
  if (!ceremony) throw new Error(JSON.stringify(begun.body.errors));
  return ceremony;
}

describe('adding a passkey', () => {
  it('asks for a discoverable credential of this relying party, stores it and logs PASSKEY_ADDED', async () => {
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const ceremony = await begin();
    const options = JSON.parse(ceremony.optionsJson);
    expect(options.rp).toEqual({ id: RP_ID, name: 'Tsunagu' });
    expect(options.user.name).toBe(one.members.alice.email);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'preferred' });
    expect(options.excludeCredentials).toEqual([]);

    const response = authenticator.register(ceremony.optionsJson);
    const finished = await t.clients['alice'].request<{ finishPasskeyRegistration: { label: string } }>(FINISH_REGISTRATION, {
      input: { token: ceremony.token, responseJson: JSON.stringify(response), label: '  My phone  ' },
    });
    expect(finished.body.errors).toBeUndefined();
    expect(finished.body.data?.finishPasskeyRegistration).toMatchObject({ label: 'My phone', lastUsedAt: null, multiDevice: false });
    const [stored] = await t.sql.query(`SELECT credential_id, sign_count, transports FROM user_passkeys WHERE user_id = $1`, [
      one.members.alice.userId,
    ]);
    expect(stored).toEqual({ credential_id: response.id, sign_count: '0', transports: ['internal'] });
    expect(await securityEvents(one.members.alice.userId)).toContainEqual({ kind: 'PASSKEY_ADDED', method: 'PASSKEY' });

    // The token answers once; the next ceremony excludes the passkey just added.
    const again = await t.clients['alice'].request(FINISH_REGISTRATION, {
      input: { token: ceremony.token, responseJson: JSON.stringify(response), label: 'again' },
    });
    expect(reasonOf(again)).toBe('CHALLENGE_EXPIRED');
    expect(JSON.parse((await begin()).optionsJson).excludeCredentials).toEqual([{ id: response.id, type: 'public-key', transports: ['internal'] }]);
  });

  it('refuses an answer from another origin, to another challenge, or with another user’s token, and stores nothing', async () => {
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const before = await t.sql.query(`SELECT count(*)::int AS count FROM user_passkeys`);
    const ceremony = await begin();
    const phished = authenticator.register(ceremony.optionsJson, { origin: 'https://tsunagu.example.jp.evil.example' });
    const wrongOrigin = await t.clients['alice'].request(FINISH_REGISTRATION, {
      input: { token: ceremony.token, responseJson: JSON.stringify(phished), label: 'phished' },
    });
    expect(reasonOf(wrongOrigin)).toBe('PASSKEY_NOT_VERIFIED');

    const other = await begin();
    const answerToOther = authenticator.register(other.optionsJson);
    const crossed = await t.clients['alice'].request(FINISH_REGISTRATION, {
      input: { token: ceremony.token, responseJson: JSON.stringify(answerToOther), label: 'crossed' },
    });
    expect(reasonOf(crossed)).toBe('PASSKEY_NOT_VERIFIED');

    // Bob cannot finish Alice's ceremony (the token is hers), nor can anyone send garbage.
    const stolen = await t.clients['bob'].request(FINISH_REGISTRATION, {
      input: { token: other.token, responseJson: JSON.stringify(answerToOther), label: 'stolen' },
    });
    expect(reasonOf(stolen)).toBe('CHALLENGE_EXPIRED');
    const garbage = await t.clients['alice'].request(FINISH_REGISTRATION, {
      input: { token: other.token, responseJson: '{"id": 1', label: 'garbage' },
    });
    expect(reasonOf(garbage)).toBe('PASSKEY_NOT_VERIFIED');
    expect(await t.sql.query(`SELECT count(*)::int AS count FROM user_passkeys`)).toEqual(before);
  });

  it('lists, renames and removes only my own passkeys', async () => {
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const bobsPasskey = await registerPasskey(t.clients['bob'], authenticator, 'Bob key');
    const alices = await t.clients['alice'].request<{ myPasskeys: Array<{ id: string }> }>(MY_PASSKEYS);
    expect(alices.body.data?.myPasskeys.map((passkey) => passkey.id)).not.toContain(bobsPasskey);

    expect(outcome(await t.clients['alice'].request(RENAME, { id: bobsPasskey, label: 'mine now' }))).toBe('NOT_FOUND');
    expect(outcome(await t.clients['alice'].request(REMOVE, { id: bobsPasskey }))).toBe('NOT_FOUND');
    const renamed = await t.clients['bob'].request<{ renamePasskey: { label: string } }>(RENAME, { id: bobsPasskey, label: 'Laptop' });
    expect(renamed.body.data?.renamePasskey.label).toBe('Laptop');
    expect(outcome(await t.clients['bob'].request(RENAME, { id: bobsPasskey, label: ' ' }))).toBe('BAD_USER_INPUT');
  });
});

describe('adding a passkey from a session', () => {
  it('needs a sign-in within the last ten minutes, to begin and to finish, and stores nothing otherwise', async () => {
    const member = one.members.stale;
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const stale = await t.client(member);
    await t.sql.query(`UPDATE sessions SET authenticated_at = now() - interval '11 minutes' WHERE id = $1`, [sessionIdOf(stale.token)]);
    const refusedBegin = await stale.request(BEGIN_REGISTRATION);
    expect(refusedBegin.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'REAUTHENTICATION_REQUIRED' });

    // Begun while recent, finished after the window: refused as well.
    const fresh = await t.client(member);
    const ceremony = await begin(fresh);
    await t.sql.query(`UPDATE sessions SET authenticated_at = now() - interval '11 minutes' WHERE id = $1`, [sessionIdOf(fresh.token)]);
    const refusedFinish = await fresh.request(FINISH_REGISTRATION, {
      input: { token: ceremony.token, responseJson: JSON.stringify(authenticator.register(ceremony.optionsJson)), label: 'late' },
    });
    expect(refusedFinish.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'REAUTHENTICATION_REQUIRED' });
    expect(await t.sql.query(`SELECT id FROM user_passkeys WHERE user_id = $1`, [member.userId])).toEqual([]);
    expect((await securityEvents(member.userId)).map((event) => event.kind)).not.toContain('PASSKEY_ADDED');
  });

  it('in a session that must enrol first, lifts the block for that session and ends the other sessions', async () => {
    const member = one.members.enrolling;
    const enrolling = await t.client(member);
    const elsewhere = await t.client(member);
    // As sign-in leaves them when the network's policy is past its grace period and no factor is enrolled.
    await t.sql.query(`UPDATE sessions SET second_factor_enrolment_required = true WHERE user_id = $1`, [member.userId]);
    const blocked = await enrolling.request(SESSIONS);
    expect(blocked.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });

    await registerPasskey(enrolling, new SoftwareAuthenticator(ORIGIN));
    expect(outcome(await enrolling.request(SESSIONS))).toBe('OK');
    const [session] = await t.sql.query(`SELECT second_factor_enrolment_required FROM sessions WHERE id = $1`, [sessionIdOf(enrolling.token)]);
    expect(session.second_factor_enrolment_required).toBe(false);
    expect(outcome(await elsewhere.request(MY_PASSKEYS))).toBe('UNAUTHENTICATED');
    const [ended] = await t.sql.query(`SELECT revoked_reason FROM sessions WHERE id = $1`, [sessionIdOf(elsewhere.token)]);
    expect(ended.revoked_reason).toBe('SECOND_FACTOR_CHANGED');
  });
});

describe('signing in with a passkey alone (passwordless)', () => {
  it('signs in with a discoverable passkey with user verification: refresh cookie, PASSWORDLESS_PASSKEY, counter kept', async () => {
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const passkeyId = await registerPasskey(t.clients['plain'], authenticator);
    const ceremony = await beginPasswordless(t.api);
    const options = JSON.parse(ceremony.optionsJson);
    expect(options).toMatchObject({ rpId: RP_ID, allowCredentials: [], userVerification: 'required' });

    const signedIn = await finishPasswordless(t.api, ceremony.token, authenticator.authenticate(ceremony.optionsJson));
    expect(signedIn.body.errors).toBeUndefined();
    const auth = signedIn.body.data?.finishPasskeySignIn;
    expect(auth?.me.id).toBe(one.members.plain.userId);
    expect(refreshCookieFrom(signedIn.headers)).toMatch(/HttpOnly/);
    const me = await graphql<{ me: { id: string } }>(t.api.url, ME, { headers: { authorization: `Bearer ${auth?.accessToken}` } });
    expect(me.body.data?.me.id).toBe(one.members.plain.userId);

    const [session] = await t.sql.query(
      `SELECT authenticated_with FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [one.members.plain.userId],
    );
    expect(session.authenticated_with).toBe('PASSWORDLESS_PASSKEY');
    const [stored] = await t.sql.query(`SELECT sign_count, last_used_at FROM user_passkeys WHERE id = $1`, [passkeyId]);
    expect(stored.sign_count).toBe('1');
    expect(stored.last_used_at).not.toBeNull();
    expect(await securityEvents(one.members.plain.userId)).toContainEqual({ kind: 'SIGN_IN_SUCCEEDED', method: 'PASSWORDLESS_PASSKEY' });
  });

  it('refuses a replayed answer, a forged signature, a counter that went backwards and a missing user verification', async () => {
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    await registerPasskey(t.clients['remover'], authenticator);
    const first = await beginPasswordless(t.api);
    const answer = authenticator.authenticate(first.optionsJson, { counter: 10 });
    expect(outcome(await finishPasswordless(t.api, first.token, answer))).toBe('OK');

    // The same answer again: its challenge is spent; to a new challenge: signed over the old one.
    expect(reasonOf(await finishPasswordless(t.api, first.token, answer))).toBe('CHALLENGE_EXPIRED');
    const second = await beginPasswordless(t.api);
    expect(reasonOf(await finishPasswordless(t.api, second.token, answer))).toBe('PASSKEY_NOT_VERIFIED');
    // Signed by a key that is not the passkey's.
    const forged = authenticator.authenticate(second.optionsJson, { counter: 20, signingKey: strangerKey() });
    expect(reasonOf(await finishPasswordless(t.api, second.token, forged))).toBe('PASSKEY_NOT_VERIFIED');
    // A cloned authenticator betrays itself by a counter that does not grow.
    const cloned = authenticator.authenticate(second.optionsJson, { counter: 9 });
    expect(reasonOf(await finishPasswordless(t.api, second.token, cloned))).toBe('PASSKEY_NOT_VERIFIED');
    // Presence alone is one factor: passwordless needs the PIN or biometric.
    const unverified = authenticator.authenticate(second.optionsJson, { counter: 30, userVerified: false });
    expect(reasonOf(await finishPasswordless(t.api, second.token, unverified))).toBe('PASSKEY_NOT_VERIFIED');

    const [challenge] = await t.sql.query(`SELECT failures, used_at FROM auth_challenges WHERE webauthn_challenge = $1`, [
      JSON.parse(second.optionsJson).challenge,
    ]);
    expect(challenge).toEqual({ failures: 4, used_at: null });
    const [stored] = await t.sql.query(`SELECT sign_count FROM user_passkeys WHERE user_id = $1`, [one.members.remover.userId]);
    expect(stored.sign_count).toBe('10');
    expect(await securityEvents(one.members.remover.userId)).toContainEqual({ kind: 'SIGN_IN_FAILED', method: 'PASSWORDLESS_PASSKEY' });
  });

  it('refuses an answer naming another account than the passkey’s, and an unknown credential', async () => {
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    await registerPasskey(t.clients['alice'], authenticator);
    const ceremony = await beginPasswordless(t.api);
    const bobsHandle = Buffer.from(two.members.bob.userId.replace(/-/g, ''), 'hex').toString('base64url');
    const impersonating = authenticator.authenticate(ceremony.optionsJson, { userHandle: bobsHandle });
    expect(reasonOf(await finishPasswordless(t.api, ceremony.token, impersonating))).toBe('PASSKEY_NOT_VERIFIED');

    const stranger = new SoftwareAuthenticator(ORIGIN);
    stranger.register((await begin()).optionsJson); // never finished: the API does not know it
    const unknown = stranger.authenticate(ceremony.optionsJson);
    expect(reasonOf(await finishPasswordless(t.api, ceremony.token, unknown))).toBe('PASSKEY_NOT_VERIFIED');
  });
});

describe('a passkey as the second step after a right password', () => {
  it('offers the account’s passkeys and signs in (PASSKEY), once', async () => {
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const bob = two.members.bob;
    await registerPasskey(t.clients['bob'], authenticator, 'Second');
    const challengeToken = await openSecondFactorChallenge(t.api, bob.userId);
    const begun = await graphql<{ beginPasskeySecondFactor: string }>(t.api.url, BEGIN_SECOND_FACTOR, { variables: { challengeToken } });
    const optionsJson = begun.body.data?.beginPasskeySecondFactor ?? '';
    const allowed = (JSON.parse(optionsJson).allowCredentials as Array<{ id: string }>).map((entry) => entry.id);
    const stored: Array<{ credential_id: string }> = await t.sql.query(`SELECT credential_id FROM user_passkeys WHERE user_id = $1`, [bob.userId]);
    expect(allowed.sort()).toEqual(stored.map((row) => row.credential_id).sort());

    const answer = authenticator.authenticate(optionsJson, { userVerified: false }); // presence is enough after a password
    const completed = await graphql<{ completeSignInWithPasskey: { me: { id: string } } }>(t.api.url, COMPLETE_SECOND_FACTOR, {
      variables: { input: { challengeToken, responseJson: JSON.stringify(answer) } },
    });
    expect(completed.body.errors).toBeUndefined();
    expect(completed.body.data?.completeSignInWithPasskey.me.id).toBe(bob.userId);
    expect(refreshCookieFrom(completed.headers)).toMatch(/HttpOnly/);
    const [session] = await t.sql.query(`SELECT authenticated_with FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, [
      bob.userId,
    ]);
    expect(session.authenticated_with).toBe('PASSKEY');
    expect(await securityEvents(bob.userId)).toEqual(
      expect.arrayContaining([
        { kind: 'SECOND_FACTOR_SUCCEEDED', method: 'PASSKEY' },
        { kind: 'SIGN_IN_SUCCEEDED', method: 'PASSKEY' },
      ]),
    );
    const replay = await graphql(t.api.url, COMPLETE_SECOND_FACTOR, {
      variables: { input: { challengeToken, responseJson: JSON.stringify(answer) } },
    });
    expect(reasonOf(replay)).toBe('SECOND_FACTOR_CHALLENGE_ENDED');
  });

  it('refuses another account’s passkey, counts wrong answers and spends the step after five', async () => {
    const alicesAuthenticator = new SoftwareAuthenticator(ORIGIN);
    await registerPasskey(t.clients['alice'], alicesAuthenticator);
    const bob = two.members.bob;
    await registerPasskey(t.clients['bob'], new SoftwareAuthenticator(ORIGIN));
    const challengeToken = await openSecondFactorChallenge(t.api, bob.userId);
    const begun = await graphql<{ beginPasskeySecondFactor: string }>(t.api.url, BEGIN_SECOND_FACTOR, { variables: { challengeToken } });
    const optionsJson = begun.body.data?.beginPasskeySecondFactor ?? '';
    const complete = (response: unknown) =>
      graphql(t.api.url, COMPLETE_SECOND_FACTOR, { variables: { input: { challengeToken, responseJson: JSON.stringify(response) } } });

    // Alice's own, perfectly valid, passkey answers Bob's challenge: refused.
    const alicesAnswer = alicesAuthenticator.authenticate(optionsJson, { credential: alicesAuthenticator.credentials.at(-1) });
    const refused = await complete(alicesAnswer);
    expect(refused.body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_NOT_VERIFIED' });
    expect(refused.headers.getSetCookie()).toEqual([]);
    for (let attempt = 2; attempt <= 5; attempt += 1) expect(reasonOf(await complete(alicesAnswer))).toBe('PASSKEY_NOT_VERIFIED');
    expect(reasonOf(await complete(alicesAnswer))).toBe('SECOND_FACTOR_CHALLENGE_ENDED');
    expect(await securityEvents(bob.userId)).toContainEqual({ kind: 'SECOND_FACTOR_FAILED', method: 'PASSKEY' });
  });

  it('answers NO_PASSKEY for an account without one, and SECOND_FACTOR_CHALLENGE_ENDED for an unknown token', async () => {
    const challengeToken = await openSecondFactorChallenge(t.api, one.members.remover.userId);
    await t.sql.query(`DELETE FROM user_passkeys WHERE user_id = $1`, [one.members.remover.userId]);
    expect(reasonOf(await graphql(t.api.url, BEGIN_SECOND_FACTOR, { variables: { challengeToken } }))).toBe('NO_PASSKEY');
    expect(reasonOf(await graphql(t.api.url, BEGIN_SECOND_FACTOR, { variables: { challengeToken: 'not-a-token' } }))).toBe(
      'SECOND_FACTOR_CHALLENGE_ENDED',
    );
    // A passwordless sign-in token is not a second step.
    const passwordless = await beginPasswordless(t.api);
    expect(reasonOf(await graphql(t.api.url, BEGIN_SECOND_FACTOR, { variables: { challengeToken: passwordless.token } }))).toBe(
      'SECOND_FACTOR_CHALLENGE_ENDED',
    );
  });
});

describe('removing a passkey', () => {
  it('needs a sign-in within the last ten minutes, then removes it, ends my other sessions and logs PASSKEY_REMOVED', async () => {
    const member = one.members.remover;
    const passkeyId = await registerPasskey(t.clients['remover'], new SoftwareAuthenticator(ORIGIN));
    const stale = await t.client(member);
    const fresh = await t.client(member);
    await t.sql.query(`UPDATE sessions SET authenticated_at = now() - interval '11 minutes' WHERE user_id = $1`, [member.userId]);
    await t.sql.query(`UPDATE sessions SET authenticated_at = now() WHERE id = $1`, [sessionIdOf(fresh.token)]);

    const refused = await stale.request(REMOVE, { id: passkeyId });
    expect(refused.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'REAUTHENTICATION_REQUIRED' });
    expect(await t.sql.query(`SELECT id FROM user_passkeys WHERE id = $1`, [passkeyId])).toHaveLength(1);

    expect(outcome(await fresh.request(REMOVE, { id: passkeyId }))).toBe('OK');
    expect(await t.sql.query(`SELECT id FROM user_passkeys WHERE id = $1`, [passkeyId])).toHaveLength(0);
    expect(outcome(await stale.request(MY_PASSKEYS))).toBe('UNAUTHENTICATED');
    expect(outcome(await fresh.request(MY_PASSKEYS))).toBe('OK');
    expect(await securityEvents(member.userId)).toContainEqual({ kind: 'PASSKEY_REMOVED', method: 'PASSKEY' });
  });
});

describe('passwordless ceremonies asked for without signing in', () => {
  it('are limited per address while open (100 in 5 minutes), since each is a row', async () => {
    await beginPasswordless(t.api);
    const [{ ip }] = await t.sql.query(`SELECT ip FROM auth_challenges WHERE purpose = 'PASSKEY_SIGN_IN' ORDER BY created_at DESC LIMIT 1`);
    await t.sql.query(
      `INSERT INTO auth_challenges (purpose, token_hash, ip, expires_at)
       SELECT 'PASSKEY_SIGN_IN', sha256(convert_to(gen_random_uuid()::text, 'UTF8')), $1, now() + interval '5 minutes'
         FROM generate_series(1, 100)`,
      [ip],
    );
    const refused = await graphql(t.api.url, BEGIN_SIGN_IN);
    expect(refused.body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOO_MANY_ATTEMPTS' });
    await t.sql.query(`UPDATE auth_challenges SET expires_at = now() WHERE purpose = 'PASSKEY_SIGN_IN'`);
    expect(outcome(await graphql(t.api.url, BEGIN_SIGN_IN))).toBe('OK');
  });
});
