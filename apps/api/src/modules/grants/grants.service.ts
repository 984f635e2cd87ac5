// Grant listings (助成金・補助金情報, DESIGN.md capability 4): publishing and editing by grant
// editors of intermediary bodies and municipalities, the life cycle (GRANT_TRANSITIONS, and the
// automatic close after the window), files, reading one listing, searching, and the publisher's
// own listings. Bookmarks, applications and saved searches are in GrantActivityService.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GRANT_TRANSITIONS, GRANT_STATUSES, GrantStatus } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit, systemActor } from '../../core/audit/audit-log';
import { assertCan, notFound } from '../../core/authz/authorize';
import { deleteOrNotFound, oneOrNotFound, queryRows } from '../../core/database/returning';
import { FILE, ownFile } from '../../core/files/own-file';
import { AppError } from '../../core/graphql/app-error';
import { decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { SearchReadings } from '../../core/search/search-readings';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import type { GrantInput, GrantSearchInput } from './dto/grants.input';
import type { Grant } from './grant.model';
import { GRANT_ATTACHMENT_PURPOSE } from './grant-file-access';
import { GRANT_WRITABLE_COLUMNS, grantWritableValues, missingGrantReadings, validateGrantFields } from './grant-fields';
import { GRANT_COLUMNS, GRANT_FROM, GrantReader, GrantRow } from './grant-reader';
import { Conditions } from '../../core/database/conditions';
import { applySort, searchConditions, visibleTo } from './grant-search';
import { requireId } from '../../core/graphql/ids';

export const GRANT = { ja: '助成金情報', en: 'grant' };

export type GrantTransition = keyof typeof GRANT_TRANSITIONS;

/** A saved search as the digest job holds it. */
export interface SavedGrantSearch {
  readonly id: string;
  readonly membershipId: string;
  readonly criteria: GrantSearchInput;
}

/** A new listing found for a saved search (what a digest mail needs). */
export interface GrantMatch {
  readonly tenantId: string;
  readonly id: string;
  readonly title: string;
  readonly funderName: string;
  readonly windowClosesAt: Date | null;
  readonly publishedAt: Date;
}

@Injectable()
export class GrantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reader: GrantReader,
    readings: SearchReadings,
  ) {
    readings.register('grants', missingGrantReadings);
  }

  /** Work in the actor's network; other networks' publishers in the result are named afterwards. */
  async tenant<T>(actor: RequestActor, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await runInTenant(this.dataSource, actor, work);
    return this.reader.withPublishers(result);
  }

  get(actor: RequestActor, id: string): Promise<Grant> {
    return this.tenant(actor, async (manager) => this.present(manager, actor, await this.loadVisible(manager, actor, id)));
  }

  async present(manager: EntityManager, actor: RequestActor, row: GrantRow): Promise<Grant> {
    const [grant] = await this.reader.present(manager, actor, [row]);
    return grant;
  }

  create(actor: RequestActor, input: GrantInput): Promise<Grant> {
    assertCan(actor, 'create', { __typename: 'Grant', organizationId: actor.organizationId });
    const fields = validateGrantFields(input);
    return this.tenant(actor, async (manager) => {
      const values = await grantWritableValues(fields);
      const [{ id }] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO grants (tenant_id, organization_id, created_by_membership_id, ${GRANT_WRITABLE_COLUMNS.join(', ')})
         VALUES ($1, $2, $3, ${GRANT_WRITABLE_COLUMNS.map((_, index) => `$${index + 4}`).join(', ')})
         RETURNING id`,
        [actor.tenantId, actor.organizationId, actor.membershipId, ...values],
      );
      return this.audited(manager, actor, id, 'CREATED', Object.keys(fields));
    });
  }

  update(actor: RequestActor, id: string, input: GrantInput): Promise<Grant> {
    const fields = validateGrantFields(input);
    return this.tenant(actor, async (manager) => {
      const current = await this.loadEditable(manager, actor, id);
      this.assertStatus(current, ['DRAFT', 'PUBLISHED'], {
        ja: '下書きか公開中の助成金情報だけを編集できます。',
        en: 'Only draft or published grants can be edited.',
      });
      const values = await grantWritableValues(fields);
      await manager.query(
        `UPDATE grants SET ${GRANT_WRITABLE_COLUMNS.map((column, index) => `${column} = $${index + 3}`).join(', ')}
          WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, id, ...values],
      );
      return this.audited(manager, actor, id, 'UPDATED', Object.keys(fields));
    });
  }

  /** PUBLISH, CLOSE, REOPEN or ARCHIVE; CONFLICT when the listing is not in a status it moves from. */
  transition(actor: RequestActor, id: string, move: GrantTransition): Promise<Grant> {
    const { from, to } = GRANT_TRANSITIONS[move];
    return this.tenant(actor, async (manager) => {
      const current = await this.loadEditable(manager, actor, id);
      const label = GRANT_STATUSES.labels[current.status];
      this.assertStatus(current, from, {
        ja: `この助成金情報は「${label.ja}」のため、この操作はできません。`,
        en: `This grant is ${label.en.toLowerCase()}, so this cannot be done.`,
      });
      const now = this.clock.now();
      if (move === 'REOPEN' && current.window_closes_at && current.window_closes_at.getTime() <= now.getTime()) {
        throw new AppError(
          'CONFLICT',
          { ja: '募集期間が終わっています。締切日時を変更してから再開してください。', en: 'The application window has ended. Move its closing time first.' },
          { reason: 'WINDOW_ENDED' },
        );
      }
      await manager.query(
        `UPDATE grants SET status = $3,
                published_at = CASE WHEN $3 = 'PUBLISHED' THEN coalesce(published_at, $4) ELSE published_at END,
                closed_at = CASE WHEN $3 = 'CLOSED' THEN $4 WHEN $3 = 'PUBLISHED' THEN NULL ELSE closed_at END
          WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, id, to, now],
      );
      return this.audited(manager, actor, id, move === 'PUBLISH' ? 'PUBLISHED' : move === 'CLOSE' ? 'CLOSED' : move === 'REOPEN' ? 'REOPENED' : 'ARCHIVED', ['status']);
    });
  }

  /** Attaches a file my organisation uploaded in my network. */
  attachFile(actor: RequestActor, id: string, fileId: string): Promise<Grant> {
    return this.tenant(actor, async (manager) => {
      const current = await this.loadEditable(manager, actor, id);
      this.assertStatus(current, ['DRAFT', 'PUBLISHED'], {
        ja: '下書きか公開中の助成金情報にだけファイルを添付できます。',
        en: 'Files can be attached only to draft or published grants.',
      });
      // Only a file uploaded as a grant attachment: a course's material (kept to the course's
      // audience) must not become a download for every reader of a listing.
      const file = await ownFile(manager, actor, fileId);
      if (file.purpose !== GRANT_ATTACHMENT_PURPOSE) {
        throw new AppError(
          'BAD_USER_INPUT',
          { ja: '助成金情報の添付ファイルとしてアップロードしたファイルを選んでください。', en: 'Choose a file uploaded as a grant attachment.' },
          { reason: 'FILE_PURPOSE' },
        );
      }
      await manager.query(
        `INSERT INTO grant_attachments (tenant_id, grant_id, file_id, position)
         VALUES ($1, $2, $3, (SELECT coalesce(max(position) + 1, 0) FROM grant_attachments WHERE tenant_id = $1 AND grant_id = $2))
         ON CONFLICT (tenant_id, grant_id, file_id) DO NOTHING`,
        [actor.tenantId, id, fileId],
      );
      return this.audited(manager, actor, id, 'FILE_ATTACHED', ['attachments']);
    });
  }

  detachFile(actor: RequestActor, id: string, fileId: string): Promise<Grant> {
    return this.tenant(actor, async (manager) => {
      await this.loadEditable(manager, actor, id);
      requireId(fileId, FILE);
      await deleteOrNotFound(manager, `DELETE FROM grant_attachments WHERE tenant_id = $1 AND grant_id = $2 AND file_id = $3`, [actor.tenantId, id, fileId], FILE);
      return this.audited(manager, actor, id, 'FILE_DETACHED', ['attachments']);
    });
  }

  search(actor: RequestActor, input: GrantSearchInput, first?: number | null, after?: string | null): Promise<Page<Grant>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const where = searchConditions(input, actor, this.clock.now());
    return this.tenant(actor, (manager) => this.page(manager, actor, where, input.sort ?? 'DEADLINE', cursor, size));
  }

  /** My organisation's listings in every status, newest first. */
  mine(actor: RequestActor, first?: number | null, after?: string | null): Promise<Page<Grant>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const where = new Conditions();
    where.add(`g.tenant_id = ${where.param(actor.tenantId)} AND g.organization_id = ${where.param(actor.organizationId)}`);
    if (cursor) where.add(`(g.created_at, g.id) < (${where.param(cursor.key)}::timestamptz, ${where.param(cursor.id)}::uuid)`);
    where.params.push(size + 1);
    return this.tenant(actor, async (manager) => {
      const rows: Array<GrantRow & { sort_key: string }> = await manager.query(
        `SELECT ${GRANT_COLUMNS}, g.created_at::text AS sort_key FROM ${GRANT_FROM}
          WHERE ${where.sql} ORDER BY g.created_at DESC, g.id DESC LIMIT $${where.params.length}`,
        where.params,
      );
      const page = toPage(rows, size, (row) => ({ key: row.sort_key, id: row.id }));
      return { ...page, nodes: await this.reader.present(manager, actor, page.nodes) };
    });
  }

  /**
   * For the daily digest job: published listings matching a saved search, published after
   * `since`, that were not yet marked in grant_saved_search_matches for it. Runs inside the
   * job's transaction (`manager`, in the saved search's network) and sees what the search's
   * owner would see.
   */
  async matchingNewGrants(manager: EntityManager, tenantId: string, savedSearch: SavedGrantSearch, since: Date): Promise<GrantMatch[]> {
    const [membership]: Array<{ organization_id: string }> = await manager.query(
      `SELECT organization_id FROM memberships WHERE tenant_id = $1 AND id = $2`,
      [tenantId, savedSearch.membershipId],
    );
    if (!membership) return [];
    const where = searchConditions({ ...savedSearch.criteria, statuses: ['PUBLISHED'] }, { tenantId, organizationId: membership.organization_id }, this.clock.now());
    where.add(`g.published_at > ${where.param(since)}`);
    where.add(`NOT EXISTS (SELECT 1 FROM grant_saved_search_matches m
                            WHERE m.tenant_id = ${where.param(tenantId)} AND m.saved_search_id = ${where.param(savedSearch.id)} AND m.grant_id = g.id)`);
    const rows: Array<{ tenant_id: string; id: string; title: string; funder_name: string; window_closes_at: Date | null; published_at: Date }> =
      await manager.query(
        `SELECT g.tenant_id, g.id, g.title, g.funder_name, g.window_closes_at, g.published_at FROM grants g
          WHERE ${where.sql} ORDER BY g.published_at, g.id LIMIT 100`,
        where.params,
      );
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      id: row.id,
      title: row.title,
      funderName: row.funder_name,
      windowClosesAt: row.window_closes_at,
      publishedAt: row.published_at,
    }));
  }

  /** For the scheduled job: closes the network's published listings whose window has ended. */
  closeEndedGrants(tenantId: string): Promise<Array<{ id: string; organizationId: string; title: string }>> {
    const now = this.clock.now();
    return runInTenant(this.dataSource, tenantId, async (manager) => {
      const closed = await queryRows<{ id: string; organization_id: string; title: string }>(
        manager,
        `UPDATE grants SET status = 'CLOSED', closed_at = $2
          WHERE tenant_id = $1 AND status = 'PUBLISHED' AND window_closes_at <= $2
          RETURNING id, organization_id, title`,
        [tenantId, now],
      );
      for (const row of closed) {
        await recordAudit(manager, systemActor(tenantId, row.organization_id), {
          entity: 'Grant',
          entityId: row.id,
          action: 'CLOSED_AUTOMATICALLY',
          changedFields: ['status'],
        });
      }
      return closed.map((row) => ({ id: row.id, organizationId: row.organization_id, title: row.title }));
    });
  }

  /** One page of a search, in the sort's keyset order. */
  async page(
    manager: EntityManager,
    actor: RequestActor,
    where: Conditions,
    sort: NonNullable<GrantSearchInput['sort']>,
    cursor: ReturnType<typeof decodeCursor>,
    size: number,
  ): Promise<Page<Grant>> {
    const { sortKey, orderBy } = applySort(where, sort, cursor, this.clock.now());
    where.params.push(size + 1);
    const rows: Array<GrantRow & { sort_key: string }> = await manager.query(
      `SELECT ${GRANT_COLUMNS}, ${sortKey} AS sort_key FROM ${GRANT_FROM}
        WHERE ${where.sql} ORDER BY ${orderBy} LIMIT $${where.params.length}`,
      where.params,
    );
    const page = toPage(rows, size, (row) => ({ key: row.sort_key, id: row.id }));
    return { ...page, nodes: await this.reader.present(manager, actor, page.nodes) };
  }

  /** A listing the actor may see (NOT_FOUND otherwise, whatever the reason). */
  async loadVisible(manager: EntityManager, actor: RequestActor, id: string): Promise<GrantRow> {
    requireId(id, GRANT);
    const where = new Conditions();
    where.add(visibleTo(where, actor));
    where.add(`g.id = ${where.param(id)}`);
    return oneOrNotFound<GrantRow>(manager, `SELECT ${GRANT_COLUMNS} FROM ${GRANT_FROM} WHERE ${where.sql}`, where.params, GRANT);
  }

  /** Every change ends alike: its audit record, then the grant as it now stands. */
  private async audited(manager: EntityManager, actor: RequestActor, id: string, action: string, changedFields: string[]): Promise<Grant> {
    await recordAudit(manager, actor, { entity: 'Grant', entityId: id, action, changedFields });
    return this.present(manager, actor, await this.loadOwn(manager, actor, id));
  }

  private async loadOwn(manager: EntityManager, actor: RequestActor, id: string): Promise<GrantRow> {
    return oneOrNotFound<GrantRow>(manager, `SELECT ${GRANT_COLUMNS} FROM ${GRANT_FROM} WHERE g.tenant_id = $1 AND g.id = $2`, [actor.tenantId, id], GRANT);
  }

  /** A listing of my network, locked, that the actor may edit (others' drafts: NOT_FOUND; others' listings: FORBIDDEN). */
  private async loadEditable(manager: EntityManager, actor: RequestActor, id: string): Promise<GrantRow> {
    const row = await this.loadVisible(manager, actor, id);
    if (row.tenant_id !== actor.tenantId) throw notFound(GRANT);
    assertCan(actor, 'update', { __typename: 'Grant', organizationId: row.organization_id });
    await manager.query(`SELECT 1 FROM grants WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [actor.tenantId, id]);
    return this.loadOwn(manager, actor, id);
  }

  private assertStatus(row: GrantRow, allowed: readonly GrantStatus[], message: { ja: string; en: string }): void {
    if (!allowed.includes(row.status)) throw new AppError('CONFLICT', message, { reason: 'GRANT_STATUS' });
  }
}
