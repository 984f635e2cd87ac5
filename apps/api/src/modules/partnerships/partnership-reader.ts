// Reads partnerships as one member sees them, a page at a time: the rows (both organisations
// joined), then in one query each the contacts, the documents and the open follow-ups of the
// whole page — never a query per partnership. Interactions are read by PartnershipLoaders.
import { Injectable } from '@nestjs/common';
import {
  ContactSide,
  InteractionKind,
  OrganizationKind,
  PARTNERSHIP_STATUS_MOVES,
  PartnershipStatus,
  PartnershipType,
} from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { abilityFor } from '../../core/authz/authorize';
import type { Partnership, PartnershipContact, PartnershipDocument, PartnershipFollowUp, PartnershipInteraction } from './partnership.model';

export const PARTNERSHIP_COLUMNS = `p.tenant_id, p.id, p.organization_id, mo.name AS municipality_name, mo.kind AS municipality_kind,
  p.partner_organization_id, po.name AS partner_name, po.kind AS partner_kind, p.partnership_type, p.title, p.description,
  p.starts_on::text AS starts_on, p.ends_on::text AS ends_on, p.review_on::text AS review_on, p.status,
  p.budget_yen::float8 AS budget_yen, p.created_at, p.updated_at`;

export const PARTNERSHIP_FROM = `partnerships p
  JOIN organizations mo ON mo.tenant_id = p.tenant_id AND mo.id = p.organization_id
  JOIN organizations po ON po.tenant_id = p.tenant_id AND po.id = p.partner_organization_id`;

export interface PartnershipRow {
  tenant_id: string;
  id: string;
  organization_id: string;
  municipality_name: string;
  municipality_kind: OrganizationKind;
  partner_organization_id: string;
  partner_name: string;
  partner_kind: OrganizationKind;
  partnership_type: PartnershipType;
  title: string;
  description: string;
  starts_on: string | null;
  ends_on: string | null;
  review_on: string | null;
  status: PartnershipStatus;
  budget_yen: number | null;
  created_at: Date;
  updated_at: Date;
}

/** The ability's subject for a partnership row. */
export function partnershipSubject(row: Pick<PartnershipRow, 'organization_id' | 'partner_organization_id'>) {
  return { __typename: 'Partnership' as const, organizationId: row.organization_id, partnerOrganizationId: row.partner_organization_id };
}

export function mayManage(actor: RequestActor, row: Pick<PartnershipRow, 'organization_id' | 'partner_organization_id'>): boolean {
  return abilityFor(actor).can('update', partnershipSubject(row));
}

export const FOLLOW_UP_COLUMNS = `f.id, f.partnership_id, f.interaction_id, f.description, f.due_on::text AS due_on, f.done_at,
  f.assignee_membership_id, au.display_name AS assignee_name`;
/** FROM clause for FOLLOW_UP_COLUMNS: the assignee's name through their membership. */
export const FOLLOW_UP_FROM = `partnership_follow_ups f
  LEFT JOIN memberships am ON am.tenant_id = f.tenant_id AND am.id = f.assignee_membership_id
  LEFT JOIN users au ON au.id = am.user_id`;

export interface FollowUpRow {
  id: string;
  partnership_id: string;
  interaction_id: string | null;
  description: string;
  due_on: string;
  done_at: Date | null;
  assignee_membership_id: string | null;
  assignee_name: string | null;
}

export function toFollowUp(row: FollowUpRow, today: string): PartnershipFollowUp {
  return {
    id: row.id,
    description: row.description,
    dueOn: row.due_on,
    assignee: row.assignee_membership_id ? { membershipId: row.assignee_membership_id, displayName: row.assignee_name ?? '' } : null,
    doneAt: row.done_at,
    overdue: row.done_at === null && row.due_on < today,
    interactionId: row.interaction_id,
  };
}

export interface InteractionRow {
  id: string;
  partnership_id: string;
  kind: InteractionKind;
  occurred_on: string;
  attendees: string;
  notes: string;
  recorded_by_membership_id: string | null;
  recorded_by_name: string | null;
  created_at: Date;
}

export const INTERACTION_COLUMNS = `i.id, i.partnership_id, i.kind, i.occurred_on::text AS occurred_on, i.attendees, i.notes,
  i.recorded_by_membership_id, ru.display_name AS recorded_by_name, i.created_at`;
export const INTERACTION_FROM = `partnership_interactions i
  LEFT JOIN memberships rm ON rm.tenant_id = i.tenant_id AND rm.id = i.recorded_by_membership_id
  LEFT JOIN users ru ON ru.id = rm.user_id`;

export function toInteraction(row: InteractionRow, followUps: PartnershipFollowUp[]): PartnershipInteraction {
  return {
    id: row.id,
    kind: row.kind,
    occurredOn: row.occurred_on,
    attendees: row.attendees,
    notes: row.notes,
    recordedBy: row.recorded_by_membership_id ? { membershipId: row.recorded_by_membership_id, displayName: row.recorded_by_name ?? '' } : null,
    createdAt: row.created_at,
    followUps,
  };
}

@Injectable()
export class PartnershipReader {
  /** The partnerships as the actor sees them, in the order given; `today` is the Japan date. */
  async present(manager: EntityManager, actor: RequestActor, rows: PartnershipRow[], today: string): Promise<Partnership[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const contacts: Array<PartnershipContact & { partnership_id: string }> = await manager.query(
      `SELECT partnership_id, id, side, name, job_title AS "jobTitle", email, phone FROM partnership_contacts
        WHERE tenant_id = $1 AND partnership_id = ANY($2::uuid[])
        ORDER BY partnership_id, CASE side WHEN 'MUNICIPALITY' THEN 0 ELSE 1 END, position, id`,
      [actor.tenantId, ids],
    );
    const documents: Array<PartnershipDocument & { partnership_id: string }> = await manager.query(
      `SELECT d.partnership_id, d.id, f.id AS "fileId", f.file_name AS "fileName", f.media_type AS "mediaType",
              f.byte_size::float8 AS "byteSize", f.created_at AS "uploadedAt"
         FROM partnership_documents d JOIN files f ON f.tenant_id = d.tenant_id AND f.id = d.file_id
        WHERE d.tenant_id = $1 AND d.partnership_id = ANY($2::uuid[])
        ORDER BY d.created_at, d.id`,
      [actor.tenantId, ids],
    );
    const openFollowUps: FollowUpRow[] = await manager.query(
      `SELECT ${FOLLOW_UP_COLUMNS} FROM ${FOLLOW_UP_FROM}
        WHERE f.tenant_id = $1 AND f.partnership_id = ANY($2::uuid[]) AND f.done_at IS NULL
        ORDER BY f.due_on, f.id`,
      [actor.tenantId, ids],
    );
    return rows.map((row) => {
      const manages = mayManage(actor, row);
      return {
        id: row.id,
        municipality: { id: row.organization_id, name: row.municipality_name, kind: row.municipality_kind },
        partner: { id: row.partner_organization_id, name: row.partner_name, kind: row.partner_kind },
        type: row.partnership_type,
        title: row.title,
        description: row.description,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        reviewOn: row.review_on,
        status: row.status,
        budgetYen: row.budget_yen,
        mayManage: manages,
        availableStatuses: manages ? [...PARTNERSHIP_STATUS_MOVES[row.status]] : [],
        contacts: contacts
          .filter((contact) => contact.partnership_id === row.id)
          .map(({ id, side, name, jobTitle, email, phone }) => ({ id, side: side as ContactSide, name, jobTitle, email, phone })),
        documents: documents
          .filter((document) => document.partnership_id === row.id)
          .map(({ id, fileId, fileName, mediaType, byteSize, uploadedAt }) => ({ id, fileId, fileName, mediaType, byteSize, uploadedAt })),
        openFollowUps: openFollowUps.filter((followUp) => followUp.partnership_id === row.id).map((followUp) => toFollowUp(followUp, today)),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    });
  }
}
