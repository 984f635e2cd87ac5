// What members do with grant listings: bookmarks (also of other networks' public listings), their
// organisation's own applications (private to it; the publisher gets counts, the network admin
// totals), and saved searches.
import { Injectable } from '@nestjs/common';
import { APPLICATION_STATUSES, grantApplicationInputSchema, localizedText as text } from '@tsunagu/domain';
import { EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan } from '../../core/authz/authorize';
import { deleteOrNotFound, queryRows } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { validateInput } from '../../core/graphql/validate-input';
import { addKeysetCondition, decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { GrantApplicationInput, GrantSearchInput } from './dto/grants.input';
import type { Grant, GrantApplication, GrantApplicationTotals } from './grant.model';
import { APPLICATION_COLUMNS, ApplicationRow, GRANT_COLUMNS, GRANT_FROM, GrantReader, GrantRow, toApplication } from './grant-reader';
import { Conditions } from '../../core/database/conditions';
import { searchConditions, visibleTo } from './grant-search';
import type { GrantSavedSearch } from './saved-search.model';
import { GrantsService } from './grants.service';
import { requireId } from '../../core/graphql/ids';

const SAVED_SEARCH = { ja: '保存した検索条件', en: 'saved search' };

/** Only the known criteria, so what is stored is exactly a search input. */
const CRITERIA_KEYS: Array<keyof GrantSearchInput> = [
  'keywords', 'openNow', 'closingWithinDays', 'themes', 'municipalityCode', 'organizationKinds', 'legalForms',
  'amountFrom', 'amountTo', 'funderKinds', 'grantTypes', 'statuses', 'sort',
];

@Injectable()
export class GrantActivityService {
  constructor(
    private readonly grants: GrantsService,
    private readonly reader: GrantReader,
  ) {}

  bookmark(actor: RequestActor, grantId: string): Promise<Grant> {
    return this.grants.tenant(actor, async (manager) => {
      const grant = await this.grants.loadVisible(manager, actor, grantId);
      await manager.query(
        `INSERT INTO grant_bookmarks (tenant_id, membership_id, grant_tenant_id, grant_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, membership_id, grant_id) DO NOTHING`,
        [actor.tenantId, actor.membershipId, grant.tenant_id, grant.id],
      );
      return this.grants.present(manager, actor, grant);
    });
  }

  unbookmark(actor: RequestActor, grantId: string): Promise<Grant> {
    return this.grants.tenant(actor, async (manager) => {
      const grant = await this.grants.loadVisible(manager, actor, grantId);
      await manager.query(`DELETE FROM grant_bookmarks WHERE tenant_id = $1 AND membership_id = $2 AND grant_id = $3`, [
        actor.tenantId,
        actor.membershipId,
        grant.id,
      ]);
      return this.grants.present(manager, actor, grant);
    });
  }

  /** My bookmarks of listings I may still see, latest bookmark first. */
  bookmarks(actor: RequestActor, first?: number | null, after?: string | null): Promise<Page<Grant>> {
    const size = pageSize(first);
    const where = new Conditions();
    where.add(visibleTo(where, actor));
    where.add(`b.tenant_id = ${where.param(actor.tenantId)} AND b.membership_id = ${where.param(actor.membershipId)}`);
    addKeysetCondition(where, decodeCursor(after), 'b.created_at', 'b.id', 'timestamptz');
    where.params.push(size + 1);
    return this.grants.tenant(actor, async (manager) => {
      const rows: Array<GrantRow & { bookmark_id: string; sort_key: string }> = await manager.query(
        `SELECT ${GRANT_COLUMNS}, b.id AS bookmark_id, b.created_at::text AS sort_key
           FROM grant_bookmarks b JOIN ${GRANT_FROM} ON g.tenant_id = b.grant_tenant_id AND g.id = b.grant_id
          WHERE ${where.sql} ORDER BY b.created_at DESC, b.id DESC LIMIT $${where.params.length}`,
        where.params,
      );
      const page = toPage(rows, size, (row) => ({ key: row.sort_key, id: row.bookmark_id }));
      return { ...page, nodes: await this.reader.present(manager, actor, page.nodes) };
    });
  }

  /** Creates or replaces my organisation's application to a grant I may see. */
  recordApplication(actor: RequestActor, input: GrantApplicationInput): Promise<GrantApplication> {
    assertCan(actor, 'create', { __typename: 'GrantApplication', organizationId: actor.organizationId });
    const { status, amountRequested: requested, amountAwarded: awarded, notes } = validateInput(grantApplicationInputSchema, input);
    return this.grants.tenant(actor, async (manager) => {
      const grant = await this.grants.loadVisible(manager, actor, input.grantId);
      const [row] = await queryRows<ApplicationRow>(
        manager,
        `INSERT INTO grant_applications AS a (tenant_id, organization_id, grant_tenant_id, grant_id, status, amount_requested, amount_awarded, notes, updated_by_membership_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id, organization_id, grant_id) DO UPDATE
           SET status = EXCLUDED.status, amount_requested = EXCLUDED.amount_requested, amount_awarded = EXCLUDED.amount_awarded,
               notes = EXCLUDED.notes, updated_by_membership_id = EXCLUDED.updated_by_membership_id
         RETURNING ${APPLICATION_COLUMNS}`,
        [actor.tenantId, actor.organizationId, grant.tenant_id, grant.id, status, requested, awarded, notes, actor.membershipId],
      );
      await recordAudit(manager, actor, {
        entity: 'GrantApplication',
        entityId: row.id,
        action: 'RECORDED',
        changedFields: ['status', 'amountRequested', 'amountAwarded', 'notes'],
      });
      return { ...toApplication(row), grant: await this.grants.present(manager, actor, grant) };
    });
  }

  /** My organisation's applications, latest change first, with the grants I may still see. */
  applications(actor: RequestActor, first?: number | null, after?: string | null): Promise<Page<GrantApplication>> {
    assertCan(actor, 'read', { __typename: 'GrantApplication', organizationId: actor.organizationId });
    const size = pageSize(first);
    const mine = new Conditions();
    mine.add(`a.tenant_id = ${mine.param(actor.tenantId)} AND a.organization_id = ${mine.param(actor.organizationId)}`);
    addKeysetCondition(mine, decodeCursor(after), 'a.updated_at', 'a.id', 'timestamptz');
    const limit = mine.param(size + 1);
    return this.grants.tenant(actor, async (manager) => {
      const rows: Array<ApplicationRow & { sort_key: string }> = await manager.query(
        `SELECT ${APPLICATION_COLUMNS}, a.updated_at::text AS sort_key FROM grant_applications a
          WHERE ${mine.sql} ORDER BY a.updated_at DESC, a.id DESC LIMIT ${limit}`,
        mine.params,
      );
      const page = toPage(rows, size, (row) => ({ key: row.sort_key, id: row.id }));
      const where = new Conditions();
      where.add(visibleTo(where, actor));
      where.add(`g.id = ANY(${where.param(page.nodes.map((row) => row.grant_id))}::uuid[])`);
      const grantRows: GrantRow[] = await manager.query(`SELECT ${GRANT_COLUMNS} FROM ${GRANT_FROM} WHERE ${where.sql}`, where.params);
      const grants = await this.reader.present(manager, actor, grantRows);
      return {
        ...page,
        nodes: page.nodes.map((row) => ({ ...toApplication(row), grant: grants.find((grant) => grant.id === row.grant_id) ?? null })),
      };
    });
  }

  /** Network admins: applications to the network's grants, by status, and the sum awarded. */
  totals(actor: RequestActor): Promise<GrantApplicationTotals> {
    assertCan(actor, 'read', 'GrantApplicationTotals');
    return this.grants.tenant(actor, async (manager) => {
      const rows: Array<{ status: GrantApplication['status']; count: number; awarded: number | null }> = await manager.query(
        `SELECT status, count(*)::int AS count, sum(amount_awarded)::float8 AS awarded FROM grant_applications
          WHERE grant_tenant_id = $1 GROUP BY status`,
        [actor.tenantId],
      );
      const [{ grants }]: Array<{ grants: number }> = await manager.query(
        `SELECT count(DISTINCT grant_id)::int AS grants FROM grant_applications WHERE grant_tenant_id = $1`,
        [actor.tenantId],
      );
      return {
        byStatus: APPLICATION_STATUSES.codes.map((status) => ({ status, count: rows.find((row) => row.status === status)?.count ?? 0 })),
        awardedAmount: rows.reduce((sum, row) => sum + (row.awarded ?? 0), 0),
        grantsWithApplications: grants,
      };
    });
  }

  saveSearch(actor: RequestActor, name: string, criteria: GrantSearchInput): Promise<GrantSavedSearch> {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 100) {
      throw new AppError('BAD_USER_INPUT', undefined, {
        fields: { name: text('名前を1〜100文字で入力してください。', 'Give the search a name of 1 to 100 characters.') },
      });
    }
    const stored = Object.fromEntries(
      CRITERIA_KEYS.filter((key) => criteria[key] !== undefined && criteria[key] !== null).map((key) => [key, criteria[key]]),
    ) as GrantSearchInput;
    // Refused now rather than in tomorrow's digest: the criteria must make a valid search.
    searchConditions(stored, actor, new Date());
    return this.grants.tenant(actor, async (manager) => {
      const [row] = await queryRows<{ id: string; name: string; criteria: GrantSearchInput; created_at: Date }>(
        manager,
        `INSERT INTO grant_saved_searches (tenant_id, membership_id, name, criteria) VALUES ($1, $2, $3, $4)
         RETURNING id, name, criteria, created_at`,
        [actor.tenantId, actor.membershipId, trimmed, JSON.stringify(stored)],
      );
      return { id: row.id, name: row.name, criteria: row.criteria, createdAt: row.created_at };
    });
  }

  savedSearches(actor: RequestActor, first?: number | null, after?: string | null): Promise<Page<GrantSavedSearch>> {
    const size = pageSize(first);
    const mine = new Conditions();
    mine.add(`tenant_id = ${mine.param(actor.tenantId)} AND membership_id = ${mine.param(actor.membershipId)}`);
    addKeysetCondition(mine, decodeCursor(after), 'created_at', 'id', 'timestamptz', 'ASC');
    const limit = mine.param(size + 1);
    return this.grants.tenant(actor, async (manager) => {
      const rows: Array<{ id: string; name: string; criteria: GrantSearchInput; created_at: Date; sort_key: string }> = await manager.query(
        `SELECT id, name, criteria, created_at, created_at::text AS sort_key FROM grant_saved_searches
          WHERE ${mine.sql} ORDER BY created_at, id LIMIT ${limit}`,
        mine.params,
      );
      const page = toPage(rows, size, (row) => ({ key: row.sort_key, id: row.id }));
      return { ...page, nodes: page.nodes.map((row) => ({ id: row.id, name: row.name, criteria: row.criteria, createdAt: row.created_at })) };
    });
  }

  deleteSavedSearch(actor: RequestActor, id: string): Promise<void> {
    requireId(id, SAVED_SEARCH);
    return this.grants.tenant(actor, async (manager: EntityManager) => {
      await deleteOrNotFound(manager, `DELETE FROM grant_saved_searches WHERE tenant_id = $1 AND membership_id = $2 AND id = $3`, [actor.tenantId, actor.membershipId, id], SAVED_SEARCH);
    });
  }
}
