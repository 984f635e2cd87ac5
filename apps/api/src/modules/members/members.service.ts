// Members of organisations: listing, invitations (mail through the outbox), accepting an
// invitation, changing roles and disabling. Every change is audited in its own transaction.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  grantableRoles,
  isPlausibleEmail,
  LocalizedText,
  normalizeEmail,
  type OrganizationKind,
  Role,
  roleNotAllowedMessage,
  rolesNotAllowedInKind,
  SUPPORTED_LANGUAGES,
  SupportedLanguage,
} from '@tsunagu/domain';
import type { MembershipSubject } from '@tsunagu/authz';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { PasswordHasher } from '../../core/auth/password-hasher';
import { assertAcceptablePassword } from '../../core/auth/password-policy';
import { hashSecretToken, newSecretToken } from '../../core/auth/secret-tokens';
import { SessionTokens } from '../../core/auth/session-tokens';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan, notFound } from '../../core/authz/authorize';
import { oneOrNotFound, queryRows } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { MailOutbox } from '../../core/mail';
import { enterInvitedNetwork, runInAuthContext, runInTenant } from '../../core/tenancy/tenant-transaction';
import type { ClientInfo } from '../../core/auth/security-log';
import { applySecondFactorPolicy } from '../../core/auth/second-factors';
import { Clock } from '../../core/time/clock';
import { AccountsService, SignInStep } from '../accounts/accounts.service';
import { MEMBERSHIP_COLUMNS, MEMBERSHIP_JOINS, MembershipRow, toMembership } from './membership.mapper';
import type { Invitation, InvitationPreview, Membership } from './membership.model';
import { camelized } from '../../core/database/rows';
import { requireId } from '../../core/graphql/ids';

const INVITATION_TTL_DAYS = 7;
const MEMBERSHIP = { ja: 'メンバー', en: 'member' };
const INVITATION = { ja: '招待', en: 'invitation' };
const ORGANIZATION = { ja: '団体', en: 'organisation' };
const INVALID_INVITATION: LocalizedText = {
  ja: 'この招待リンクは無効か、有効期限（7日間）が切れています。招待した方に再送を依頼してください。',
  en: 'This invitation link is invalid or has expired (links last 7 days). Please ask for a new invitation.',
};

interface InvitationRow {
  id: string;
  organization_id: string;
  email: string;
  roles: Role[];
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

const INVITATION_COLUMNS = `id, organization_id, email, roles, expires_at, accepted_at, revoked_at, created_at`;

function toInvitation(row: InvitationRow): Invitation {
  return camelized(row);
}

function badInput(field: string, message: LocalizedText, reason: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { reason, fields: { [field]: message } });
}

/**
 * A role the organisation's kind does not allow (ROLE_KINDS in libs/domain): refused whoever
 * asks, a network admin too. The database refuses it again (memberships_roles_allowed_by_kind).
 */
export function assertRolesAllowedInKind(roles: readonly Role[], kind: OrganizationKind, field = 'roles'): void {
  const [refused] = rolesNotAllowedInKind(roles, kind);
  if (refused) throw badInput(field, roleNotAllowedMessage(refused, kind), 'ROLE_NOT_ALLOWED_FOR_KIND');
}

/** Roles must be a non-empty set the organisation's kind allows and the granter may give. */
function checkRoles(actor: RequestActor, roles: readonly Role[], kind: OrganizationKind, previous: readonly Role[] = []): Role[] {
  const unique = [...new Set(roles)];
  if (!unique.length) {
    throw badInput('roles', { ja: '役割を1つ以上選んでください。', en: 'Choose at least one role.' }, 'NO_ROLES');
  }
  assertRolesAllowedInKind(unique, kind);
  const allowed = grantableRoles(actor.roles);
  const changed = [...unique.filter((role) => !previous.includes(role)), ...previous.filter((role) => !unique.includes(role))];
  if (changed.some((role) => !allowed.includes(role))) {
    throw new AppError('FORBIDDEN', {
      ja: 'この役割を付与・変更する権限がありません。',
      en: 'You are not allowed to give or change this role.',
    });
  }
  return unique;
}

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailOutbox,
    private readonly hasher: PasswordHasher,
    private readonly tokens: SessionTokens,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  list(actor: RequestActor, organizationId: string, first?: number | null, after?: string | null): Promise<Page<Membership>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    return runInTenant(this.dataSource, actor, async (manager) => {
      await this.assertOrganization(manager, actor, organizationId);
      const subject: MembershipSubject = { __typename: 'Membership', organizationId, userId: '', roles: [] };
      assertCan(actor, 'read', subject);
      const rows: Array<MembershipRow & { cursor_key: string }> = await manager.query(
        `SELECT ${MEMBERSHIP_COLUMNS}, m.created_at::text AS cursor_key FROM memberships m ${MEMBERSHIP_JOINS}
          WHERE m.tenant_id = $1 AND m.organization_id = $2
            AND ($3::timestamptz IS NULL OR (m.created_at, m.id) > ($3::timestamptz, $4::uuid))
          ORDER BY m.created_at, m.id LIMIT $5`,
        [actor.tenantId, organizationId, cursor?.key ?? null, cursor?.id ?? null, size + 1],
      );
      // The cursor keeps the database's microseconds: a JS Date would round them to ms.
      const page = toPage(rows, size, (row) => ({ key: row.cursor_key, id: row.id }));
      return { ...page, nodes: page.nodes.map(toMembership) };
    });
  }

  pendingInvitations(actor: RequestActor, organizationId: string): Promise<Invitation[]> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      await this.assertOrganization(manager, actor, organizationId);
      assertCan(actor, 'read', { __typename: 'Invitation', organizationId });
      const rows: InvitationRow[] = await manager.query(
        `SELECT ${INVITATION_COLUMNS} FROM invitations
          WHERE tenant_id = $1 AND organization_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
          ORDER BY created_at DESC, id LIMIT 200`,
        [actor.tenantId, organizationId],
      );
      return rows.map(toInvitation);
    });
  }

  async invite(
    actor: RequestActor,
    input: { organizationId?: string | null; email: string; roles: Role[]; language?: string | null },
  ): Promise<Invitation> {
    const organizationId = input.organizationId ?? actor.organizationId;
    const email = normalizeEmail(input.email);
    if (!isPlausibleEmail(email)) {
      throw badInput(
        'email',
        { ja: 'メールアドレスの形式が正しくありません。', en: 'This is not a valid email address.' },
        'INVALID_EMAIL',
      );
    }
    const language = (input.language ?? 'ja') as SupportedLanguage;
    if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(language)) {
      throw badInput('language', { ja: '言語は ja か en です。', en: 'The language must be ja or en.' }, 'INVALID_LANGUAGE');
    }
    return runInTenant(this.dataSource, actor, async (manager) => {
      const organization = await this.assertOrganization(manager, actor, organizationId);
      assertCan(actor, 'create', { __typename: 'Invitation', organizationId });
      const roles = checkRoles(actor, input.roles, organization.kind);
      const existing: unknown[] = await manager.query(
        `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.tenant_id = $1 AND m.organization_id = $2 AND u.email = $3`,
        [actor.tenantId, organizationId, email],
      );
      if (existing.length) {
        throw new AppError(
          'CONFLICT',
          { ja: 'この方はすでにこの団体のメンバーです。', en: 'This person is already a member of this organisation.' },
          { reason: 'ALREADY_MEMBER' },
        );
      }
      // A new invitation replaces any pending one for the same address.
      await manager.query(
        `UPDATE invitations SET revoked_at = now()
          WHERE tenant_id = $1 AND organization_id = $2 AND email = $3 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [actor.tenantId, organizationId, email],
      );
      const { token, hash } = newSecretToken();
      const [row]: InvitationRow[] = await manager.query(
        `INSERT INTO invitations (tenant_id, organization_id, email, roles, token_hash, invited_by_membership_id, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) RETURNING ${INVITATION_COLUMNS}`,
        [actor.tenantId, organizationId, email, roles, hash, actor.membershipId, INVITATION_TTL_DAYS],
      );
      const [network]: Array<{ name: string }> = await manager.query(`SELECT name FROM networks WHERE id = $1`, [
        actor.tenantId,
      ]);
      await this.mail.enqueue(manager, {
        to: email,
        language,
        template: {
          kind: 'invitation',
          inviterName: actor.displayName,
          organizationName: organization.name,
          networkName: network.name,
          acceptUrl: this.mail.link(`/invitations/accept?token=${encodeURIComponent(token)}`),
          expiresAt: row.expires_at,
        },
      });
      await recordAudit(manager, actor, {
        organizationId,
        entity: 'Invitation',
        entityId: row.id,
        action: 'CREATED',
        changedFields: ['email', 'roles'],
      });
      return toInvitation(row);
    });
  }

  revokeInvitation(actor: RequestActor, id: string): Promise<Invitation> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      requireId(id, INVITATION);
      const [current]: InvitationRow[] = await manager.query(
        `SELECT ${INVITATION_COLUMNS} FROM invitations WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [actor.tenantId, id],
      );
      if (!current) throw notFound(INVITATION);
      assertCan(actor, 'delete', { __typename: 'Invitation', organizationId: current.organization_id });
      if (current.accepted_at || current.revoked_at) return toInvitation(current);
      const [row] = await queryRows<InvitationRow>(
        manager,
        `UPDATE invitations SET revoked_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING ${INVITATION_COLUMNS}`,
        [actor.tenantId, id],
      );
      await recordAudit(manager, actor, {
        organizationId: current.organization_id,
        entity: 'Invitation',
        entityId: id,
        action: 'REVOKED',
        changedFields: ['revokedAt'],
      });
      return toInvitation(row);
    });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const rows: Array<InvitationRow & { organization_name: string; network_name: string; existing: boolean }> =
      await runInAuthContext(this.dataSource, (manager) =>
        manager.query(
          `SELECT i.email, i.roles, i.expires_at, o.name AS organization_name, n.name AS network_name,
                  EXISTS (SELECT 1 FROM users u WHERE u.email = i.email) AS existing
             FROM invitations i
             JOIN organizations o ON o.tenant_id = i.tenant_id AND o.id = i.organization_id
             JOIN networks n ON n.id = i.tenant_id
            WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
            LIMIT 2`,
          [hashSecretToken(token)],
        ),
      );
    // The hash is unique per network only: a token that two networks' rows match opens neither.
    const [row] = rows.length === 1 ? rows : [];
    if (!row) throw new AppError('BAD_USER_INPUT', INVALID_INVITATION, { reason: 'INVALID_INVITATION' });
    return {
      email: row.email,
      roles: row.roles,
      expiresAt: row.expires_at,
      organizationName: row.organization_name,
      networkName: row.network_name,
      existingAccount: row.existing,
    };
  }

  async accept(
    input: { token: string; password: string; displayName?: string | null; preferredLanguage?: string | null },
    client: ClientInfo,
  ): Promise<SignInStep> {
    const language = input.preferredLanguage ?? 'ja';
    if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(language)) {
      throw badInput('preferredLanguage', { ja: '言語は ja か en です。', en: 'The language must be ja or en.' }, 'INVALID_LANGUAGE');
    }
    const outcome = await runInAuthContext(this.dataSource, async (manager) => {
      const matches: Array<InvitationRow & { tenant_id: string }> = await manager.query(
        `SELECT tenant_id, ${INVITATION_COLUMNS} FROM invitations
          WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() LIMIT 2 FOR UPDATE`,
        [hashSecretToken(input.token)],
      );
      // The hash is unique per network only (defence in depth): two matching rows accept neither.
      const [invitation] = matches.length === 1 ? matches : [];
      if (!invitation) throw new AppError('BAD_USER_INPUT', INVALID_INVITATION, { reason: 'INVALID_INVITATION' });
      // From here on the work belongs to the invitation's network.
      await enterInvitedNetwork(manager, invitation.tenant_id);
      // The organisation's kind may have changed since the invitation was sent (a kind change
      // refuses pending invitations that it would break, but this stays the last word).
      const [organization]: Array<{ kind: OrganizationKind }> = await manager.query(
        `SELECT kind FROM organizations WHERE tenant_id = $1 AND id = $2 FOR SHARE`,
        [invitation.tenant_id, invitation.organization_id],
      );
      assertRolesAllowedInKind(invitation.roles, organization.kind);
      const [user]: Array<{ id: string; password_hash: string; disabled_at: Date | null }> = await manager.query(
        `SELECT id, password_hash, disabled_at FROM users WHERE email = $1 FOR UPDATE`,
        [invitation.email],
      );
      let userId: string;
      if (user) {
        if (user.disabled_at || !(await this.hasher.verify(user.password_hash, input.password))) {
          throw badInput(
            'password',
            {
              ja: 'このメールアドレスのアカウントはすでにあります。そのアカウントのパスワードを入力してください。',
              en: 'An account with this email already exists. Enter that account’s password.',
            },
            'WRONG_PASSWORD',
          );
        }
        userId = user.id;
      } else {
        const displayName = input.displayName?.trim() ?? '';
        if (displayName.length < 1 || displayName.length > 100) {
          throw badInput(
            'displayName',
            { ja: '表示名を1〜100文字で入力してください。', en: 'Enter a display name of 1 to 100 characters.' },
            'INVALID_DISPLAY_NAME',
          );
        }
        assertAcceptablePassword(input.password);
        const [created]: Array<{ id: string }> = await manager.query(
          `INSERT INTO users (email, display_name, preferred_language, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
          [invitation.email, displayName, language, await this.hasher.hash(input.password)],
        );
        userId = created.id;
      }
      const [membership]: Array<{ id: string }> = await manager
        .query(
          `INSERT INTO memberships (tenant_id, user_id, organization_id, roles) VALUES ($1, $2, $3, $4) RETURNING id`,
          [invitation.tenant_id, userId, invitation.organization_id, invitation.roles],
        )
        .catch((error: unknown) => {
          if ((error as { code?: string }).code === '23505') {
            throw new AppError(
              'CONFLICT',
              { ja: 'すでにこの団体のメンバーです。', en: 'You are already a member of this organisation.' },
              { reason: 'ALREADY_MEMBER' },
            );
          }
          throw error;
        });
      await manager.query(`UPDATE invitations SET accepted_at = now() WHERE id = $1 AND tenant_id = $2`, [
        invitation.id,
        invitation.tenant_id,
      ]);
      const newMember = { tenantId: invitation.tenant_id, userId, membershipId: membership.id, organizationId: invitation.organization_id };
      await recordAudit(manager, newMember, {
        entity: 'Membership',
        entityId: membership.id,
        action: 'CREATED_BY_INVITATION',
        changedFields: ['roles'],
      });
      // Accepting with an existing account's password is a sign-in: an account with a second
      // factor accepts the invitation but gets the second step, not a session.
      if (user) {
        const pending = await this.accounts.secondStepIfEnrolled(manager, userId, client);
        if (pending) return { kind: 'second-factor' as const, pending };
      }
      const session = await this.tokens.createSession(manager, userId, membership.id, client);
      await applySecondFactorPolicy(manager, { userId, membershipId: membership.id, sessionId: session.sessionId, now: this.clock.now() });
      return { kind: 'signed-in' as const, userId, membershipId: membership.id, session };
    });
    if (outcome.kind === 'second-factor') return { signedIn: null, secondFactor: outcome.pending };
    return {
      signedIn: await this.accounts.signedIn(outcome.userId, outcome.session.sessionId, outcome.membershipId, outcome.session),
      secondFactor: null,
    };
  }

  updateRoles(actor: RequestActor, membershipId: string, roles: Role[]): Promise<Membership> {
    return this.changeMembership(actor, membershipId, async (manager, current) => {
      const next = checkRoles(actor, roles, current.organization.kind, current.roles);
      await manager.query(`UPDATE memberships SET roles = $3 WHERE tenant_id = $1 AND id = $2`, [
        actor.tenantId,
        membershipId,
        next,
      ]);
      return { action: 'ROLES_CHANGED', fields: ['roles'] };
    });
  }

  async setDisabled(actor: RequestActor, membershipId: string, disabled: boolean): Promise<Membership> {
    const membership = await this.changeMembership(actor, membershipId, async (manager) => {
      await manager.query(
        `UPDATE memberships SET disabled_at = ${disabled ? 'coalesce(disabled_at, now())' : 'NULL'}
          WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, membershipId],
      );
      return { action: disabled ? 'DISABLED' : 'ENABLED', fields: ['disabled'] };
    });
    if (disabled) {
      // Requests through this membership already fail (ActorLoader); end its sessions too.
      await runInAuthContext(this.dataSource, (manager) =>
        this.accounts.revokeSessions(manager, `active_membership_id = $1`, [membershipId], 'DISABLED'),
      );
    }
    return membership;
  }

  private async changeMembership(
    actor: RequestActor,
    membershipId: string,
    change: (manager: EntityManager, current: Membership) => Promise<{ action: string; fields: string[] }>,
  ): Promise<Membership> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.loadMembership(manager, actor, membershipId, true);
      const subject: MembershipSubject = {
        __typename: 'Membership',
        organizationId: current.organization.id,
        userId: current.user.id,
        roles: current.roles,
      };
      assertCan(actor, 'update', subject);
      if (current.id === actor.membershipId) {
        throw new AppError(
          'FORBIDDEN',
          {
            ja: '自分自身の役割や利用状態は変更できません。別の管理者に依頼してください。',
            en: 'You cannot change your own roles or status. Please ask another administrator.',
          },
          { reason: 'SELF_CHANGE' },
        );
      }
      const { action, fields } = await change(manager, current);
      await recordAudit(manager, actor, {
        organizationId: current.organization.id,
        entity: 'Membership',
        entityId: membershipId,
        action,
        changedFields: fields,
      });
      return this.loadMembership(manager, actor, membershipId, false);
    });
  }

  private async loadMembership(
    manager: EntityManager,
    actor: RequestActor,
    membershipId: string,
    forUpdate: boolean,
  ): Promise<Membership> {
    requireId(membershipId, MEMBERSHIP);
    const row = await oneOrNotFound<MembershipRow>(
      manager,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships m ${MEMBERSHIP_JOINS}
        WHERE m.tenant_id = $1 AND m.id = $2${forUpdate ? ' FOR UPDATE OF m' : ''}`,
      [actor.tenantId, membershipId],
      MEMBERSHIP,
    );
    return toMembership(row);
  }

  private async assertOrganization(
    manager: EntityManager,
    actor: RequestActor,
    organizationId: string,
  ): Promise<{ id: string; name: string; kind: OrganizationKind }> {
    requireId(organizationId, ORGANIZATION);
    return oneOrNotFound<{ id: string; name: string; kind: OrganizationKind }>(
      manager,
      `SELECT id, name, kind FROM organizations WHERE tenant_id = $1 AND id = $2`,
      [actor.tenantId, organizationId],
      ORGANIZATION,
    );
  }
}
