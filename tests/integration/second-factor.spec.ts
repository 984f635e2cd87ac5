// Two-step verification against the real API and database (issue 18): TOTP enrolment and the
// second step of sign-in with codes computed at an injected time, wrong codes counted, replays and
// reused recovery codes refused, removal only after recent authentication, and the network's
// policy (a COORDINATOR must enrol, a TRAINER is not asked; grace period, then only enrolment),
// confined to the admin's own network.
import { Clock } from '../../apps/api/src/core/time/clock';
import { MAX_CHALLENGE_FAILURES } from '../../apps/api/src/core/auth/auth-challenges';
import { hashSecretToken } from '../../apps/api/src/core/auth/secret-tokens';
import { totpCodeAt } from '../../apps/api/src/core/auth/totp';
import { APP_CONFIG, type AppConfig } from '../../apps/api/src/core/config/config';
import {
  MAX_SECOND_FACTOR_FAILURES_PER_WINDOW,
  SECOND_FACTOR_FAILURE_WINDOW_MINUTES,
} from '../../apps/api/src/modules/second-factors/second-step.service';
import {
  outcome,
  reasonOf,
  refreshCookieFrom,
  signIn,
  type SignedInClient,
  type TestMember,
  type TestNetwork,
  TEST_PASSWORD,
} from '../support/accounts';
import { clientWith, graphql } from '../support/graphql';
import { setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { auth { accessToken } secondFactor { token methods } }
}`;
const COMPLETE = `mutation Complete($input: CompleteSignInInput!) { completeSignIn(input: $input) { accessToken me { id } } }`;
const BEGIN = `mutation { beginTotpEnrolment { otpauthUri secret } }`;
const CONFIRM = `mutation Confirm($code: String!) { confirmTotpEnrolment(code: $code) { codes } }`;
const REMOVE = `mutation { removeTotp }`;
const REAUTHENTICATE = `mutation Reauthenticate($input: ReauthenticateInput!) { reauthenticate(input: $input) }`;
const STATUS = `{ me { secondFactor { enrolled methods recoveryCodesLeft requiredByPolicy enrolmentRequired dueBy blocked } } }`;
const SESSIONS = `{ mySessions { id } }`;
const REFRESH = `mutation { refreshSession { accessToken } }`;
const POLICY = `{ secondFactorPolicy { required requiredSince graceUntil coveredRoles } }`;
const SET_POLICY = `mutation Set($input: SetSecondFactorPolicyInput!) { setSecondFactorPolicy(input: $input) { required graceUntil } }`;
const ENROLMENTS = `query Enrolments($first: Int, $after: String) {
  secondFactorEnrolments(first: $first, after: $after) {
    nodes { membershipId email roles coveredByPolicy enrolled methods }
    pageInfo { endCursor hasNextPage }
  }
}`;

const t = setupApiTest({
  networks: {
    factors: oneOrganizationNetwork('second-factor-a', { npo: 'NPO' }, {
      enroller: ['STAFF'],
      counted: ['STAFF'],
      replayed: ['STAFF'],
      recovering: ['STAFF'],
      remover: ['STAFF'],
      invitee: ['STAFF'],
      burst: ['STAFF'],
      passwordGuesser: ['STAFF'],
      codeGuesser: ['STAFF'],
      windowed: ['STAFF'],
    }),
    policy: oneOrganizationNetwork('second-factor-policy', { npo: 'NPO' }, {
      policyAdmin: ['NETWORK_ADMIN', 'ORG_ADMIN'],
      coordinator: ['COORDINATOR'],
      trainer: ['TRAINER'],
    }),
    other: oneOrganizationNetwork('second-factor-b', { npo: 'NPO' }, { otherAdmin: ['NETWORK_ADMIN'], otherStaff: ['STAFF'] }),
    // Its own network: the policy tests above switch the policy network's policy on and off.
    late: oneOrganizationNetwork('second-factor-late', { npo: 'NPO' }, {
      lateAdmin: ['NETWORK_ADMIN', 'ORG_ADMIN'],
      lateCoordinator: ['COORDINATOR'],
    }),
  },
});
let factors: TestNetwork;
let policy: TestNetwork;
let other: TestNetwork;
let late: TestNetwork;

beforeAll(() => {
  ({ factors, policy, other, late } = t.networks);
});
afterEach(() => jest.restoreAllMocks());

/** Moves the API's clock (and so TOTP time) to `at`. */
function clockAt(at: Date): void {
  jest.spyOn(Clock.prototype, 'now').mockReturnValue(at);
}

const STEP_MS = 30_000;

function login(member: TestMember) {
  return graphql<{ login: { auth: { accessToken: string } | null; secondFactor: { token: string; methods: string[] } | null } }>(
    t.api.url,
    LOGIN,
    { variables: { email: member.email, password: TEST_PASSWORD } },
  );
}

async function challengeFor(member: TestMember): Promise<string> {
  const response = await login(member);
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data!.login.auth).toBeNull();
  return response.body.data!.login.secondFactor!.token;
}

function complete(token: string, answer: { code?: string; recoveryCode?: string }) {
  return graphql<{ completeSignIn: { accessToken: string; me: { id: string } } }>(t.api.url, COMPLETE, {
    variables: { input: { token, ...answer } },
  });
}

/** Enrols TOTP for the client's user at `at`; returns the secret and the recovery codes. */
async function enrolTotp(client: SignedInClient, at: Date): Promise<{ secret: string; codes: string[] }> {
  clockAt(at);
  const begun = await client.request<{ beginTotpEnrolment: { otpauthUri: string; secret: string } }>(BEGIN);
  expect(begun.body.errors).toBeUndefined();
  const { secret, otpauthUri } = begun.body.data!.beginTotpEnrolment;
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Tsunagu:.+\?.*secret=/);
  const confirmed = await client.request<{ confirmTotpEnrolment: { codes: string[] } }>(CONFIRM, { code: totpCodeAt(secret, at) });
  expect(confirmed.body.errors).toBeUndefined();
  return { secret, codes: confirmed.body.data!.confirmTotpEnrolment.codes };
}

async function sessionMethod(userId: string): Promise<string[]> {
  const rows: Array<{ authenticated_with: string }> = await t.sql.query(
    `SELECT authenticated_with FROM sessions WHERE user_id = $1 AND authenticated_with <> 'PASSWORD' ORDER BY created_at`,
    [userId],
  );
  return rows.map((row) => row.authenticated_with);
}

async function securityEvents(userId: string): Promise<string[]> {
  const rows: Array<{ kind: string }> = await t.sql.query(`SELECT kind FROM security_events WHERE user_id = $1 ORDER BY occurred_at, kind`, [userId]);
  return rows.map((row) => row.kind);
}

describe('TOTP enrolment and the second step', () => {
  it('enrols an authenticator app and signs in with password and a code generated at the injected time', async () => {
    const member = factors.members.enroller;
    const start = new Date();
    const { secret, codes } = await enrolTotp(t.clients.enroller, start);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored: Array<{ secret_sealed: Buffer; confirmed_at: Date | null }> = await t.sql.query(
      `SELECT secret_sealed, confirmed_at FROM user_totp WHERE user_id = $1`,
      [member.userId],
    );
    expect(stored[0].confirmed_at).not.toBeNull();
    expect(stored[0].secret_sealed.toString('utf8')).not.toContain(secret);
    const hashes: Array<{ code_hash: Buffer }> = await t.sql.query(`SELECT code_hash FROM user_recovery_codes WHERE user_id = $1`, [member.userId]);
    expect(hashes).toHaveLength(10);
    expect(hashes.map((row) => row.code_hash.toString('utf8')).join()).not.toContain(codes[0]);

    // The password alone no longer signs in: it opens the second step.
    const first = await login(member);
    expect(first.body.data!.login).toMatchObject({ auth: null, secondFactor: { methods: ['TOTP', 'RECOVERY_CODE'] } });
    expect(first.headers.getSetCookie().some((cookie) => cookie.startsWith('tsunagu_refresh='))).toBe(false);

    const later = new Date(start.getTime() + 2 * STEP_MS);
    clockAt(later);
    const signedIn = await complete(first.body.data!.login.secondFactor!.token, { code: totpCodeAt(secret, later) });
    expect(signedIn.body.errors).toBeUndefined();
    expect(signedIn.body.data!.completeSignIn.me.id).toBe(member.userId);
    expect(refreshCookieFrom(signedIn.headers)).toMatch(/HttpOnly/i);
    expect(await sessionMethod(member.userId)).toEqual(['TOTP']);
    const events = await securityEvents(member.userId);
    expect(events).toEqual(expect.arrayContaining(['TOTP_ENROLLED', 'RECOVERY_CODES_GENERATED', 'SECOND_FACTOR_SUCCEEDED', 'SIGN_IN_SUCCEEDED']));

    // The challenge is single-use.
    const again = await complete(first.body.data!.login.secondFactor!.token, { code: totpCodeAt(secret, new Date(later.getTime() + STEP_MS)) });
    expect(reasonOf(again)).toBe('SECOND_FACTOR_CHALLENGE_ENDED');
  });

  it('counts wrong codes and ends the challenge after five', async () => {
    const member = factors.members.counted;
    const start = new Date();
    const { secret } = await enrolTotp(t.clients.counted, start);
    const token = await challengeFor(member);
    const right = totpCodeAt(secret, new Date(start.getTime() + STEP_MS));
    const wrong = right === '000000' ? '111111' : '000000';
    clockAt(new Date(start.getTime() + STEP_MS));
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const answer = await complete(token, { code: wrong });
      expect([outcome(answer), reasonOf(answer)]).toEqual(['BAD_USER_INPUT', 'WRONG_SECOND_FACTOR_CODE']);
    }
    const fifth = await complete(token, { code: wrong });
    expect([outcome(fifth), reasonOf(fifth)]).toEqual(['UNAUTHENTICATED', 'SECOND_FACTOR_CHALLENGE_ENDED']);
    // Even the right code does not revive a spent challenge.
    const late = await complete(token, { code: right });
    expect(reasonOf(late)).toBe('SECOND_FACTOR_CHALLENGE_ENDED');
    const [challenge]: Array<{ failures: number }> = await t.sql.query(
      `SELECT failures FROM auth_challenges WHERE user_id = $1 AND purpose = 'SECOND_FACTOR'`,
      [member.userId],
    );
    expect(challenge.failures).toBe(5);
    expect((await securityEvents(member.userId)).filter((kind) => kind === 'SECOND_FACTOR_FAILED')).toHaveLength(5);
    expect(await sessionMethod(member.userId)).toEqual([]);
  });

  it('never accepts a code twice (replay), nor one older than a code already used', async () => {
    const member = factors.members.replayed;
    const start = new Date();
    const { secret } = await enrolTotp(t.clients.replayed, start);
    // The enrolment code itself cannot sign in.
    const enrolmentCode = totpCodeAt(secret, start);
    const replayOfEnrolment = await complete(await challengeFor(member), { code: enrolmentCode });
    expect(reasonOf(replayOfEnrolment)).toBe('WRONG_SECOND_FACTOR_CODE');

    const at = new Date(start.getTime() + 3 * STEP_MS);
    clockAt(at);
    const code = totpCodeAt(secret, at);
    const used = await complete(await challengeFor(member), { code });
    expect(used.body.errors).toBeUndefined();
    const replay = await complete(await challengeFor(member), { code });
    expect(reasonOf(replay)).toBe('WRONG_SECOND_FACTOR_CODE');
    // The previous step is inside the drift window, but older than the code used: refused too.
    const older = await complete(await challengeFor(member), { code: totpCodeAt(secret, new Date(at.getTime() - STEP_MS)) });
    expect(reasonOf(older)).toBe('WRONG_SECOND_FACTOR_CODE');
  });

  it('signs in with a recovery code once, and never with the same code again', async () => {
    const member = factors.members.recovering;
    const { codes } = await enrolTotp(t.clients.recovering, new Date());
    const recoveryCode = codes[3].toUpperCase().replace(/-/g, ' ');
    const used = await complete(await challengeFor(member), { recoveryCode });
    expect(used.body.errors).toBeUndefined();
    expect(await sessionMethod(member.userId)).toEqual(['RECOVERY_CODE']);
    expect(await securityEvents(member.userId)).toContain('RECOVERY_CODE_USED');

    const again = await complete(await challengeFor(member), { recoveryCode: codes[3] });
    expect(reasonOf(again)).toBe('WRONG_SECOND_FACTOR_CODE');
    const status = await t.clients.recovering.request<{ me: { secondFactor: { recoveryCodesLeft: number } } }>(STATUS);
    expect(status.body.data!.me.secondFactor.recoveryCodesLeft).toBe(9);
  });

  it('removes the authenticator app only after recent authentication (password and code)', async () => {
    const member = factors.members.remover;
    const start = new Date();
    const { secret } = await enrolTotp(t.clients.remover, start);
    // Enrolment ended the client's other sessions, not this one; eleven minutes later it is no longer recent.
    const later = new Date(start.getTime() + 11 * 60_000);
    clockAt(later);
    const refused = await t.clients.remover.request(REMOVE);
    expect([outcome(refused), reasonOf(refused)]).toEqual(['FORBIDDEN', 'REAUTHENTICATION_REQUIRED']);

    const passwordOnly = await t.clients.remover.request(REAUTHENTICATE, { input: { password: TEST_PASSWORD } });
    expect(reasonOf(passwordOnly)).toBe('WRONG_SECOND_FACTOR_CODE');
    const wrongPassword = await t.clients.remover.request(REAUTHENTICATE, {
      input: { password: 'not the password at all', code: totpCodeAt(secret, later) },
    });
    expect(reasonOf(wrongPassword)).toBe('WRONG_PASSWORD');
    const proven = await t.clients.remover.request(REAUTHENTICATE, { input: { password: TEST_PASSWORD, code: totpCodeAt(secret, later) } });
    expect(proven.body.errors).toBeUndefined();

    const removed = await t.clients.remover.request(REMOVE);
    expect(removed.body.errors).toBeUndefined();
    expect(await securityEvents(member.userId)).toContain('TOTP_REMOVED');
    const remaining: unknown[] = await t.sql.query(`SELECT 1 FROM user_recovery_codes WHERE user_id = $1`, [member.userId]);
    expect(remaining).toHaveLength(0);
    // The password alone signs in again.
    const signedIn = await login(member);
    expect(signedIn.body.data!.login.auth).not.toBeNull();
  });

  it('counts every one of 8 parallel wrong codes on one challenge: five are checked and counted, the rest find it spent', async () => {
    const member = factors.members.burst;
    const start = new Date();
    const { secret } = await enrolTotp(t.clients.burst, start);
    const token = await challengeFor(member);
    const at = new Date(start.getTime() + STEP_MS);
    clockAt(at);
    const right = totpCodeAt(secret, at);
    const wrong = right === '000000' ? '111111' : '000000';
    const answers = await Promise.all(Array.from({ length: 8 }, () => complete(token, { code: wrong })));
    const reasons = answers.map(reasonOf);
    const wrongAnswers = reasons.filter((reason) => reason === 'WRONG_SECOND_FACTOR_CODE').length;
    expect(reasons.filter((reason) => reason === 'SECOND_FACTOR_CHALLENGE_ENDED')).toHaveLength(8 - wrongAnswers);
    // Each answer that was checked counted before the next was checked: the fifth spent the
    // challenge (and said so), the other three found it spent. None was checked uncounted.
    expect(wrongAnswers).toBe(MAX_CHALLENGE_FAILURES - 1);
    const [challenge]: Array<{ failures: number }> = await t.sql.query(
      `SELECT failures FROM auth_challenges WHERE user_id = $1 AND purpose = 'SECOND_FACTOR'`,
      [member.userId],
    );
    expect(challenge.failures).toBe(MAX_CHALLENGE_FAILURES);
    expect((await securityEvents(member.userId)).filter((kind) => kind === 'SECOND_FACTOR_FAILED')).toHaveLength(MAX_CHALLENGE_FAILURES);
    expect(await sessionMethod(member.userId)).toEqual([]);
    // The right code does not revive it.
    expect(reasonOf(await complete(token, { code: right }))).toBe('SECOND_FACTOR_CHALLENGE_ENDED');
  });

  it('refuses the second step, even with the right code, after ten wrong answers across challenges in the window', async () => {
    const member = factors.members.windowed;
    const start = new Date();
    const { secret } = await enrolTotp(t.clients.windowed, start);
    const at = new Date(start.getTime() + STEP_MS);
    clockAt(at);
    const right = totpCodeAt(secret, at);
    const wrong = right === '000000' ? '111111' : '000000';
    // Two challenges, each spent by its five wrong answers: ten in the window.
    for (let challenge = 1; challenge <= MAX_SECOND_FACTOR_FAILURES_PER_WINDOW / MAX_CHALLENGE_FAILURES; challenge += 1) {
      const token = await challengeFor(member);
      for (let answer = 1; answer <= MAX_CHALLENGE_FAILURES; answer += 1) await complete(token, { code: wrong });
    }
    expect((await securityEvents(member.userId)).filter((kind) => kind === 'SECOND_FACTOR_FAILED')).toHaveLength(
      MAX_SECOND_FACTOR_FAILURES_PER_WINDOW,
    );
    const refused = await complete(await challengeFor(member), { code: right });
    expect([outcome(refused), reasonOf(refused)]).toEqual(['UNAUTHENTICATED', 'TOO_MANY_ATTEMPTS']);
    expect(await sessionMethod(member.userId)).toEqual([]);
  });

  it('throttles wrong passwords on reauthenticate as at sign-in, without ending the session, and logs them', async () => {
    const member = factors.members.passwordGuesser;
    const client = t.clients.passwordGuesser;
    const at = new Date();
    clockAt(at);
    const reauthenticate = (password: string) => client.request(REAUTHENTICATE, { input: { password } });
    // Two typos cost nothing; the third failure asks for a wait (LOGIN_BACKOFF_BASE_SECONDS).
    for (let failure = 1; failure <= 3; failure += 1) {
      const refused = await reauthenticate('not the password at all');
      expect([outcome(refused), reasonOf(refused)]).toEqual(['BAD_USER_INPUT', 'WRONG_PASSWORD']);
    }
    const throttled = await reauthenticate('not the password at all');
    const baseSeconds = t.api.app.get<AppConfig>(APP_CONFIG).auth.loginBackoffBaseSeconds;
    expect(throttled.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: baseSeconds });
    // The wait holds for the right password too; the session itself stays usable.
    expect(reasonOf(await reauthenticate(TEST_PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    expect(outcome(await client.request(SESSIONS))).toBe('OK');
    expect((await securityEvents(member.userId)).filter((kind) => kind === 'SIGN_IN_FAILED')).toHaveLength(3);

    clockAt(new Date(at.getTime() + (baseSeconds + 1) * 1000));
    const proven = await reauthenticate(TEST_PASSWORD);
    expect(proven.body.errors).toBeUndefined();
  });

  it('counts wrong codes on reauthenticate as SECOND_FACTOR_FAILED and refuses after ten in the window', async () => {
    const member = factors.members.codeGuesser;
    const client = t.clients.codeGuesser;
    const start = new Date();
    const { secret } = await enrolTotp(client, start);
    const at = new Date(start.getTime() + STEP_MS);
    clockAt(at);
    const right = totpCodeAt(secret, at);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let failure = 1; failure <= MAX_SECOND_FACTOR_FAILURES_PER_WINDOW; failure += 1) {
      const refused = await client.request(REAUTHENTICATE, { input: { password: TEST_PASSWORD, code: wrong } });
      expect([outcome(refused), reasonOf(refused)]).toEqual(['BAD_USER_INPUT', 'WRONG_SECOND_FACTOR_CODE']);
    }
    expect((await securityEvents(member.userId)).filter((kind) => kind === 'SECOND_FACTOR_FAILED')).toHaveLength(
      MAX_SECOND_FACTOR_FAILURES_PER_WINDOW,
    );
    // Even the right code is not checked any more in the window; the session stays usable.
    const throttled = await client.request(REAUTHENTICATE, { input: { password: TEST_PASSWORD, code: right } });
    expect(throttled.body.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_ATTEMPTS',
      retryAfterSeconds: SECOND_FACTOR_FAILURE_WINDOW_MINUTES * 60,
    });
    expect(outcome(await client.request(SESSIONS))).toBe('OK');
  });

  it('accepts an invitation for an existing account with a factor, but signs in only through the second step', async () => {
    const member = factors.members.invitee;
    const start = new Date();
    const { secret } = await enrolTotp(t.clients.invitee, start);
    const token = `invitation-${Date.now()}-second-factor`;
    await t.sql.query(
      `INSERT INTO invitations (tenant_id, organization_id, email, roles, token_hash, invited_by_membership_id, expires_at)
       VALUES ($1, $2, $3, '{STAFF}', $4, $5, now() + interval '1 day')`,
      [other.tenantId, other.organizations.npo, member.email, hashSecretToken(token), other.members.otherAdmin.membershipId],
    );
    const sessionsBefore: unknown[] = await t.sql.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [member.userId]);
    const accepted = await graphql<{ acceptInvitation: { auth: unknown; secondFactor: { token: string; methods: string[] } | null } }>(
      t.api.url,
      `mutation Accept($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { auth { accessToken } secondFactor { token methods } } }`,
      { variables: { input: { token, password: TEST_PASSWORD } } },
    );
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data!.acceptInvitation.auth).toBeNull();
    expect(accepted.body.data!.acceptInvitation.secondFactor!.methods).toContain('TOTP');
    expect(accepted.headers.getSetCookie().some((cookie) => cookie.startsWith('tsunagu_refresh='))).toBe(false);
    // The invitation is accepted (the membership exists), but no session was opened.
    const memberships: unknown[] = await t.sql.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND tenant_id = $2`, [member.userId, other.tenantId]);
    expect(memberships).toHaveLength(1);
    expect(await t.sql.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [member.userId])).toHaveLength(sessionsBefore.length);

    const at = new Date(start.getTime() + STEP_MS);
    clockAt(at);
    const signedIn = await complete(accepted.body.data!.acceptInvitation.secondFactor!.token, { code: totpCodeAt(secret, at) });
    expect(signedIn.body.errors).toBeUndefined();
    expect(await sessionMethod(member.userId)).toEqual(['TOTP']);
  });
});

describe("the network's second-factor policy", () => {
  async function setPolicy(required: boolean, graceDays: number) {
    const response = await t.clients.policyAdmin.request(SET_POLICY, { input: { required, graceDays } });
    expect(response.body.errors).toBeUndefined();
  }

  async function signInWithPassword(member: TestMember): Promise<SignedInClient> {
    const response = await login(member);
    expect(response.body.errors).toBeUndefined();
    const auth = response.body.data!.login.auth;
    expect(auth).not.toBeNull();
    return {
      token: auth!.accessToken,
      refreshCookie: '',
      request: (query, variables) =>
        graphql(t.api.url, query, { variables, headers: { authorization: `Bearer ${auth!.accessToken}` } }),
    };
  }

  type Status = { me: { secondFactor: { enrolmentRequired: boolean; dueBy: string | null; blocked: boolean; requiredByPolicy: boolean } } };

  it('during the grace period asks a COORDINATOR to enrol at sign-in but lets them in; a TRAINER is not asked', async () => {
    await setPolicy(true, 30);
    const coordinator = await signInWithPassword(policy.members.coordinator);
    const status = await coordinator.request<Status>(STATUS);
    expect(status.body.data!.me.secondFactor).toMatchObject({ enrolmentRequired: true, blocked: false, requiredByPolicy: true });
    expect(new Date(status.body.data!.me.secondFactor.dueBy!).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
    expect(outcome(await coordinator.request(SESSIONS))).toBe('OK');

    const trainer = await signInWithPassword(policy.members.trainer);
    const trainerStatus = await trainer.request<Status>(STATUS);
    expect(trainerStatus.body.data!.me.secondFactor).toMatchObject({ enrolmentRequired: false, blocked: false, requiredByPolicy: false });

    const audit: Array<{ action: string }> = await t.sql.query(
      `SELECT action FROM audit_log WHERE tenant_id = $1 AND entity = 'Network' AND action = 'SECOND_FACTOR_POLICY_CHANGED'`,
      [policy.tenantId],
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(await securityEvents(policy.members.policyAdmin.userId)).toContain('SECOND_FACTOR_POLICY_CHANGED');
  });

  it('after the grace period lets a COORDINATOR do nothing but enrol, and not a TRAINER', async () => {
    await setPolicy(true, 0);
    const coordinator = await signInWithPassword(policy.members.coordinator);
    const status = await coordinator.request<Status>(STATUS);
    expect(status.body.data!.me.secondFactor).toMatchObject({ enrolmentRequired: true, blocked: true });
    const refused = await coordinator.request(SESSIONS);
    expect([outcome(refused), reasonOf(refused)]).toEqual(['FORBIDDEN', 'SECOND_FACTOR_ENROLMENT_REQUIRED']);
    const members = await coordinator.request(`query M($id: ID!) { members(organizationId: $id) { nodes { id } } }`, {
      id: policy.organizations.npo,
    });
    expect(reasonOf(members)).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');

    const trainer = await signInWithPassword(policy.members.trainer);
    expect(outcome(await trainer.request(SESSIONS))).toBe('OK');
    expect((await trainer.request<Status>(STATUS)).body.data!.me.secondFactor.blocked).toBe(false);

    // Enrolling is open, and it opens everything else.
    const { secret } = await enrolTotp(coordinator, new Date());
    expect(outcome(await coordinator.request(SESSIONS))).toBe('OK');
    expect((await coordinator.request<Status>(STATUS)).body.data!.me.secondFactor).toMatchObject({ enrolmentRequired: false, blocked: false });
    // The policy keeps the last factor in place.
    const removal = await coordinator.request(REMOVE);
    expect([outcome(removal), reasonOf(removal)]).toEqual(['FORBIDDEN', 'SECOND_FACTOR_REQUIRED_BY_POLICY']);
    expect(secret).toBeTruthy();
  });

  it("lists who has enrolled, page by page, without secrets", async () => {
    type Enrolments = {
      secondFactorEnrolments: { nodes: Array<Record<string, unknown>>; pageInfo: { endCursor: string; hasNextPage: boolean } };
    };
    const first = await t.clients.policyAdmin.request<Enrolments>(ENROLMENTS, { first: 2 });
    expect(first.body.errors).toBeUndefined();
    const second = await t.clients.policyAdmin.request<Enrolments>(ENROLMENTS, {
      first: 2,
      after: first.body.data!.secondFactorEnrolments.pageInfo.endCursor,
    });
    expect(first.body.data!.secondFactorEnrolments.pageInfo.hasNextPage).toBe(true);
    const nodes = [...first.body.data!.secondFactorEnrolments.nodes, ...second.body.data!.secondFactorEnrolments.nodes];
    const byEmail = Object.fromEntries(nodes.map((node) => [node['email'], node]));
    expect(Object.keys(byEmail).sort()).toEqual(Object.values(policy.members).map((member) => member.email).sort());
    expect(byEmail[policy.members.coordinator.email]).toMatchObject({ enrolled: true, methods: ['TOTP'], coveredByPolicy: true });
    expect(byEmail[policy.members.trainer.email]).toMatchObject({ enrolled: false, methods: [], coveredByPolicy: false });
    expect(JSON.stringify(nodes)).not.toMatch(/secret|otpauth/i);
  });

  it('applies a policy switched on after sign-in at the next refresh: then only enrolment is open', async () => {
    const signedIn = await signIn(t.api.url, late.members.lateCoordinator.email);
    expect(outcome(await signedIn.request(SESSIONS))).toBe('OK');
    // No grace: a member without a factor may only enrol from now on.
    const set = await t.clients.lateAdmin.request(SET_POLICY, { input: { required: true, graceDays: 0 } });
    expect(set.body.errors).toBeUndefined();

    const refreshed = await fetch(`${t.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: signedIn.refreshCookie },
      body: JSON.stringify({ query: REFRESH }),
    });
    const body = (await refreshed.json()) as { data?: { refreshSession: { accessToken: string } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    const coordinator = clientWith(t.api.url, body.data!.refreshSession.accessToken, refreshCookieFrom(refreshed.headers).split(';')[0]);
    const refused = await coordinator.request(SESSIONS);
    expect([outcome(refused), reasonOf(refused)]).toEqual(['FORBIDDEN', 'SECOND_FACTOR_ENROLMENT_REQUIRED']);
    expect((await coordinator.request<Status>(STATUS)).body.data!.me.secondFactor).toMatchObject({ enrolmentRequired: true, blocked: true });
  });

  it("keeps a network admin to their own network's policy and list", async () => {
    const before = await t.clients.policyAdmin.request<{ secondFactorPolicy: { required: boolean; graceUntil: string } }>(POLICY);
    const otherList = await t.clients.otherAdmin.request<{ secondFactorEnrolments: { nodes: Array<{ email: string }> } }>(ENROLMENTS);
    // Its own members (and the invitee who joined it above), none of the policy network's.
    const otherEmails = otherList.body.data!.secondFactorEnrolments.nodes.map((node) => node.email);
    expect(otherEmails.sort()).toEqual([...Object.values(other.members).map((member) => member.email), factors.members.invitee.email].sort());
    for (const member of Object.values(policy.members)) expect(otherEmails).not.toContain(member.email);
    const otherPolicy = await t.clients.otherAdmin.request<{ secondFactorPolicy: { required: boolean } }>(POLICY);
    expect(otherPolicy.body.data!.secondFactorPolicy.required).toBe(false);
    const changed = await t.clients.otherAdmin.request(SET_POLICY, { input: { required: false, graceDays: 0 } });
    expect(changed.body.errors).toBeUndefined();
    const after = await t.clients.policyAdmin.request<{ secondFactorPolicy: { required: boolean; graceUntil: string } }>(POLICY);
    expect(after.body.data!.secondFactorPolicy).toEqual(before.body.data!.secondFactorPolicy);
    expect(before.body.data!.secondFactorPolicy.required).toBe(true);
    const [row]: Array<{ since: Date | null }> = await t.sql.query(`SELECT second_factor_required_since AS since FROM networks WHERE id = $1`, [
      policy.tenantId,
    ]);
    expect(row.since).not.toBeNull();

    // Members who are not network admins see neither.
    for (const query of [POLICY, ENROLMENTS]) expect(outcome(await t.clients.otherStaff.request(query))).toBe('FORBIDDEN');
    expect(outcome(await t.clients.otherStaff.request(SET_POLICY, { input: { required: true, graceDays: 0 } }))).toBe('FORBIDDEN');
  });
});
