// Partnerships (連携管理, DESIGN.md capability 6): a municipality's liaisons create and keep them
// — fields, contacts, status moves (PARTNERSHIP_STATUS_MOVES), documents, the interaction log
// with follow-ups — and every member of the partner organisation reads its own, read-only.
//
// Who sees what: a partnership is found only by the liaisons of its municipality and the members
// of its partner (anyone else, in this network or another, and any id that is not a UUID:
// NOT_FOUND); a partner member who tries to change it is FORBIDDEN. Every mutation is one
// runInTenant transaction, so a refused change leaves no partial rows.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { japanDate, localizedText as text, mayManagePartnerships, mayMovePartnership, PARTNERSHIP_STATUSES, PartnershipStatus } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit-log';
import { abilityFor, assertCan, notFound } from '../../core/authz/authorize';
import { Conditions } from '../../core/database/conditions';
import { deleteOrNotFound, oneOrNotFound, queryRows } from '../../core/database/returning';
import { ownFile } from '../../core/files/own-file';
import { AppError } from '../../core/graphql/app-error';
import { addKeysetCondition, decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import type { InteractionInput, PartnershipInput, PartnershipSearchInput } from './dto/partnerships.input';
import { FollowUpFields, validateInteractionFields, validatePartnershipFields } from './partnership-fields';
import type { Partnership, PartnershipMember } from './partnership.model';
import {
  FOLLOW_UP_COLUMNS,
  FOLLOW_UP_FROM,
  FollowUpRow,
  INTERACTION_COLUMNS,
  INTERACTION_FROM,
  InteractionRow,
  PARTNERSHIP_COLUMNS,
  PARTNERSHIP_FROM,
  partnershipSubject,
  PartnershipReader,
  PartnershipRow,
} from './partnership-reader';
import { requireId, usableId, usableIds } from '../../core/graphql/ids';

export const PARTNERSHIP = { ja: '連携', en: 'partnership' };
const ORGANIZATION = { ja: '連携先の団体', en: 'partner organisation' };
const DOCUMENT = { ja: '資料', en: 'document' };
const INTERACTION = { ja: '対応記録', en: 'interaction' };
const FOLLOW_UP = { ja: '対応事項', en: 'follow-up' };

/** The file purpose of partnership documents (core/files/file-purposes.ts). */
export const PARTNERSHIP_DOCUMENT_PURPOSE = 'PARTNERSHIP_DOCUMENT';
export const MAX_DOCUMENTS = 50;

export interface InteractionPageRow extends InteractionRow {
  sort_key: string;
}

@Injectable()
export class PartnershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reader: PartnershipReader,
  ) {}

  tenant<T>(actor: RequestActor, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runInTenant(this.dataSource, actor, work);
  }

  today(): string {
    return japanDate(this.clock.now());
  }

  get(actor: RequestActor, id: string): Promise<Partnership> {
    return this.tenant(actor, async (manager) => this.present(manager, actor, await this.loadReadable(manager, actor, id)));
  }

  /**
   * The partnerships the actor takes part in, newest first: a liaison's municipality's (managed)
   * and, for anyone, those their organisation is the partner of. Each side is read through its
   * own index in keyset order and the two merged.
   */
  list(actor: RequestActor, input: PartnershipSearchInput, first?: number | null, after?: string | null): Promise<Page<Partnership>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const where = new Conditions();
    const tenant = where.param(actor.tenantId);
    const organization = where.param(actor.organizationId);
    if (input.status) where.add(`p.status = ${where.param(input.status)}`);
    if (input.type) where.add(`p.partnership_type = ${where.param(input.type)}`);
    if (input.partnerOrganizationId) {
      // Not a UUID: matches nothing (a filter, not a lookup).
      where.add(usableId(input.partnerOrganizationId) ? `p.partner_organization_id = ${where.param(input.partnerOrganizationId)}::uuid` : 'false');
    }
    for (const word of (input.keyword ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10)) {
      const pattern = where.param(`%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
      where.add(`(p.title ILIKE ${pattern} OR p.description ILIKE ${pattern} OR po.name ILIKE ${pattern})`);
    }
    addKeysetCondition(where, cursor, 'p.created_at', 'p.id', 'timestamptz');
    const limit = where.param(size + 1);
    const sides = [`p.partner_organization_id = ${organization}`];
    if (mayManagePartnerships(actor.organizationKind, actor.roles)) sides.unshift(`p.organization_id = ${organization}`);
    const branches = sides.map(
      (side) => `(SELECT ${PARTNERSHIP_COLUMNS}, p.created_at::text AS sort_key FROM ${PARTNERSHIP_FROM}
                   WHERE p.tenant_id = ${tenant} AND ${side} AND ${where.sql}
                   ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit})`,
    );
    return this.tenant(actor, async (manager) => {
      const rows: Array<PartnershipRow & { sort_key: string }> = await manager.query(
        `SELECT * FROM (${branches.join(' UNION ALL ')}) page ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
        where.params,
      );
      const page = toPage(rows, size, (row) => ({ key: row.sort_key, id: row.id }));
      return { ...page, nodes: await this.reader.present(manager, actor, page.nodes, this.today()) };
    });
  }

  /** Active members of my municipality, for follow-ups (liaisons of a municipality only). */
  assignees(actor: RequestActor): Promise<PartnershipMember[]> {
    assertCan(actor, 'create', { __typename: 'Partnership', organizationId: actor.organizationId, partnerOrganizationId: '' });
    return this.tenant(actor, (manager) =>
      manager.query(
        `SELECT m.id AS "membershipId", u.display_name AS "displayName"
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.tenant_id = $1 AND m.organization_id = $2 AND m.disabled_at IS NULL AND u.disabled_at IS NULL
          ORDER BY u.display_name, m.id`,
        [actor.tenantId, actor.organizationId],
      ),
    );
  }

  create(actor: RequestActor, input: PartnershipInput): Promise<Partnership> {
    assertCan(actor, 'create', { __typename: 'Partnership', organizationId: actor.organizationId, partnerOrganizationId: input.partnerOrganizationId });
    const fields = validatePartnershipFields(input);
    return this.tenant(actor, async (manager) => {
      await this.assertPartner(manager, actor, actor.organizationId, fields.partnerOrganizationId);
      const [{ id }] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO partnerships (tenant_id, organization_id, partner_organization_id, created_by_membership_id, partnership_type,
                                   title, description, starts_on, ends_on, review_on, budget_yen)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [actor.tenantId, actor.organizationId, fields.partnerOrganizationId, actor.membershipId, fields.type, fields.title,
          fields.description, fields.startsOn, fields.endsOn, fields.reviewOn, fields.budgetYen],
      );
      if (fields.contacts) await this.replaceContacts(manager, actor, id, fields.contacts);
      return this.audited(manager, actor, id, 'CREATED', ['partnership', ...(fields.contacts ? ['contacts'] : [])]);
    });
  }

  update(actor: RequestActor, id: string, input: PartnershipInput): Promise<Partnership> {
    return this.tenant(actor, async (manager) => {
      const current = await this.loadManageable(manager, actor, id);
      const fields = validatePartnershipFields(input);
      await this.assertPartner(manager, actor, current.organization_id, fields.partnerOrganizationId);
      await manager.query(
        `UPDATE partnerships SET partner_organization_id = $3, partnership_type = $4, title = $5, description = $6,
                starts_on = $7, ends_on = $8, review_on = $9, budget_yen = $10
          WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, id, fields.partnerOrganizationId, fields.type, fields.title, fields.description, fields.startsOn,
          fields.endsOn, fields.reviewOn, fields.budgetYen],
      );
      if (fields.contacts) await this.replaceContacts(manager, actor, id, fields.contacts);
      return this.audited(manager, actor, id, 'UPDATED', ['partnership', ...(fields.contacts ? ['contacts'] : [])]);
    });
  }

  /**
   * Moves the status along PARTNERSHIP_STATUS_MOVES. The UPDATE names the status it moves from,
   * so of two moves at once only the first applies; the other is CONFLICT INVALID_STATUS_CHANGE.
   */
  setStatus(actor: RequestActor, id: string, status: PartnershipStatus): Promise<Partnership> {
    return this.tenant(actor, async (manager) => {
      const current = await this.loadManageable(manager, actor, id, false);
      if (!mayMovePartnership(current.status, status)) throw statusConflict(current.status, status);
      const [, moved] = await manager.query(`UPDATE partnerships SET status = $3 WHERE tenant_id = $1 AND id = $2 AND status = $4`, [
        actor.tenantId,
        id,
        status,
        current.status,
      ]);
      if (!moved) {
        const [now] = await manager.query(`SELECT status FROM partnerships WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, id]);
        throw statusConflict(now?.status ?? current.status, status);
      }
      return this.audited(manager, actor, id, `STATUS_${status}`, ['status']);
    });
  }

  /** Attaches a file my municipality uploaded for partnership documents. */
  attachDocument(actor: RequestActor, id: string, fileId: string): Promise<Partnership> {
    return this.tenant(actor, async (manager) => {
      await this.loadManageable(manager, actor, id);
      const file = await ownFile(manager, actor, fileId);
      if (file.purpose !== PARTNERSHIP_DOCUMENT_PURPOSE) {
        throw new AppError(
          'BAD_USER_INPUT',
          text('連携の資料としてアップロードしたファイルを選んでください。', 'Choose a file uploaded as a partnership document.'),
          { reason: 'FILE_PURPOSE' },
        );
      }
      const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM partnership_documents WHERE tenant_id = $1 AND partnership_id = $2`, [
        actor.tenantId,
        id,
      ]);
      if (count >= MAX_DOCUMENTS) {
        throw new AppError('BAD_USER_INPUT', text(`資料は${MAX_DOCUMENTS}件までです。`, `At most ${MAX_DOCUMENTS} documents.`), { reason: 'TOO_MANY_DOCUMENTS' });
      }
      await manager.query(
        `INSERT INTO partnership_documents (tenant_id, partnership_id, file_id) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, partnership_id, file_id) DO NOTHING`,
        [actor.tenantId, id, fileId],
      );
      return this.audited(manager, actor, id, 'DOCUMENT_ATTACHED', ['documents']);
    });
  }

  removeDocument(actor: RequestActor, id: string, documentId: string): Promise<Partnership> {
    return this.tenant(actor, async (manager) => {
      await this.loadManageable(manager, actor, id);
      requireId(documentId, DOCUMENT);
      await deleteOrNotFound(manager, `DELETE FROM partnership_documents WHERE tenant_id = $1 AND partnership_id = $2 AND id = $3`, [actor.tenantId, id, documentId], DOCUMENT);
      return this.audited(manager, actor, id, 'DOCUMENT_REMOVED', ['documents']);
    });
  }

  recordInteraction(actor: RequestActor, partnershipId: string, input: InteractionInput): Promise<Partnership> {
    return this.tenant(actor, async (manager) => {
      const partnership = await this.loadManageable(manager, actor, partnershipId);
      const fields = validateInteractionFields(input);
      const followUps = fields.followUps ?? [];
      if (followUps.some((followUp) => followUp.id)) {
        throw new AppError('BAD_USER_INPUT', text('新しい記録の対応事項にIDは指定できません。', 'A new interaction has no existing follow-ups to name.'), {
          reason: 'INVALID_INTERACTION',
        });
      }
      await this.assertAssignees(manager, actor, partnership.organization_id, followUps);
      const [{ id }] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO partnership_interactions (tenant_id, partnership_id, kind, occurred_on, attendees, notes, recorded_by_membership_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [actor.tenantId, partnershipId, fields.kind, fields.occurredOn, fields.attendees, fields.notes, actor.membershipId],
      );
      await this.insertFollowUps(manager, actor, partnershipId, id, followUps);
      return this.audited(manager, actor, partnershipId, 'INTERACTION_RECORDED', ['interactions', ...(followUps.length ? ['followUps'] : [])]);
    });
  }

  /**
   * Replaces an interaction's fields; with followUps given, they replace its follow-ups: one
   * naming an existing follow-up's id (or saying exactly what an existing one says) keeps that
   * row, its done mark and its reminder; the others are removed.
   */
  updateInteraction(actor: RequestActor, id: string, input: InteractionInput): Promise<Partnership> {
    return this.tenant(actor, async (manager) => {
      const partnershipId = await this.partnershipOf(manager, actor, 'partnership_interactions', id, INTERACTION);
      const partnership = await this.loadManageable(manager, actor, partnershipId);
      const fields = validateInteractionFields(input);
      await manager.query(
        `UPDATE partnership_interactions SET kind = $3, occurred_on = $4, attendees = $5, notes = $6 WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, id, fields.kind, fields.occurredOn, fields.attendees, fields.notes],
      );
      if (fields.followUps) {
        await this.assertAssignees(manager, actor, partnership.organization_id, fields.followUps);
        const existing: Array<{ id: string; description: string; due_on: string; assignee_membership_id: string | null }> = await manager.query(
          `SELECT id, description, due_on::text AS due_on, assignee_membership_id FROM partnership_follow_ups
            WHERE tenant_id = $1 AND interaction_id = $2 ORDER BY created_at, id`,
          [actor.tenantId, id],
        );
        const kept = new Set<string>();
        const added: FollowUpFields[] = [];
        for (const followUp of fields.followUps) {
          const match = followUp.id
            ? existing.find((row) => row.id === followUp.id)
            : existing.find(
                (row) =>
                  !kept.has(row.id) && row.description === followUp.description && row.due_on === followUp.dueOn &&
                  row.assignee_membership_id === followUp.assigneeMembershipId,
              );
          if (followUp.id && (!match || kept.has(match.id))) throw notFound(FOLLOW_UP);
          if (!match) {
            added.push(followUp);
            continue;
          }
          kept.add(match.id);
          await manager.query(
            `UPDATE partnership_follow_ups SET description = $3, due_on = $4, assignee_membership_id = $5 WHERE tenant_id = $1 AND id = $2`,
            [actor.tenantId, match.id, followUp.description, followUp.dueOn, followUp.assigneeMembershipId],
          );
        }
        const gone = existing.filter((row) => !kept.has(row.id)).map((row) => row.id);
        if (gone.length) await manager.query(`DELETE FROM partnership_follow_ups WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [actor.tenantId, gone]);
        await this.insertFollowUps(manager, actor, partnershipId, id, added);
      }
      return this.audited(manager, actor, partnershipId, 'INTERACTION_UPDATED', ['interactions', ...(fields.followUps ? ['followUps'] : [])]);
    });
  }

  /** Marks a follow-up done (now) or open again. */
  completeFollowUp(actor: RequestActor, id: string, done: boolean): Promise<Partnership> {
    return this.tenant(actor, async (manager) => {
      const partnershipId = await this.partnershipOf(manager, actor, 'partnership_follow_ups', id, FOLLOW_UP);
      await this.loadManageable(manager, actor, partnershipId);
      await manager.query(
        `UPDATE partnership_follow_ups SET done_at = CASE WHEN $3 THEN coalesce(done_at, $4) END WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, id, done, this.clock.now()],
      );
      return this.audited(manager, actor, partnershipId, done ? 'FOLLOW_UP_DONE' : 'FOLLOW_UP_REOPENED', ['followUps']);
    });
  }

  /**
   * Interactions of partnerships already shown to the actor, newest first: one page per
   * partnership for the same `first` and `after`, in one statement for all of them (and one more
   * for their follow-ups).
   */
  interactionsOf(
    actor: RequestActor,
    partnershipIds: readonly string[],
    size: number,
    cursor: ReturnType<typeof decodeCursor>,
  ): Promise<{ rows: InteractionPageRow[]; followUps: FollowUpRow[] }> {
    return this.tenant(actor, async (manager) => {
      const where = new Conditions();
      where.add(`i.tenant_id = ${where.param(actor.tenantId)} AND i.partnership_id = target.partnership_id`);
      const targets = where.param([...partnershipIds]);
      addKeysetCondition(where, cursor, 'i.occurred_on', 'i.id', 'date');
      const limit = where.param(size + 1);
      const rows: InteractionPageRow[] = await manager.query(
        `SELECT page.* FROM unnest(${targets}::uuid[]) AS target (partnership_id)
           CROSS JOIN LATERAL (
             SELECT ${INTERACTION_COLUMNS}, i.occurred_on::text AS sort_key FROM ${INTERACTION_FROM}
              WHERE ${where.sql} ORDER BY i.occurred_on DESC, i.id DESC LIMIT ${limit}) page`,
        where.params,
      );
      const followUps: FollowUpRow[] = rows.length
        ? await manager.query(
            `SELECT ${FOLLOW_UP_COLUMNS} FROM ${FOLLOW_UP_FROM} WHERE f.tenant_id = $1 AND f.interaction_id = ANY($2::uuid[]) ORDER BY f.due_on, f.id`,
            [actor.tenantId, rows.map((row) => row.id)],
          )
        : [];
      return { rows, followUps };
    });
  }

  async present(manager: EntityManager, actor: RequestActor, row: PartnershipRow): Promise<Partnership> {
    const [partnership] = await this.reader.present(manager, actor, [row], this.today());
    return partnership;
  }

  /** A partnership the actor may read (NOT_FOUND otherwise, whatever the reason). */
  async loadReadable(manager: EntityManager, actor: RequestActor, id: string): Promise<PartnershipRow> {
    requireId(id, PARTNERSHIP);
    const row = await this.loadRow(manager, actor, id).catch(() => null);
    if (!row || !abilityFor(actor).can('read', partnershipSubject(row))) throw notFound(PARTNERSHIP);
    return row;
  }

  /** A partnership the actor manages, locked for the change (readers: FORBIDDEN; others: NOT_FOUND). */
  private async loadManageable(manager: EntityManager, actor: RequestActor, id: string, lock = true): Promise<PartnershipRow> {
    const row = await this.loadReadable(manager, actor, id);
    assertCan(actor, 'update', partnershipSubject(row));
    if (!lock) return row;
    await manager.query(`SELECT 1 FROM partnerships WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [actor.tenantId, id]);
    return this.loadRow(manager, actor, id);
  }

  /** Every change ends alike: its audit record, then the partnership as it now stands. */
  private async audited(manager: EntityManager, actor: RequestActor, id: string, action: string, changedFields: string[]): Promise<Partnership> {
    await recordAudit(manager, actor, { entity: 'Partnership', entityId: id, action, changedFields });
    return this.present(manager, actor, await this.loadRow(manager, actor, id));
  }

  private async loadRow(manager: EntityManager, actor: RequestActor, id: string): Promise<PartnershipRow> {
    return oneOrNotFound<PartnershipRow>(manager, `SELECT ${PARTNERSHIP_COLUMNS} FROM ${PARTNERSHIP_FROM} WHERE p.tenant_id = $1 AND p.id = $2`, [actor.tenantId, id], PARTNERSHIP);
  }

  /** The partnership an interaction or follow-up belongs to (NOT_FOUND for ids of nothing the actor can reach). */
  private async partnershipOf(
    manager: EntityManager,
    actor: RequestActor,
    table: 'partnership_interactions' | 'partnership_follow_ups',
    id: string,
    what: { ja: string; en: string },
  ): Promise<string> {
    requireId(id, what);
    const row = await oneOrNotFound<{ partnership_id: string }>(manager, `SELECT partnership_id FROM ${table} WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, id], what);
    // Not readable: the same NOT_FOUND as an unknown id.
    await this.loadReadable(manager, actor, row.partnership_id).catch(() => {
      throw notFound(what);
    });
    return row.partnership_id;
  }

  /** The partner is another organisation of my network. */
  private async assertPartner(manager: EntityManager, actor: RequestActor, municipalityId: string, partnerId: string): Promise<void> {
    requireId(partnerId, ORGANIZATION);
    const [organization] = await manager.query(`SELECT id FROM organizations WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, partnerId]);
    if (!organization) throw notFound(ORGANIZATION);
    if (partnerId === municipalityId) {
      const message = text('連携先には自分の団体以外を選んでください。', 'Choose an organisation other than your own as the partner.');
      throw new AppError('BAD_USER_INPUT', message, { reason: 'PARTNER_IS_SELF', fields: { partnerOrganizationId: message } });
    }
  }

  /** Every assignee is an active member of the managing municipality. */
  private async assertAssignees(manager: EntityManager, actor: RequestActor, municipalityId: string, followUps: readonly FollowUpFields[]): Promise<void> {
    const ids = [...new Set(followUps.map((followUp) => followUp.assigneeMembershipId).filter((id): id is string => id !== null))];
    if (!ids.length) return;
    const found: Array<{ id: string }> = usableIds(ids).length === ids.length
      ? await manager.query(
          `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.tenant_id = $1 AND m.organization_id = $2 AND m.id = ANY($3::uuid[]) AND m.disabled_at IS NULL AND u.disabled_at IS NULL`,
          [actor.tenantId, municipalityId, ids],
        )
      : [];
    if (found.length !== ids.length) {
      const fields: Record<string, { ja: string; en: string }> = {};
      const message = text('担当者には自治体の有効なメンバーを選んでください。', 'Assign follow-ups to an active member of the municipality.');
      followUps.forEach((followUp, index) => {
        if (followUp.assigneeMembershipId && !found.some((row) => row.id === followUp.assigneeMembershipId)) fields[`followUps.${index}.assigneeMembershipId`] = message;
      });
      throw new AppError('BAD_USER_INPUT', message, { reason: 'ASSIGNEE_NOT_MEMBER', fields });
    }
  }

  private async insertFollowUps(manager: EntityManager, actor: RequestActor, partnershipId: string, interactionId: string, followUps: readonly FollowUpFields[]) {
    if (!followUps.length) return;
    await manager.query(
      `INSERT INTO partnership_follow_ups (tenant_id, partnership_id, interaction_id, description, due_on, assignee_membership_id)
       SELECT $1, $2, $3, f.description, f.due_on, f.assignee FROM unnest($4::text[], $5::date[], $6::uuid[]) AS f (description, due_on, assignee)`,
      [
        actor.tenantId,
        partnershipId,
        interactionId,
        followUps.map((followUp) => followUp.description),
        followUps.map((followUp) => followUp.dueOn),
        followUps.map((followUp) => followUp.assigneeMembershipId),
      ],
    );
  }

  private async replaceContacts(manager: EntityManager, actor: RequestActor, id: string, contacts: NonNullable<ReturnType<typeof validatePartnershipFields>['contacts']>) {
    await manager.query(`DELETE FROM partnership_contacts WHERE tenant_id = $1 AND partnership_id = $2`, [actor.tenantId, id]);
    if (!contacts.length) return;
    await manager.query(
      `INSERT INTO partnership_contacts (tenant_id, partnership_id, side, position, name, job_title, email, phone)
       SELECT $1, $2, c.side, c.position, c.name, c.job_title, c.email, c.phone
         FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[]) AS c (side, position, name, job_title, email, phone)`,
      [
        actor.tenantId,
        id,
        contacts.map((contact) => contact.side),
        contacts.map((_, index) => index),
        contacts.map((contact) => contact.name),
        contacts.map((contact) => contact.jobTitle),
        contacts.map((contact) => contact.email),
        contacts.map((contact) => contact.phone),
      ],
    );
  }
}

function statusConflict(from: PartnershipStatus, to: PartnershipStatus): AppError {
  const [current, next] = [PARTNERSHIP_STATUSES.labels[from], PARTNERSHIP_STATUSES.labels[to]];
  return new AppError(
    'CONFLICT',
    text(`「${current.ja}」の連携は「${next.ja}」にできません。画面を更新して現在の状態を確認してください。`, `A partnership that is ${current.en.toLowerCase()} cannot become ${next.en.toLowerCase()}. Reload to see its current status.`),
    { reason: 'INVALID_STATUS_CHANGE' },
  );
}
