// A network's second-factor policy and who has enrolled (issue 18): network admins only, in their
// own network (the ability and row-level security both confine them to it).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  fallsUnderSecondFactorPolicy,
  MAX_SECOND_FACTOR_GRACE_DAYS,
  SECOND_FACTOR_POLICY_ROLES,
  type Role,
} from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordSecurityEvent } from '../../core/auth/security-log';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan } from '../../core/authz/authorize';
import { queryRows } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { assertCursorKey, decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import { SecondFactorMethod } from '../accounts/account.model';
import type { SecondFactorEnrolment, SecondFactorPolicy } from './second-factor.model';

const DAY_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class SecondFactorPolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  policy(actor: RequestActor): Promise<SecondFactorPolicy> {
    this.assertNetworkAdmin(actor);
    return runInTenant(this.dataSource, actor, (manager) => this.load(manager, actor.tenantId));
  }

  /**
   * Turns the policy on (members in the covered roles must enrol; until now + graceDays they may
   * postpone) or off. Turning it on again keeps the original start and sets a new grace period.
   */
  setPolicy(actor: RequestActor, required: boolean, graceDaysInput: number | null | undefined): Promise<SecondFactorPolicy> {
    this.assertNetworkAdmin(actor);
    const graceDays = graceDaysInput ?? 0;
    if (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > MAX_SECOND_FACTOR_GRACE_DAYS) {
      const message = {
        ja: `猶予期間は0〜${MAX_SECOND_FACTOR_GRACE_DAYS}日で指定してください。`,
        en: `Enter a grace period of 0 to ${MAX_SECOND_FACTOR_GRACE_DAYS} days.`,
      };
      throw new AppError('BAD_USER_INPUT', message, { reason: 'INVALID_GRACE_DAYS', fields: { graceDays: message } });
    }
    const now = this.clock.now();
    const graceUntil = required ? new Date(now.getTime() + graceDays * DAY_MS) : null;
    return runInTenant(this.dataSource, actor, async (manager) => {
      await manager.query(
        `UPDATE networks SET second_factor_required_since = CASE WHEN $2::boolean THEN COALESCE(second_factor_required_since, $3::timestamptz) END,
                             second_factor_grace_until = $4::timestamptz
          WHERE id = $1`,
        [actor.tenantId, required, now, graceUntil],
      );
      await recordAudit(manager, actor, {
        organizationId: null,
        entity: 'Network',
        entityId: actor.tenantId,
        action: 'SECOND_FACTOR_POLICY_CHANGED',
        changedFields: ['secondFactorRequiredSince', 'secondFactorGraceUntil'],
      });
      await recordSecurityEvent(manager, {
        userId: actor.userId,
        kind: 'SECOND_FACTOR_POLICY_CHANGED',
        networkId: actor.tenantId,
        sessionId: actor.sessionId,
      });
      return this.load(manager, actor.tenantId);
    });
  }

  /** The network's members, oldest membership first, with whether they have enrolled a factor. */
  enrolments(actor: RequestActor, first?: number | null, after?: string | null): Promise<Page<SecondFactorEnrolment>> {
    this.assertNetworkAdmin(actor);
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    if (cursor) assertCursorKey(cursor, 'timestamptz');
    return runInTenant(this.dataSource, actor, async (manager) => {
      const rows = await queryRows<{
        id: string;
        cursor_key: string;
        display_name: string;
        email: string;
        organization_name: string;
        roles: Role[];
        totp: boolean;
        passkey: boolean;
      }>(
        manager,
        `SELECT m.id, m.created_at::text AS cursor_key, u.display_name, u.email, o.name AS organization_name, m.roles,
                'TOTP' = ANY (u.second_factor_kinds) AS totp, 'PASSKEY' = ANY (u.second_factor_kinds) AS passkey
           FROM memberships m
           JOIN users u ON u.id = m.user_id
           JOIN organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id
          WHERE m.tenant_id = $1 AND m.disabled_at IS NULL
            AND ($2::timestamptz IS NULL OR (m.created_at, m.id) > ($2::timestamptz, $3::uuid))
          ORDER BY m.created_at, m.id LIMIT $4`,
        [actor.tenantId, cursor?.key ?? null, cursor?.id ?? null, size + 1],
      );
      const page = toPage(rows, size, (row) => ({ key: row.cursor_key, id: row.id }));
      return {
        ...page,
        nodes: page.nodes.map((row) => {
          const methods = [
            ...(row.totp ? [SecondFactorMethod.TOTP] : []),
            ...(row.passkey ? [SecondFactorMethod.PASSKEY] : []),
          ];
          return {
            membershipId: row.id,
            displayName: row.display_name,
            email: row.email,
            organizationName: row.organization_name,
            roles: row.roles,
            coveredByPolicy: fallsUnderSecondFactorPolicy(row.roles),
            enrolled: methods.length > 0,
            methods,
          };
        }),
      };
    });
  }

  private assertNetworkAdmin(actor: RequestActor): void {
    assertCan(actor, 'update', { __typename: 'Network', id: actor.tenantId });
  }

  private async load(manager: EntityManager, tenantId: string): Promise<SecondFactorPolicy> {
    const [row] = await queryRows<{ required_since: Date | null; grace_until: Date | null }>(
      manager,
      `SELECT second_factor_required_since AS required_since, second_factor_grace_until AS grace_until FROM networks WHERE id = $1`,
      [tenantId],
    );
    return {
      required: !!row?.required_since,
      requiredSince: row?.required_since ?? null,
      graceUntil: row?.grace_until ?? null,
      coveredRoles: [...SECOND_FACTOR_POLICY_ROLES],
    };
  }
}
