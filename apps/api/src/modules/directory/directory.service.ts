// The service directory: services of the network's organisations, search with facets, the
// network's public portal switch, and what the portal shows.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  normalizeForSearch,
  normalizeMunicipalityCode,
  ServiceFields,
  tokyoClock,
} from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan } from '../../core/authz/authorize';
import { oneOrNotFound } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { runInPortal, runInTenant } from '../../core/tenancy/tenant-transaction';
import type { DirectorySearchInput } from './dto/directory.input';
import { Clock } from '../../core/time/clock';
import { missingServiceReadings, serviceSearchSource, UncheckedServiceFields, validateServiceFields } from './service-fields';
import type { DirectoryFacets, PortalDirectory, Service } from './service.model';
import { SERVICE_COLUMNS, ServiceRow, toPortalService, toService } from './service.mapper';
import { Conditions } from '../../core/database/conditions';
import { addKeywordConditions, likePattern, searchTerms } from '../../core/database/keyword-search';
import { searchReadingOrNull } from '../../core/search/japanese-reading';
import { SearchReadings } from '../../core/search/search-readings';
import { requireId } from '../../core/graphql/ids';

const SERVICE = { ja: 'サービス', en: 'service' };
const ORGANIZATION = { ja: '団体', en: 'organisation' };

@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    readings: SearchReadings,
  ) {
    readings.register('services', missingServiceReadings);
  }

  async search(
    actor: RequestActor,
    input: DirectorySearchInput,
    first?: number | null,
    after?: string | null,
  ): Promise<{ page: Page<Service>; facets: DirectoryFacets }> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const where = new Conditions();
    where.add(`s.tenant_id = ${where.param(actor.tenantId)}`);
    const terms = searchTerms(input.keywords);
    addKeywordConditions(where, 's', terms);
    if (input.categories?.length) where.add(`s.categories && ${where.param(input.categories)}::text[]`);
    if (input.targetGroups?.length) where.add(`s.target_groups && ${where.param(input.targetGroups)}::text[]`);
    if (input.channels?.length) where.add(`s.channel_kinds && ${where.param(input.channels)}::text[]`);
    if (input.languages?.length) where.add(`s.languages && ${where.param(input.languages)}::text[]`);
    if (input.areaCode) {
      const code = normalizeMunicipalityCode(input.areaCode);
      if (!code) {
        const message = { ja: '地域は地方公共団体コード（5桁）で指定してください。', en: 'Give the area as a 5-digit local government code.' };
        throw new AppError('BAD_USER_INPUT', message, { fields: { areaCode: message } });
      }
      where.add(`(s.nationwide OR s.area_codes @> ARRAY[${where.param(code)}]::text[])`);
    }
    if (input.open24h) where.add(`s.open_24h`);
    if (input.acceptingReferrals) where.add(`s.accepts_referrals AND s.capacity <> 'NOT_ACCEPTING'`);
    if (input.openNow) {
      const { day, minutes } = tokyoClock(this.clock.now());
      const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      where.add(
        `(s.open_24h OR EXISTS (SELECT 1 FROM jsonb_array_elements(s.opening_hours) AS p
            WHERE p->>'day' = ${where.param(day)} AND p->>'opens' <= ${where.param(hhmm)} AND p->>'closes' > ${where.param(hhmm)}))`,
      );
    }
    if (input.organizationId) {
      requireId(input.organizationId, ORGANIZATION);
      where.add(`s.organization_id = ${where.param(input.organizationId)}`);
    }

    // Relevance: a term (or a synonym of it) in the service's own name counts most, then in its
    // organisation's names, then anywhere else (the reading included). Ties and keyword-less
    // searches go by name, then id (stable pages). Its parameters follow the filters' and are
    // used by the page query only.
    const pageParams = [...where.params];
    const rank = terms.length
      ? terms
          .map((term) => {
            pageParams.push(term.alternatives.map(likePattern));
            const patterns = `$${pageParams.length}::text[]`;
            return `(CASE WHEN s.sort_name LIKE ANY(${patterns}) THEN 4 WHEN o.search_name LIKE ANY(${patterns}) THEN 2 ELSE 1 END)`;
          })
          .join(' + ')
      : '0';

    return runInTenant(this.dataSource, actor, async (manager) => {
      let after = '';
      if (cursor) {
        const separator = cursor.key.indexOf('|');
        const cursorRank = Number(cursor.key.slice(0, separator));
        const cursorName = cursor.key.slice(separator + 1);
        pageParams.push(cursorRank, cursorName, cursor.id);
        const n = pageParams.length;
        after = `WHERE rank < $${n - 2} OR (rank = $${n - 2} AND (sort_name, id) > ($${n - 1}, $${n}::uuid))`;
      }
      pageParams.push(size + 1);
      // One statement, one pass: the matching services are found once (services alone, so the
      // planner can intersect the GIN indexes on the bigrams and filters within the network
      // instead of walking each organisation's services and filtering them), then the page and
      // the facets are both taken from that set. The facets come back on every row (and on a
      // single row of nulls when nothing matches).
      const rows: Array<ServiceRow & { rank: number | null; facets: DirectoryFacets }> = await manager.query(
        `WITH m AS MATERIALIZED (SELECT s.* FROM services s WHERE ${where.sql}),
              ranked AS (SELECT ${SERVICE_COLUMNS}, ${rank} AS rank
                           FROM m s JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id),
              facets AS (SELECT json_build_object(
                'total', (SELECT count(*)::int FROM m),
                'categories', ${facetOf('categories')},
                'targetGroups', ${facetOf('target_groups')},
                'channels', ${facetOf('channel_kinds')},
                'languages', ${facetOf('languages')},
                'acceptingReferrals', (SELECT count(*)::int FROM m WHERE accepts_referrals AND capacity <> 'NOT_ACCEPTING'),
                'open24h', (SELECT count(*)::int FROM m WHERE open_24h)) AS facets)
         SELECT f.facets, p.* FROM facets f
           LEFT JOIN LATERAL (SELECT * FROM ranked ${after} ORDER BY rank DESC, sort_name, id LIMIT $${pageParams.length}) p ON true`,
        pageParams,
      );
      const facets = rows[0].facets;
      const found = rows.filter((row) => row.id !== null).map(({ facets: _facets, ...row }) => row as ServiceRow & { rank: number });
      const page = toPage(found, size, (row) => ({ key: `${row.rank}|${row.sort_name}`, id: row.id }));
      return { page: { ...page, nodes: page.nodes.map(toService) }, facets };
    });
  }

  get(actor: RequestActor, id: string): Promise<Service> {
    return runInTenant(this.dataSource, actor, async (manager) =>
      toService(await this.load(manager, actor, id)),
    );
  }

  create(actor: RequestActor, organizationId: string | null | undefined, input: UncheckedServiceFields): Promise<Service> {
    const fields = validateServiceFields(input);
    const ownerId = organizationId ?? actor.organizationId;
    return runInTenant(this.dataSource, actor, async (manager) => {
      const organization = await this.loadOrganization(manager, actor, ownerId);
      assertCan(actor, 'create', { __typename: 'Service', organizationId: organization.id });
      const [row]: ServiceRow[] = await manager.query(
        `WITH inserted AS (
           INSERT INTO services (tenant_id, organization_id, ${SERVICE_WRITABLE_COLUMNS.join(', ')})
           VALUES ($1, $2, ${SERVICE_WRITABLE_COLUMNS.map((_, index) => `$${index + 3}`).join(', ')})
           RETURNING *)
         SELECT ${SERVICE_COLUMNS} FROM inserted s JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id`,
        [actor.tenantId, organization.id, ...(await writableValues(fields, organization))],
      );
      await recordAudit(manager, actor, { entity: 'Service', entityId: row.id, action: 'CREATED', changedFields: Object.keys(fields), organizationId: organization.id });
      return toService(row);
    });
  }

  update(actor: RequestActor, id: string, input: UncheckedServiceFields): Promise<Service> {
    const fields = validateServiceFields(input);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.load(manager, actor, id, true);
      assertCan(actor, 'update', { __typename: 'Service', organizationId: current.organization_id });
      const organization = { name: current.organization_name, nameKana: current.organization_name_kana };
      const values = await writableValues(fields, organization);
      const before = toService(current);
      await manager.query(
        `UPDATE services SET ${SERVICE_WRITABLE_COLUMNS.map((column, index) => `${column} = $${index + 3}`).join(', ')}
          WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, id, ...values],
      );
      const after = toService(await this.load(manager, actor, id));
      const changed = (Object.keys(fields) as Array<keyof ServiceFields>).filter(
        (key) => JSON.stringify(before[key as keyof Service]) !== JSON.stringify(after[key as keyof Service]),
      );
      if (changed.length) await recordAudit(manager, actor, { entity: 'Service', entityId: id, action: 'UPDATED', changedFields: changed, organizationId: current.organization_id });
      return after;
    });
  }

  delete(actor: RequestActor, id: string): Promise<void> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.load(manager, actor, id, true);
      assertCan(actor, 'delete', { __typename: 'Service', organizationId: current.organization_id });
      await manager.query(`DELETE FROM services WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, id]);
      await recordAudit(manager, actor, { entity: 'Service', entityId: id, action: 'DELETED', changedFields: [], organizationId: current.organization_id });
    });
  }

  setPortalEnabled(actor: RequestActor, enabled: boolean): Promise<boolean> {
    assertCan(actor, 'update', { __typename: 'Network', id: actor.tenantId });
    return runInTenant(this.dataSource, actor, async (manager) => {
      await manager.query(`UPDATE networks SET portal_enabled = $2 WHERE id = $1`, [actor.tenantId, enabled]);
      await recordAudit(manager, actor, {
        organizationId: null,
        entity: 'Network',
        entityId: actor.tenantId,
        action: enabled ? 'PORTAL_PUBLISHED' : 'PORTAL_WITHDRAWN',
        changedFields: ['portalEnabled'],
      });
      return enabled;
    });
  }

  async portalEnabled(actor: RequestActor): Promise<boolean> {
    const [row]: Array<{ portal_enabled: boolean }> = await runInTenant(this.dataSource, actor.tenantId, (manager) =>
      manager.query(`SELECT portal_enabled FROM networks WHERE id = $1`, [actor.tenantId]),
    );
    return row?.portal_enabled ?? false;
  }

  /** Without a session: only published networks, only public fields. */
  async portal(slug: string): Promise<PortalDirectory> {
    const directory = await runInPortal(this.dataSource, slug, async (manager, network) => {
      const rows: ServiceRow[] = await manager.query(
        `SELECT ${SERVICE_COLUMNS} FROM services s JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id
          WHERE s.tenant_id = $1 ORDER BY s.categories[1], s.sort_name, s.id LIMIT 500`,
        [network.id],
      );
      return { networkName: network.name, services: rows.map(toPortalService) };
    });
    if (!directory) {
      throw new AppError('NOT_FOUND', {
        ja: 'この窓口一覧は公開されていません。アドレスをご確認ください。',
        en: 'This directory is not published. Please check the address.',
      });
    }
    return directory;
  }

  private async load(manager: EntityManager, actor: RequestActor, id: string, forUpdate = false): Promise<ServiceRow> {
    requireId(id, SERVICE);
    return oneOrNotFound<ServiceRow>(
      manager,
      `SELECT ${SERVICE_COLUMNS} FROM services s JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id
        WHERE s.tenant_id = $1 AND s.id = $2${forUpdate ? ' FOR UPDATE OF s' : ''}`,
      [actor.tenantId, id],
      SERVICE,
    );
  }

  private async loadOrganization(manager: EntityManager, actor: RequestActor, id: string) {
    requireId(id, ORGANIZATION);
    const row = await oneOrNotFound<{ id: string; name: string; name_kana: string | null }>(
      manager,
      `SELECT id, name, name_kana FROM organizations WHERE tenant_id = $1 AND id = $2`,
      [actor.tenantId, id],
      ORGANIZATION,
    );
    return { id: row.id, name: row.name, nameKana: row.name_kana };
  }
}

function facetOf(column: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('value', value, 'count', count) ORDER BY count DESC, value), '[]'::json)
             FROM (SELECT unnest(${column}) AS value, count(*)::int AS count FROM m GROUP BY 1) facet)`;
}

/** The columns writableValues() fills, in its order. */
export const SERVICE_WRITABLE_COLUMNS = [
  'name', 'name_kana', 'description', 'categories', 'target_groups', 'eligibility', 'age_min', 'age_max',
  'nationwide', 'area_codes', 'languages', 'open_24h', 'opening_hours', 'channels', 'channel_kinds', 'open_days',
  'fee', 'fee_note', 'capacity', 'waitlist_note', 'waitlist_expected_on', 'accepts_referrals', 'last_reviewed_on',
  'search_document', 'search_reading', 'sort_name',
];

/** The values of SERVICE_WRITABLE_COLUMNS; async for the search reading (core/search). */
export async function writableValues(fields: ServiceFields, organization: { name: string; nameKana: string | null }): Promise<unknown[]> {
  const source = serviceSearchSource(fields, organization);
  return [
    fields.name,
    fields.nameKana ?? null,
    fields.description,
    fields.categories,
    fields.targetGroups,
    fields.eligibility ?? null,
    fields.ageMin ?? null,
    fields.ageMax ?? null,
    fields.nationwide,
    fields.areaCodes,
    fields.languages,
    fields.open24h,
    JSON.stringify(fields.openingHours),
    JSON.stringify(fields.channels),
    [...new Set(fields.channels.map((channel) => channel.kind))],
    [...new Set(fields.openingHours.map((period) => period.day))],
    fields.fee,
    fields.feeNote ?? null,
    fields.capacity,
    fields.waitlistNote ?? null,
    fields.waitlistExpectedOn ?? null,
    fields.acceptsReferrals,
    fields.lastReviewedOn ?? null,
    normalizeForSearch(source),
    await searchReadingOrNull(source),
    normalizeForSearch(fields.name),
  ];
}
