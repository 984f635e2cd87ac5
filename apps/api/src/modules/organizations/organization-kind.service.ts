// Changing an organisation's kind (issue 14, finding 1). The kind decides which consents reach the
// organisation (a consent may name recipients by kind: "to any MUNICIPALITY") and which roles it
// may hold (ROLE_KINDS), so it is no profile field: only a network admin changes it, after seeing
// its effect on consents, as its own audited step. The preview and the change compute the effect
// with the same query, and the change is refused when the effect is no longer the one confirmed.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ALL_ROLES,
  ORGANIZATION_KIND_LABELS,
  type OrganizationKind,
  type PersonalDataCategory,
  PERSONAL_DATA_CATEGORIES,
  type Role,
  rolesNotAllowedInKind,
} from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan } from '../../core/authz/authorize';
import { oneOrNotFound } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import type { ChangeOrganizationKindInput } from './dto/organization.input';
import type { KindChangeBlocker, OrganizationKindChangePreview } from './organization-kind-change.model';
import type { Organization } from './organization.model';
import { OrganizationsService } from './organizations.service';
import { requireId } from '../../core/graphql/ids';

const ORGANIZATION = { ja: '団体', en: 'organisation' };

/**
 * Per category, the people of other organisations (status ACTIVE) whose data this organisation
 * can read under at least one active consent now ($3 = current kind) and after ($4 = new kind).
 * A consent naming the organisation itself counts for both. Any purpose counts: the preview asks
 * whether the data becomes reachable at all; the reader still applies the purpose on each read.
 */
const EFFECT_SQL = `
  WITH active AS (
    SELECT c.person_id, c.categories, c.recipient_kinds,
           c.recipient_organization_ids @> ARRAY[$2::uuid] AS names_organization
      FROM consents c
      JOIN persons p ON p.tenant_id = c.tenant_id AND p.id = c.person_id
     WHERE c.tenant_id = $1 AND p.status = 'ACTIVE' AND p.organization_id <> $2
       AND c.revoked_at IS NULL AND c.valid_from <= now() AND (c.valid_until IS NULL OR c.valid_until > now())
       AND (c.recipient_organization_ids @> ARRAY[$2::uuid] OR c.recipient_kinds && ARRAY[$3::text, $4::text])
  ), reach AS (
    SELECT a.person_id, category,
           bool_or(a.names_organization OR a.recipient_kinds @> ARRAY[$3::text]) AS before,
           bool_or(a.names_organization OR a.recipient_kinds @> ARRAY[$4::text]) AS after
      FROM active a, unnest(a.categories) AS category
     GROUP BY a.person_id, category
  )
  SELECT 'CONSENTS' AS category,
         (SELECT count(*) FROM active WHERE recipient_kinds @> ARRAY[$3::text])::int AS stops,
         (SELECT count(*) FROM active WHERE recipient_kinds @> ARRAY[$4::text])::int AS starts
  UNION ALL
  SELECT 'PEOPLE',
         count(DISTINCT person_id) FILTER (WHERE before AND NOT after)::int,
         count(DISTINCT person_id) FILTER (WHERE after AND NOT before)::int
    FROM reach
  UNION ALL
  SELECT category,
         count(*) FILTER (WHERE before AND NOT after)::int,
         count(*) FILTER (WHERE after AND NOT before)::int
    FROM reach GROUP BY category`;

@Injectable()
export class OrganizationKindService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  preview(actor: RequestActor, id: string, kind: OrganizationKind): Promise<OrganizationKindChangePreview> {
    assertCan(actor, 'update', { __typename: 'OrganizationKindChange', organizationId: id });
    return runInTenant(this.dataSource, actor, async (manager) => {
      const fromKind = await this.currentKind(manager, actor, id, false);
      return this.effect(manager, actor, id, fromKind, kind);
    });
  }

  async change(actor: RequestActor, input: ChangeOrganizationKindInput): Promise<Organization> {
    assertCan(actor, 'update', { __typename: 'OrganizationKindChange', organizationId: input.id });
    await runInTenant(this.dataSource, actor, async (manager) => {
      // The row lock makes memberships and invitations of this organisation wait (their trigger
      // locks it FOR SHARE), so no role can slip in between the check and the change.
      const fromKind = await this.currentKind(manager, actor, input.id, true);
      if (fromKind === input.kind) {
        throw new AppError(
          'BAD_USER_INPUT',
          { ja: 'この団体はすでにこの種別です。', en: 'The organisation already is of this kind.' },
          { reason: 'KIND_UNCHANGED', fields: { kind: { ja: '現在と異なる種別を選んでください。', en: 'Choose a kind other than the current one.' } } },
        );
      }
      const effect = await this.effect(manager, actor, input.id, fromKind, input.kind);
      if (effect.blockers.length) {
        const names = effect.blockers.map((blocker) => `${blocker.name}（${blocker.refusedRoles.join('・')}）`).join('、');
        const to = ORGANIZATION_KIND_LABELS[input.kind];
        throw new AppError(
          'CONFLICT',
          {
            ja: `${to.ja}の団体には持てない役割をもつメンバーまたは招待があるため、種別を変更できません: ${names}。先にその役割を外すか招待を取り消してください。`,
            en: `The kind cannot change while members or invitations hold roles an organisation of the kind “${to.en}” may not hold: ${names}. Remove those roles or revoke the invitations first.`,
          },
          { reason: 'ROLES_NOT_ALLOWED_FOR_NEW_KIND' },
        );
      }
      if (
        effect.peopleNoLongerReadable !== input.confirmedPeopleNoLongerReadable ||
        effect.peopleNewlyReadable !== input.confirmedPeopleNewlyReadable
      ) {
        throw new AppError(
          'CONFLICT',
          {
            ja: `確認した内容から影響が変わりました（閲覧できなくなる人 ${effect.peopleNoLongerReadable} 人、新たに閲覧できるようになる人 ${effect.peopleNewlyReadable} 人）。もう一度内容を確認してください。`,
            en: `The effect changed since it was confirmed (${effect.peopleNoLongerReadable} people would no longer be readable, ${effect.peopleNewlyReadable} newly readable). Review it again.`,
          },
          { reason: 'KIND_CHANGE_EFFECT_CHANGED' },
        );
      }
      await manager.query(`UPDATE organizations SET kind = $3 WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, input.id, input.kind]);
      // The audit trail holds field names, never values; a kind is no personal data, so the
      // action names both kinds, e.g. KIND_CHANGED:NPO:MUNICIPALITY.
      await recordAudit(manager, actor, {
        organizationId: input.id,
        entity: 'Organization',
        entityId: input.id,
        action: `KIND_CHANGED:${fromKind}:${input.kind}`,
        changedFields: ['kind'],
      });
    });
    return this.organizations.get(actor, input.id);
  }

  private async currentKind(manager: EntityManager, actor: RequestActor, id: string, forUpdate: boolean): Promise<OrganizationKind> {
    requireId(id, ORGANIZATION);
    const row = await oneOrNotFound<{ kind: OrganizationKind }>(
      manager,
      `SELECT kind FROM organizations WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [actor.tenantId, id],
      ORGANIZATION,
    );
    return row.kind;
  }

  private async effect(
    manager: EntityManager,
    actor: RequestActor,
    id: string,
    fromKind: OrganizationKind,
    toKind: OrganizationKind,
  ): Promise<OrganizationKindChangePreview> {
    const rows: Array<{ category: string; stops: number; starts: number }> = await manager.query(EFFECT_SQL, [
      actor.tenantId,
      id,
      fromKind,
      toKind,
    ]);
    const consents = rows.find((row) => row.category === 'CONSENTS') ?? { stops: 0, starts: 0 };
    const people = rows.find((row) => row.category === 'PEOPLE') ?? { stops: 0, starts: 0 };
    const byCategory = new Map(rows.map((row) => [row.category, row]));
    const categories = PERSONAL_DATA_CATEGORIES.codes
      .map((category: PersonalDataCategory) => ({
        category,
        peopleNoLongerReadable: byCategory.get(category)?.stops ?? 0,
        peopleNewlyReadable: byCategory.get(category)?.starts ?? 0,
      }))
      .filter((effect) => effect.peopleNoLongerReadable > 0 || effect.peopleNewlyReadable > 0);
    return {
      organizationId: id,
      fromKind,
      toKind,
      activeConsentsNamingFromKind: consents.stops,
      activeConsentsNamingToKind: consents.starts,
      peopleNoLongerReadable: people.stops,
      peopleNewlyReadable: people.starts,
      categories,
      blockers: await this.blockers(manager, actor, id, toKind),
    };
  }

  /** Memberships (disabled ones too: they can be enabled again) and pending invitations the new kind would break. */
  private async blockers(manager: EntityManager, actor: RequestActor, id: string, toKind: OrganizationKind): Promise<KindChangeBlocker[]> {
    const rows: Array<{ id: string; type: 'MEMBERSHIP' | 'INVITATION'; name: string; roles: Role[] }> = await manager.query(
      `SELECT m.id, 'MEMBERSHIP' AS type, u.display_name AS name, m.roles
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND m.organization_id = $2 AND m.roles && $3::text[]
       UNION ALL
       SELECT i.id, 'INVITATION', i.email, i.roles
         FROM invitations i
        WHERE i.tenant_id = $1 AND i.organization_id = $2 AND i.roles && $3::text[]
          AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
        ORDER BY type DESC, name, id`,
      [actor.tenantId, id, rolesNotAllowedInKind(ALL_ROLES, toKind)],
    );
    return rows.map((row) => ({ id: row.id, type: row.type, name: row.name, refusedRoles: rolesNotAllowedInKind(row.roles, toKind) }));
  }
}

