// Invitations and password resets by mail, end to end over real SMTP: the mail arrives with a
// working single-use link; accepting creates the account (or adds the membership to an
// existing one) and signs in; links expire, are single-use, and reveal nothing when wrong.
import { DataSource } from 'typeorm';
import { withClient, withDatabase } from '../../tools/lib/database-roles.cjs';
import { outcome, signIn, TestNetwork, TEST_PASSWORD } from '../support/accounts';
import { RunningApi, waitFor } from '../support/api';
import { graphql } from '../support/graphql';
import { linkTokenIn, mailJobsOptions, setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import { TestSmtpServer } from '../support/smtp';
import { TestDatabase } from '../support/test-database';

const t = setupApiTest({
  ...mailJobsOptions(),
  clients: false,
  networks: {
    network: oneOrganizationNetwork('invite-a', { npo: 'NPO' }, { admin: ['ORG_ADMIN'] }),
    other: oneOrganizationNetwork('invite-b', { npo: 'NPO' }, { admin: ['ORG_ADMIN'], colleague: ['STAFF'] }),
  },
});
let database: TestDatabase, api: RunningApi, smtp: TestSmtpServer, network: TestNetwork, other: TestNetwork;
beforeAll(() => ({ database, api, smtp, networks: { network, other } } = t));

async function mailTo(address: string, subject: RegExp) {
  await waitFor(
    async () => smtp.messages.some((message) => message.to && JSON.stringify(message.to).includes(address) && subject.test(message.subject ?? '')),
    `mail to ${address}`,
  );
  return smtp.messages.filter((message) => JSON.stringify(message.to).includes(address) && subject.test(message.subject ?? ''));
}

const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { auth { accessToken me { email displayName activeMembership { roles organization { id } } } } secondFactor { token } }
}`;

describe('invitations', () => {
  it('mails a working single-use link that creates the account and signs the invitee in', async () => {
    const admin = await signIn(api.url, network.members.admin.email);
    const invited = await admin.request(
      `mutation { inviteMember(input: { email: "Hanako.New@Example.JP", roles: [COORDINATOR], language: "en" }) { email roles } }`,
    );
    expect(invited.body.data).toEqual({ inviteMember: { email: 'hanako.new@example.jp', roles: ['COORDINATOR'] } });

    const [mail] = await mailTo('hanako.new@example.jp', /invit/i);
    const token = linkTokenIn(mail.text, '/invitations/accept');

    const preview = await graphql(api.url, `{ invitationPreview(token: "${token}") { email organizationName networkName roles existingAccount } }`);
    expect(preview.body.data).toEqual({
      invitationPreview: {
        email: 'hanako.new@example.jp',
        organizationName: 'invite-a npo',
        networkName: 'invite-a',
        roles: ['COORDINATOR'],
        existingAccount: false,
      },
    });

    const weak = await graphql(api.url, ACCEPT, { variables: { input: { token, displayName: '新 花子', password: 'password1234' } } });
    expect(weak.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_COMMON' });

    const accepted = await graphql<{ acceptInvitation: { auth: { me: { email: string; activeMembership: { roles: string[]; organization: { id: string } } } } } }>(
      api.url,
      ACCEPT,
      { variables: { input: { token, displayName: '新 花子', password: 'spring comes to chuo city' } } },
    );
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data!.acceptInvitation.auth.me).toMatchObject({
      email: 'hanako.new@example.jp',
      activeMembership: { roles: ['COORDINATOR'], organization: { id: network.organizations.npo } },
    });
    expect(accepted.headers.getSetCookie()[0]).toMatch(/^tsunagu_refresh=/);

    // Single use: the same link does nothing the second time.
    const again = await graphql(api.url, ACCEPT, { variables: { input: { token, displayName: 'x', password: 'spring comes to chuo city' } } });
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INVITATION' });

    // The new member signs in normally and sees the organisation's members.
    const member = await signIn(api.url, 'hanako.new@example.jp', 'spring comes to chuo city');
    const members = await member.request<{ members: { nodes: Array<{ user: { email: string } }> } }>(
      `{ members(organizationId: "${network.organizations.npo}") { nodes { user { email } } } }`,
    );
    expect(members.body.data!.members.nodes.map((node) => node.user.email).sort()).toEqual([
      network.members.admin.email,
      'hanako.new@example.jp',
    ]);
  });

  it('adds a membership to an existing account, which must give its own password', async () => {
    const admin = await signIn(api.url, network.members.admin.email);
    const email = other.members.colleague.email;
    await admin.request(`mutation { inviteMember(input: { email: "${email}", roles: [STAFF] }) { id } }`);
    const [mail] = await mailTo(email, /./);
    expect(mail.subject).toMatch(/招待/); // Japanese unless asked otherwise
    const token = linkTokenIn(mail.text, '/invitations/accept');
    const preview = await graphql<{ invitationPreview: { existingAccount: boolean } }>(
      api.url,
      `{ invitationPreview(token: "${token}") { existingAccount } }`,
    );
    expect(preview.body.data!.invitationPreview.existingAccount).toBe(true);

    const wrong = await graphql(api.url, ACCEPT, { variables: { input: { token, password: 'not my password at all' } } });
    expect(wrong.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_PASSWORD' });
    const accepted = await graphql<{ acceptInvitation: { auth: { me: { activeMembership: { organization: { id: string } } } } } }>(
      api.url,
      ACCEPT,
      { variables: { input: { token, password: TEST_PASSWORD } } },
    );
    expect(accepted.body.data!.acceptInvitation.auth.me.activeMembership.organization.id).toBe(network.organizations.npo);
    const me = await (await signIn(api.url, email)).request<{ me: { memberships: unknown[] } }>('{ me { memberships { id } } }');
    expect(me.body.data!.me.memberships).toHaveLength(2);
  });

  it('refuses an unknown, revoked or expired link without saying which', async () => {
    const admin = await signIn(api.url, network.members.admin.email);
    const created = await admin.request<{ inviteMember: { id: string } }>(
      `mutation { inviteMember(input: { email: "late@example.jp", roles: [STAFF] }) { id } }`,
    );
    const [mail] = await mailTo('late@example.jp', /./);
    const token = linkTokenIn(mail.text, '/invitations/accept');
    const owner = await new DataSource({ type: 'postgres', url: database.ownerUrl }).initialize();
    await owner.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [network.tenantId]);
      await manager.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        created.body.data!.inviteMember.id,
      ]);
    });
    await owner.destroy();
    const expired = await graphql(api.url, `{ invitationPreview(token: "${token}") { email } }`);
    const unknown = await graphql(api.url, `{ invitationPreview(token: "not-a-real-token") { email } }`);
    expect(expired.body.errors?.[0]).toEqual(unknown.body.errors?.[0]);
    expect(expired.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INVITATION' });
  });

  it('opens neither invitation when two networks hold the same token hash', async () => {
    const admin = await signIn(api.url, network.members.admin.email);
    const created = await admin.request<{ inviteMember: { id: string } }>(
      `mutation { inviteMember(input: { email: "twice@example.jp", roles: [STAFF] }) { id } }`,
    );
    const [mail] = await mailTo('twice@example.jp', /./);
    const token = linkTokenIn(mail.text, '/invitations/accept');
    const preview = `{ invitationPreview(token: "${token}") { email } }`;
    expect((await graphql(api.url, preview)).body.data).toEqual({ invitationPreview: { email: 'twice@example.jp' } });
    // The hash is unique per network only: a row in another network with the same hash (which
    // no token generator should ever produce) makes the token open nothing.
    await withClient(withDatabase(database.superuserUrl, database.name), (client) =>
      client.query(
        `INSERT INTO invitations (tenant_id, organization_id, email, roles, token_hash, invited_by_membership_id, expires_at)
         SELECT $1, $2, email, roles, token_hash, $3, expires_at FROM invitations WHERE id = $4`,
        [other.tenantId, other.members.admin.organizationId, other.members.admin.membershipId, created.body.data!.inviteMember.id],
      ),
    );
    const twice = await graphql(api.url, preview);
    expect(twice.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INVITATION' });
    const accepted = await graphql(api.url, ACCEPT, { variables: { input: { token, displayName: '二重', password: 'spring comes to chuo city' } } });
    expect(accepted.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INVITATION' });
  });

  it('refuses to invite an existing member, or a malformed address', async () => {
    const admin = await signIn(api.url, network.members.admin.email);
    const member = await admin.request(`mutation { inviteMember(input: { email: "${network.members.admin.email}", roles: [STAFF] }) { id } }`);
    expect(member.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_MEMBER' });
    const malformed = await admin.request(`mutation { inviteMember(input: { email: "not an address", roles: [STAFF] }) { id } }`);
    expect(malformed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: expect.any(Object) } });
    const none = await admin.request(`mutation { inviteMember(input: { email: "empty@example.jp", roles: [] }) { id } }`);
    expect(none.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_ROLES' });
  });
});

describe('password reset', () => {
  it('mails a one-hour single-use link; the reset ends every session; unknown emails look the same', async () => {
    const email = other.members.admin.email;
    const before = await signIn(api.url, email);
    const known = await graphql(api.url, `mutation { requestPasswordReset(email: "${email.toUpperCase()}") }`);
    const unknown = await graphql(api.url, `mutation { requestPasswordReset(email: "nobody-here@example.jp") }`);
    expect(known.body).toEqual(unknown.body);
    expect(known.body.data).toEqual({ requestPasswordReset: true });

    const [mail] = await mailTo(email, /./);
    const token = linkTokenIn(mail.text, '/reset-password');
    const reset = (password: string) =>
      graphql(api.url, `mutation Reset($token: String!, $password: String!) { resetPassword(input: { token: $token, newPassword: $password }) }`, {
        variables: { token, password },
      });
    expect((await reset('short')).body.errors?.[0].extensions).toMatchObject({ reason: 'PASSWORD_TOO_SHORT' });
    expect((await reset('a fresh start for spring')).body.data).toEqual({ resetPassword: true });
    expect((await reset('another new passphrase')).body.errors?.[0].extensions).toMatchObject({ reason: 'INVALID_RESET_TOKEN' });

    expect(outcome(await before.request('{ mySessions { id } }'))).toBe('UNAUTHENTICATED');
    await expect(signIn(api.url, email)).rejects.toThrow(/Sign-in failed/);
    await expect(signIn(api.url, email, 'a fresh start for spring')).resolves.toBeDefined();
    expect(smtp.messages.filter((message) => JSON.stringify(message.to).includes('nobody-here'))).toEqual([]);
  });
});
