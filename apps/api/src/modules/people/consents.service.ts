// Consent records: recorded by the owning organisation's admins and coordinators, never
// edited — revoked (at once, with who, when and why) or superseded by a new one — so the
// history of what a person agreed to stays readable. A member who may not see special-care data
// (STAFF) sees a special-care consent's categories only as one marker (specialCareHidden) and
// none of its free text (evidence note and file, revocation reason): they could name the
// condition the values hide.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  categoriesAsSeenBy,
  consentInputSchema,
  consentRevocationSchema,
  consentState,
  LocalizedText,
  localizedText as text,
  maySeeSpecialCare,
  PERSONAL_DATA_CATEGORIES,
} from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan, notFound } from '../../core/authz/authorize';
import { oneOrNotFound, queryRows } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import type { ConsentInput } from './dto/people.input';
import { Consent, EvidenceFile } from './people.model';
import { PeopleService } from './people.service';
import { requireId, usableId } from '../../core/graphql/ids';
import { validateInput } from '../../core/graphql/validate-input';

const CONSENT = { ja: '同意の記録', en: 'consent' };

const CONSENT_SELECT = `
  SELECT c.id, c.person_id, c.categories, c.purposes, c.recipient_organization_ids, c.recipient_kinds, c.valid_from,
         c.valid_until, c.method, c.obtained_at, c.evidence_note, c.special_care, c.supersedes_id, c.revoked_at,
         c.revocation_reason, c.created_at, c.organization_id,
         c.obtained_by_membership_id, ou.display_name AS obtained_by_name,
         c.revoked_by_membership_id, ru.display_name AS revoked_by_name,
         f.file_name AS evidence_file_name,
         (SELECT s.id FROM consents s WHERE s.tenant_id = c.tenant_id AND s.supersedes_id = c.id LIMIT 1) AS superseded_by_id,
         coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name)
                     FROM organizations o WHERE o.tenant_id = c.tenant_id AND o.id = ANY(c.recipient_organization_ids)), '[]') AS recipients
    FROM consents c
    JOIN memberships om ON om.tenant_id = c.tenant_id AND om.id = c.obtained_by_membership_id
    JOIN users ou ON ou.id = om.user_id
    LEFT JOIN memberships rm ON rm.tenant_id = c.tenant_id AND rm.id = c.revoked_by_membership_id
    LEFT JOIN users ru ON ru.id = rm.user_id
    LEFT JOIN consent_evidence_files f ON f.tenant_id = c.tenant_id AND f.consent_id = c.id`;

type ConsentRow = Record<string, unknown> & {
  id: string;
  organization_id: string;
  person_id: string;
  revoked_at: Date | null;
  special_care: boolean;
};

@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly clock: Clock,
  ) {}

  /** A person's consents, newest first (the owning organisation's case workers). */
  list(actor: RequestActor, personId: string): Promise<Consent[]> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const header = await this.people.ownHeader(manager, actor, personId, 'read');
      assertCan(actor, 'read', { __typename: 'Consent', organizationId: header.organizationId });
      const rows: ConsentRow[] = await manager.query(
        `${CONSENT_SELECT} WHERE c.tenant_id = $1 AND c.person_id = $2 ORDER BY c.created_at DESC, c.id DESC`,
        [actor.tenantId, personId],
      );
      return rows.map((row) => this.toConsent(actor, row));
    });
  }

  record(actor: RequestActor, input: ConsentInput): Promise<Consent> {
    const checked = validateInput(consentInputSchema, { ...input });
    return runInTenant(this.dataSource, actor, async (manager) => {
      const header = await this.people.ownHeader(manager, actor, input.personId, 'read');
      assertCan(actor, 'create', { __typename: 'Consent', organizationId: header.organizationId });
      if (header.status !== 'ACTIVE') {
        throw new AppError('CONFLICT', text('利用停止または消去された方には同意を記録できません。', 'Consent cannot be recorded for a person whose data is no longer in use.'), {
          reason: 'PERSON_NOT_ACTIVE',
        });
      }
      const problems: Record<string, LocalizedText> = {};
      if (checked.recipientOrganizationIds.length > 0) {
        const found: Array<{ id: string }> = await manager.query(
          `SELECT id FROM organizations WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND id <> $3`,
          [actor.tenantId, checked.recipientOrganizationIds, header.organizationId],
        );
        if (found.length !== checked.recipientOrganizationIds.length) {
          problems['recipientOrganizationIds'] = text('提供先は、このネットワークの他の団体から選んでください。', 'Choose recipients among the other organisations of this network.');
        }
      }
      const obtainedBy = checked.obtainedByMembershipId ?? actor.membershipId;
      const [membership]: Array<{ id: string }> = usableId(obtainedBy)
        ? await manager.query(
            `SELECT id FROM memberships WHERE tenant_id = $1 AND id = $2 AND organization_id = $3 AND disabled_at IS NULL`,
            [actor.tenantId, obtainedBy, header.organizationId],
          )
        : [];
      if (!membership) problems['obtainedByMembershipId'] = text('同意を得た職員を、この団体のメンバーから選んでください。', 'Choose the staff member who obtained it from this organisation.');
      let supersededRow: ConsentRow | undefined;
      if (checked.supersedesId) {
        [supersededRow] = usableId(checked.supersedesId)
          ? await manager.query(`SELECT id, organization_id, person_id, revoked_at FROM consents WHERE tenant_id = $1 AND id = $2 AND person_id = $3`, [
              actor.tenantId,
              checked.supersedesId,
              checked.personId,
            ])
          : [];
        if (!supersededRow) problems['supersedesId'] = text('置き換える同意は、この方の同意から選んでください。', "Choose the consent to replace among this person's consents.");
        else if (supersededRow.revoked_at) problems['supersedesId'] = text('撤回済みの同意は置き換えられません。', 'A revoked consent cannot be replaced.');
      }
      if (Object.keys(problems).length) throw new AppError('BAD_USER_INPUT', undefined, { fields: problems });

      if (supersededRow) {
        await this.revokeRow(manager, actor, supersededRow.id, 'SUPERSEDED');
      }
      const [{ id }]: Array<{ id: string }> = await manager.query(
        `INSERT INTO consents (tenant_id, person_id, organization_id, categories, purposes, recipient_organization_ids, recipient_kinds,
                               valid_from, valid_until, method, obtained_by_membership_id, obtained_at, evidence_note,
                               special_care_explained, supersedes_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [
          actor.tenantId,
          input.personId,
          header.organizationId,
          checked.categories,
          checked.purposes,
          checked.recipientOrganizationIds,
          checked.recipientKinds,
          checked.validFrom,
          checked.validUntil,
          checked.method,
          obtainedBy,
          checked.obtainedAt ?? this.clock.now(),
          checked.evidenceNote,
          checked.specialCareExplained,
          supersededRow?.id ?? null,
        ],
      );
      if (checked.evidenceFile) {
        await manager.query(
          `INSERT INTO consent_evidence_files (tenant_id, consent_id, file_name, media_type, content) VALUES ($1, $2, $3, $4, $5)`,
          [actor.tenantId, id, checked.evidenceFile.fileName, checked.evidenceFile.mediaType, Buffer.from(checked.evidenceFile.contentBase64, 'base64')],
        );
      }
      await recordAudit(manager, actor, { entity: 'Consent', entityId: id, action: 'RECORDED', changedFields: ['categories', 'purposes', 'recipients', 'validity'], organizationId: header.organizationId });
      return this.load(manager, actor, id);
    });
  }

  revoke(actor: RequestActor, id: string, reason: string): Promise<Consent> {
    const { reason: trimmed } = validateInput(consentRevocationSchema, { reason });
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.loadRow(manager, actor, id);
      assertCan(actor, 'update', { __typename: 'Consent', organizationId: current.organization_id });
      await this.revokeRow(manager, actor, id, trimmed);
      return this.load(manager, actor, id);
    });
  }

  evidence(actor: RequestActor, consentId: string): Promise<EvidenceFile> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.loadRow(manager, actor, consentId);
      assertCan(actor, 'read', { __typename: 'Consent', organizationId: current.organization_id });
      if (current.special_care && !maySeeSpecialCare(actor.roles)) {
        throw new AppError(
          'FORBIDDEN',
          text(
            '要配慮個人情報についての同意の証跡は、団体の管理者かコーディネーターだけが開けます。必要なときは担当のコーディネーターに依頼してください。',
            'The evidence of a consent for special-care data opens only for organisation admins and coordinators. Ask the coordinator in charge if you need it.',
          ),
          { reason: 'SPECIAL_CARE_ROLE_REQUIRED' },
        );
      }
      const [file]: Array<{ file_name: string; media_type: string; content: Buffer }> = await manager.query(
        `SELECT file_name, media_type, content FROM consent_evidence_files WHERE tenant_id = $1 AND consent_id = $2`,
        [actor.tenantId, consentId],
      );
      if (!file) throw notFound({ ja: '同意の証跡ファイル', en: 'evidence file' });
      return { fileName: file.file_name, mediaType: file.media_type, contentBase64: file.content.toString('base64') };
    });
  }

  /** Revocation takes effect at once: the next read no longer finds the consent active. */
  private async revokeRow(manager: EntityManager, actor: RequestActor, id: string, reason: string): Promise<void> {
    const revoked = await queryRows<{ id: string; organization_id: string }>(
      manager,
      `UPDATE consents SET revoked_at = $3, revoked_by_membership_id = $4, revocation_reason = $5
        WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id, organization_id`,
      [actor.tenantId, id, this.clock.now(), actor.membershipId, reason],
    );
    if (revoked.length === 0) {
      throw new AppError('CONFLICT', text('この同意はすでに撤回されています。', 'This consent has already been revoked.'), { reason: 'ALREADY_REVOKED' });
    }
    await recordAudit(manager, actor, { entity: 'Consent', entityId: id, action: reason === 'SUPERSEDED' ? 'SUPERSEDED' : 'REVOKED', changedFields: ['revokedAt'], organizationId: revoked[0].organization_id });
  }

  private async loadRow(manager: EntityManager, actor: RequestActor, id: string): Promise<ConsentRow> {
    requireId(id, CONSENT);
    const [row]: ConsentRow[] = await manager.query(
      `SELECT id, organization_id, person_id, revoked_at, special_care FROM consents WHERE tenant_id = $1 AND id = $2`,
      [actor.tenantId, id],
    );
    // Consents are the owner's business: another organisation learns nothing from an id.
    if (!row || row.organization_id !== actor.organizationId) throw notFound(CONSENT);
    return row;
  }

  private async load(manager: EntityManager, actor: RequestActor, id: string): Promise<Consent> {
    const row = await oneOrNotFound<ConsentRow>(manager, `${CONSENT_SELECT} WHERE c.tenant_id = $1 AND c.id = $2`, [actor.tenantId, id], CONSENT);
    return this.toConsent(actor, row);
  }

  private toConsent(actor: RequestActor, row: ConsentRow): Consent {
    const seen = categoriesAsSeenBy(
      actor.roles,
      PERSONAL_DATA_CATEGORIES.codes.filter((category) => (row.categories as string[]).includes(category)),
    );
    // A special-care consent's free text is withheld as a whole from a role that may not see
    // special-care data, and says so (never an empty string passed off as the value).
    const textWithheld = row.special_care && !maySeeSpecialCare(actor.roles);
    const facts = {
      validFrom: row.valid_from as Date,
      validUntil: (row.valid_until as Date | null) ?? null,
      revokedAt: row.revoked_at,
    };
    return {
      id: row.id,
      personId: row.person_id,
      state: consentState(facts, this.clock.now()),
      categories: [...seen.categories],
      specialCareHidden: seen.specialCareHidden,
      purposes: row.purposes as Consent['purposes'],
      recipientOrganizations: row.recipients as Consent['recipientOrganizations'],
      recipientKinds: row.recipient_kinds as Consent['recipientKinds'],
      validFrom: facts.validFrom,
      validUntil: facts.validUntil,
      method: row.method as Consent['method'],
      obtainedBy: { id: row.obtained_by_membership_id as string, name: row.obtained_by_name as string },
      obtainedAt: row.obtained_at as Date,
      evidenceNote: textWithheld ? null : ((row.evidence_note as string | null) ?? null),
      evidenceFileName: textWithheld ? null : ((row.evidence_file_name as string | null) ?? null),
      textWithheldReason: textWithheld ? 'ROLE_NOT_PERMITTED' : null,
      specialCare: row.special_care,
      supersedesId: (row.supersedes_id as string | null) ?? null,
      supersededById: (row.superseded_by_id as string | null) ?? null,
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by_membership_id
        ? { id: row.revoked_by_membership_id as string, name: row.revoked_by_name as string }
        : null,
      revocationReason: textWithheld ? null : ((row.revocation_reason as string | null) ?? null),
      createdAt: row.created_at as Date,
    };
  }

}
