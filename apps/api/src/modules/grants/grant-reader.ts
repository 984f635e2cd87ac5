// Reads grant listings as one member sees them, a page at a time: the rows, then in one query
// each their files, the member's bookmarks, the organisation's own applications and (for the
// publisher only) the application counts — never a query per listing.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  FunderKind,
  GrantStatus,
  GrantType,
  GrantVisibility,
  LegalForm,
  OrganizationKind,
  ServiceCategory,
} from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import type { Grant, GrantApplication, GrantAttachment } from './grant.model';
import { LISTED } from './grant-search';

/** Columns of a grant row as the reader wants them (amounts as float8, dates as text). */
export const GRANT_COLUMNS = `g.tenant_id, g.id, g.organization_id, o.name AS organization_name, g.title, g.funder_name, g.funder_kind,
  g.summary, g.details_html, g.grant_type, g.amount_min::float8 AS amount_min, g.amount_max::float8 AS amount_max, g.amount_unlimited,
  g.subsidy_rate_percent::float8 AS subsidy_rate_percent, g.window_opens_at, g.window_closes_at,
  g.project_starts_on::text AS project_starts_on, g.project_ends_on::text AS project_ends_on, g.eligible_kinds, g.legal_forms,
  g.nationwide, g.region_codes, g.themes, g.application_url, g.contact, g.status, g.visibility, g.published_at, g.closed_at,
  g.source, g.source_id, g.created_at, g.updated_at`;

/** FROM clause for GRANT_COLUMNS: the publisher's name is readable in the member's own network. */
export const GRANT_FROM = `grants g LEFT JOIN organizations o ON o.tenant_id = g.tenant_id AND o.id = g.organization_id`;

export interface GrantRow {
  tenant_id: string;
  id: string;
  organization_id: string;
  organization_name: string | null;
  title: string;
  funder_name: string;
  funder_kind: FunderKind;
  summary: string;
  details_html: string;
  grant_type: GrantType;
  amount_min: number | null;
  amount_max: number | null;
  amount_unlimited: boolean;
  subsidy_rate_percent: number | null;
  window_opens_at: Date | null;
  window_closes_at: Date | null;
  project_starts_on: string | null;
  project_ends_on: string | null;
  eligible_kinds: OrganizationKind[];
  legal_forms: LegalForm[];
  nationwide: boolean;
  region_codes: string[];
  themes: ServiceCategory[];
  application_url: string | null;
  contact: string | null;
  status: GrantStatus;
  visibility: GrantVisibility;
  published_at: Date | null;
  closed_at: Date | null;
  source: string;
  source_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ApplicationRow {
  id: string;
  grant_id: string;
  status: ApplicationStatus;
  amount_requested: number | null;
  amount_awarded: number | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
}

export const APPLICATION_COLUMNS = `a.id, a.grant_id, a.status, a.amount_requested::float8 AS amount_requested,
  a.amount_awarded::float8 AS amount_awarded, a.notes, a.created_at, a.updated_at`;

export function toApplication(row: ApplicationRow): GrantApplication {
  return {
    id: row.id,
    grantId: row.grant_id,
    status: row.status,
    amountRequested: row.amount_requested,
    amountAwarded: row.amount_awarded,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    grant: null,
  };
}

@Injectable()
export class GrantReader {
  /** Listings of other networks presented, to the network whose publisher they need named. */
  private readonly foreign = new WeakMap<Grant, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The listings as the actor sees them, in the order given. */
  async present(manager: EntityManager, actor: RequestActor, rows: GrantRow[]): Promise<Grant[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const attachments: Array<GrantAttachment & { grant_id: string }> = await manager.query(
      `SELECT a.grant_id, f.id AS "fileId", f.file_name AS "fileName", f.media_type AS "mediaType", f.byte_size::float8 AS "byteSize"
         FROM grant_attachments a JOIN files f ON f.tenant_id = a.tenant_id AND f.id = a.file_id
        WHERE a.grant_id = ANY($1::uuid[]) ORDER BY a.position, a.created_at, a.id`,
      [ids],
    );
    const bookmarks: Array<{ grant_id: string }> = await manager.query(
      `SELECT grant_id FROM grant_bookmarks WHERE tenant_id = $1 AND membership_id = $2 AND grant_id = ANY($3::uuid[])`,
      [actor.tenantId, actor.membershipId, ids],
    );
    // Only my organisation's own applications: the publisher's network may read others' rows
    // (for counts), so the organisation is always named here.
    const applications: ApplicationRow[] = await manager.query(
      `SELECT ${APPLICATION_COLUMNS} FROM grant_applications a
        WHERE a.tenant_id = $1 AND a.organization_id = $2 AND a.grant_id = ANY($3::uuid[])`,
      [actor.tenantId, actor.organizationId, ids],
    );
    const mine = rows.filter((row) => isMine(actor, row)).map((row) => row.id);
    const counts: Array<{ grant_id: string; status: ApplicationStatus; count: number }> = mine.length
      ? await manager.query(
          `SELECT grant_id, status, count(*)::int AS count FROM grant_applications
            WHERE grant_tenant_id = $1 AND grant_id = ANY($2::uuid[]) GROUP BY grant_id, status`,
          [actor.tenantId, mine],
        )
      : [];
    return rows.map((row) => this.remember(row, {
      id: row.id,
      inMyNetwork: row.tenant_id === actor.tenantId,
      mine: isMine(actor, row),
      // Another network's publisher is named by withPublishers(), after this transaction.
      publisher: { id: row.organization_id, name: row.organization_name ?? '' },
      title: row.title,
      funderName: row.funder_name,
      funderKind: row.funder_kind,
      summary: row.summary,
      detailsHtml: row.details_html,
      grantType: row.grant_type,
      amountMin: row.amount_min,
      amountMax: row.amount_max,
      amountUnlimited: row.amount_unlimited,
      subsidyRatePercent: row.subsidy_rate_percent,
      windowOpensAt: row.window_opens_at,
      windowClosesAt: row.window_closes_at,
      projectStartsOn: row.project_starts_on,
      projectEndsOn: row.project_ends_on,
      eligibleKinds: row.eligible_kinds,
      legalForms: row.legal_forms,
      nationwide: row.nationwide,
      regionCodes: row.region_codes,
      themes: row.themes,
      applicationUrl: row.application_url,
      contact: row.contact,
      status: row.status,
      visibility: row.visibility,
      publishedAt: row.published_at,
      closedAt: row.closed_at,
      source: row.source,
      sourceId: row.source_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      attachments: attachments
        .filter((attachment) => attachment.grant_id === row.id)
        .map(({ fileId, fileName, mediaType, byteSize }) => ({ fileId, fileName, mediaType, byteSize })),
      myBookmark: bookmarks.some((bookmark) => bookmark.grant_id === row.id),
      myApplication: (() => {
        const application = applications.find((candidate) => candidate.grant_id === row.id);
        return application ? toApplication(application) : null;
      })(),
      applicationCounts: isMine(actor, row)
        ? APPLICATION_STATUSES.codes.map((status) => ({
            status,
            count: counts.find((count) => count.grant_id === row.id && count.status === status)?.count ?? 0,
          }))
        : null,
    }));
  }

  private remember(row: GrantRow, grant: Grant): Grant {
    if (!grant.inMyNetwork) this.foreign.set(grant, row.tenant_id);
    return grant;
  }

  /**
   * Names the publishers of other networks' listings found anywhere in `result` (a grant, a
   * page, an application). Called once the request's transaction is over, because it reads in
   * each publisher's own network, in a transaction of its own: never two connections at once.
   */
  async withPublishers<T>(result: T): Promise<T> {
    const grants = collectGrants(result).filter((grant) => this.foreign.has(grant));
    if (grants.length === 0) return result;
    const names = await this.foreignPublisherNames(
      grants.map((grant) => ({ tenant_id: this.foreign.get(grant) as string, organization_id: grant.publisher.id })),
    );
    for (const grant of grants) grant.publisher.name = names.get(grant.publisher.id) ?? '';
    return result;
  }

  /**
   * Names of the organisations that published other networks' public listings. Organisations
   * are readable only within their own network, so this reads in each publisher's network —
   * and only organisations that have a public published or closed listing there.
   */
  private async foreignPublisherNames(rows: Array<Pick<GrantRow, 'tenant_id' | 'organization_id'>>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const byTenant = new Map<string, Set<string>>();
    for (const row of rows) {
      const organizations = byTenant.get(row.tenant_id) ?? new Set<string>();
      organizations.add(row.organization_id);
      byTenant.set(row.tenant_id, organizations);
    }
    for (const [tenantId, organizationIds] of byTenant) {
      const found: Array<{ id: string; name: string }> = await runInTenant(this.dataSource, tenantId, (manager) =>
        manager.query(
          `SELECT o.id, o.name FROM organizations o
            WHERE o.tenant_id = $1 AND o.id = ANY($2::uuid[])
              AND EXISTS (SELECT 1 FROM grants g WHERE g.tenant_id = o.tenant_id AND g.organization_id = o.id
                            AND g.visibility = 'PUBLIC' AND g.status IN ${LISTED})`,
          [tenantId, [...organizationIds]],
        ),
      );
      for (const { id, name } of found) names.set(id, name);
    }
    return names;
  }
}

/** Every grant in a result: a grant, an application's grant, or a page of either. */
function collectGrants(value: unknown): Grant[] {
  if (Array.isArray(value)) return value.flatMap(collectGrants);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if ('nodes' in record) return collectGrants(record['nodes']);
  if ('publisher' in record && 'inMyNetwork' in record) return [value as Grant];
  if ('grant' in record) return collectGrants(record['grant']);
  return [];
}

export function isMine(actor: RequestActor, row: Pick<GrantRow, 'tenant_id' | 'organization_id'>): boolean {
  return row.tenant_id === actor.tenantId && row.organization_id === actor.organizationId;
}
