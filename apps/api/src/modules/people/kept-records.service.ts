// What is kept about a person's data and served back on request: the access log, third-party
// provision records (provided, and received for the Art. 30 confirmation), corrections, and
// the disclosure of everything held (JSON and PDF). The owning organisation's admins and
// coordinators read them; nobody edits them.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { consentState, Language, PERSONAL_DATA_CATEGORIES, PersonalDataCategory } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan, notFound } from '../../core/authz/authorize';
import { AppError } from '../../core/graphql/app-error';
import { decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { PersonalDataReader } from '../../core/personal-data/person-reader';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import { DisclosureDocument, DisclosureValue } from './disclosure-document';
import { renderDisclosurePdf } from './disclosure-pdf';
import type { ProvisionRecordFilter } from './dto/people.input';
import { PersonAccess, PersonCorrection, PersonDisclosure, DownloadFile, ProvisionRecord } from './people.model';
import { PERSON, PeopleService } from './people.service';
import { provisionRecordsCsv } from './provision-csv';
import { requireOptionalId } from '../../core/graphql/ids';

const MAX_CSV_ROWS = 50_000;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function sortedCategories(categories: readonly string[]): PersonalDataCategory[] {
  return PERSONAL_DATA_CATEGORIES.codes.filter((category) => categories.includes(category));
}

interface ProvisionRow {
  id: string;
  created_at: Date;
  /** created_at as the database writes it, to the microsecond: the keyset cursor. */
  cursor_key: string;
  person_id: string;
  pseudonym: string;
  provider_id: string;
  provider_name: string;
  recipient_id: string;
  recipient_name: string;
  categories: string[];
  purpose: ProvisionRecord['purpose'];
  consent_ids: string[];
  provider_acquisition: string;
  context: string;
}

@Injectable()
export class KeptRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly reader: PersonalDataReader,
    private readonly clock: Clock,
  ) {}

  private async ownPerson(manager: EntityManager, actor: RequestActor, personId: string) {
    const header = await this.people.ownHeader(manager, actor, personId, 'read');
    assertCan(actor, 'read', { __typename: 'PersonRecords', organizationId: header.organizationId });
    return header;
  }

  /** Reads of the person from outside the owning organisation, newest first. */
  accessLog(actor: RequestActor, personId: string, first?: number | null, after?: string | null): Promise<Page<PersonAccess>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    return runInTenant(this.dataSource, actor, async (manager) => {
      await this.ownPerson(manager, actor, personId);
      const rows: Array<Record<string, unknown> & { id: string; created_at: Date; cursor_key: string }> = await manager.query(
        `SELECT l.id, l.created_at, l.created_at::text AS cursor_key, l.categories, l.purpose, l.consent_ids, o.id AS organization_id, o.name AS organization_name,
                u.display_name AS user_name
           FROM person_access_log l
           JOIN organizations o ON o.tenant_id = l.tenant_id AND o.id = l.organization_id
           LEFT JOIN users u ON u.id = l.actor_user_id
          WHERE l.tenant_id = $1 AND l.person_id = $2
            AND ($3::timestamptz IS NULL OR (l.created_at, l.id) < ($3::timestamptz, $4::uuid))
          ORDER BY l.created_at DESC, l.id DESC LIMIT $5`,
        [actor.tenantId, personId, cursor?.key ?? null, cursor?.id ?? null, size + 1],
      );
      const page = toPage(rows, size, (row) => ({ key: row.cursor_key, id: row.id }));
      return {
        ...page,
        nodes: page.nodes.map((row) => ({
          id: row.id,
          accessedAt: row.created_at,
          organization: { id: row.organization_id as string, name: row.organization_name as string },
          userName: (row.user_name as string | null) ?? null,
          categories: sortedCategories(row.categories as string[]),
          purpose: (row.purpose as PersonAccess['purpose']) ?? null,
          consentIds: row.consent_ids as string[],
        })),
      };
    });
  }

  provisionRecords(actor: RequestActor, filter: ProvisionRecordFilter, first?: number | null, after?: string | null): Promise<Page<ProvisionRecord>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const rows = await this.provisionRows(manager, actor, filter, size + 1, cursor);
      const page = toPage(rows, size, (row) => ({ key: row.cursor_key, id: row.id }));
      return { ...page, nodes: page.nodes.map(toProvisionRecord) };
    });
  }

  provisionCsv(actor: RequestActor, filter: ProvisionRecordFilter, language: Language): Promise<DownloadFile> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const rows = await this.provisionRows(manager, actor, filter, MAX_CSV_ROWS, null);
      const csv = provisionRecordsCsv(
        rows.map((row) => ({
          providedAt: row.created_at.toISOString(),
          providerOrganizationName: row.provider_name,
          recipientOrganizationName: row.recipient_name,
          personPseudonym: row.pseudonym,
          categories: sortedCategories(row.categories),
          purpose: row.purpose,
          consentId: row.consent_ids.join(' '),
          acquisition: row.provider_acquisition,
        })),
        language,
      );
      const side = filter.side === 'RECEIVED' ? 'received' : 'provided';
      const range = [filter.from, filter.to].filter(Boolean).join('_') || 'all';
      return { fileName: `provision-records-${side}-${range}.csv`, mediaType: 'text/csv; charset=utf-8', content: csv, base64: false };
    });
  }

  corrections(actor: RequestActor, personId: string): Promise<PersonCorrection[]> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      await this.ownPerson(manager, actor, personId);
      return (await this.correctionRows(manager, actor.tenantId, personId)).map((row) => ({
        id: row.id,
        correctedAt: row.created_at,
        correctedByName: row.by_name,
        fields: row.fields,
        reason: row.reason,
      }));
    });
  }

  /** 開示: everything held about the person, as JSON and as a PDF the person can read. */
  disclose(actor: RequestActor, personId: string, language: Language): Promise<PersonDisclosure> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const header = await this.ownPerson(manager, actor, personId);
      const held = await this.reader.readForDataSubject(manager, actor.tenantId, personId);
      if (!held) throw notFound(PERSON);
      const consents: Array<Record<string, unknown>> = await manager.query(
        `SELECT c.id, c.categories, c.purposes, c.recipient_kinds, c.valid_from, c.valid_until, c.method, c.obtained_at,
                c.evidence_note, c.revoked_at, c.revocation_reason, u.display_name AS obtained_by_name,
                coalesce((SELECT array_agg(o.name ORDER BY o.name) FROM organizations o
                           WHERE o.tenant_id = c.tenant_id AND o.id = ANY(c.recipient_organization_ids)), '{}') AS recipient_names
           FROM consents c
           JOIN memberships m ON m.tenant_id = c.tenant_id AND m.id = c.obtained_by_membership_id
           JOIN users u ON u.id = m.user_id
          WHERE c.tenant_id = $1 AND c.person_id = $2 ORDER BY c.created_at, c.id`,
        [actor.tenantId, personId],
      );
      const provisions = await this.provisionRows(manager, actor, { side: 'PROVIDED', personId }, MAX_CSV_ROWS, null, true);
      const access: Array<Record<string, unknown>> = await manager.query(
        `SELECT l.created_at, l.categories, l.purpose, o.name AS organization_name, coalesce(u.display_name, '') AS user_name
           FROM person_access_log l
           JOIN organizations o ON o.tenant_id = l.tenant_id AND o.id = l.organization_id
           LEFT JOIN users u ON u.id = l.actor_user_id
          WHERE l.tenant_id = $1 AND l.person_id = $2 ORDER BY l.created_at, l.id`,
        [actor.tenantId, personId],
      );
      const corrections = await this.correctionRows(manager, actor.tenantId, personId);
      const now = this.clock.now();
      const document: DisclosureDocument = {
        generatedAt: now.toISOString(),
        language,
        person: {
          pseudonym: header.pseudonym,
          status: header.status,
          ownerOrganizationName: held.row.organization_name,
          createdAt: held.row.created_at.toISOString(),
        },
        categories: PERSONAL_DATA_CATEGORIES.codes.map((category) => ({
          category,
          values: (held.values[category] as Record<string, DisclosureValue> | null) ?? null,
        })),
        consents: consents.map((row) => ({
          id: row.id as string,
          state: consentState(
            { validFrom: row.valid_from as Date, validUntil: (row.valid_until as Date | null) ?? null, revokedAt: (row.revoked_at as Date | null) ?? null },
            now,
          ),
          categories: sortedCategories(row.categories as string[]),
          purposes: row.purposes as DisclosureDocument['consents'][number]['purposes'],
          recipientOrganizationNames: row.recipient_names as string[],
          recipientKinds: row.recipient_kinds as string[],
          validFrom: (row.valid_from as Date).toISOString(),
          validUntil: row.valid_until ? (row.valid_until as Date).toISOString() : null,
          method: row.method as DisclosureDocument['consents'][number]['method'],
          obtainedByName: row.obtained_by_name as string,
          obtainedAt: (row.obtained_at as Date).toISOString(),
          evidenceNote: (row.evidence_note as string | null) ?? null,
          revokedAt: row.revoked_at ? (row.revoked_at as Date).toISOString() : null,
          revocationReason: (row.revocation_reason as string | null) ?? null,
        })),
        provisions: provisions.map((row) => ({
          providedAt: row.created_at.toISOString(),
          providerOrganizationName: row.provider_name,
          recipientOrganizationName: row.recipient_name,
          categories: sortedCategories(row.categories),
          purpose: row.purpose,
          consentId: row.consent_ids.join(' ') || null,
        })),
        accessLog: access.map((row) => ({
          accessedAt: (row.created_at as Date).toISOString(),
          organizationName: row.organization_name as string,
          userName: row.user_name as string,
          categories: sortedCategories(row.categories as string[]),
          purpose: (row.purpose as DisclosureDocument['accessLog'][number]['purpose']) ?? null,
        })),
        corrections: corrections.map((row) => ({
          correctedAt: row.created_at.toISOString(),
          byName: row.by_name ?? '',
          fields: row.fields,
          reason: row.reason ?? '',
        })),
      };
      await recordAudit(manager, actor, {
        organizationId: header.organizationId,
        entity: 'Person',
        entityId: personId,
        action: 'DISCLOSED',
        changedFields: [],
      });
      const pdf = await renderDisclosurePdf(document);
      const stem = `disclosure-${header.pseudonym}-${now.toISOString().slice(0, 10)}`;
      return {
        json: { fileName: `${stem}.json`, mediaType: 'application/json', content: JSON.stringify(document, null, 2), base64: false },
        pdf: { fileName: `${stem}.pdf`, mediaType: 'application/pdf', content: pdf.toString('base64'), base64: true },
      };
    });
  }

  private async correctionRows(manager: EntityManager, tenantId: string, personId: string) {
    const rows: Array<{ id: string; created_at: Date; fields: string[]; reason: string | null; by_name: string | null }> = await manager.query(
      `SELECT c.id, c.created_at, c.fields, c.reason, u.display_name AS by_name
         FROM person_corrections c
         LEFT JOIN memberships m ON m.tenant_id = c.tenant_id AND m.id = c.corrected_by_membership_id
         LEFT JOIN users u ON u.id = m.user_id
        WHERE c.tenant_id = $1 AND c.person_id = $2 ORDER BY c.created_at DESC, c.id DESC`,
      [tenantId, personId],
    );
    return rows;
  }

  /**
   * Provision records of the actor's organisation: as provider (Art. 29) or as recipient
   * (Art. 30), optionally for one person and a period of Japan dates, newest first.
   */
  private async provisionRows(
    manager: EntityManager,
    actor: RequestActor,
    filter: ProvisionRecordFilter,
    limit: number,
    cursor: { key: string; id: string } | null,
    oldestFirst = false,
  ): Promise<ProvisionRow[]> {
    assertCan(actor, 'read', { __typename: 'PersonRecords', organizationId: actor.organizationId });
    const problems: Record<string, { ja: string; en: string }> = {};
    for (const key of ['from', 'to'] as const) {
      const value = filter[key];
      if (value && (!isoDate.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
        problems[key] = { ja: '日付は「2026-04-01」の形で入力してください。', en: 'Give the date as YYYY-MM-DD.' };
      }
    }
    requireOptionalId(filter.personId, PERSON);
    if (Object.keys(problems).length) throw new AppError('BAD_USER_INPUT', undefined, { fields: problems });
    const sideColumn = filter.side === 'RECEIVED' ? 'recipient_organization_id' : 'provider_organization_id';
    const direction = oldestFirst ? 'ASC' : 'DESC';
    return manager.query(
      `SELECT r.id, r.created_at, r.created_at::text AS cursor_key, r.person_id, p.pseudonym, r.provider_organization_id AS provider_id, po.name AS provider_name,
              r.recipient_organization_id AS recipient_id, ro.name AS recipient_name, r.categories, r.purpose, r.consent_ids,
              r.provider_acquisition, r.context
         FROM provision_records r
         JOIN persons p ON p.tenant_id = r.tenant_id AND p.id = r.person_id
         JOIN organizations po ON po.tenant_id = r.tenant_id AND po.id = r.provider_organization_id
         JOIN organizations ro ON ro.tenant_id = r.tenant_id AND ro.id = r.recipient_organization_id
        WHERE r.tenant_id = $1 AND r.${sideColumn} = $2
          AND ($3::uuid IS NULL OR r.person_id = $3)
          AND ($4::date IS NULL OR r.provided_on >= $4::date)
          AND ($5::date IS NULL OR r.provided_on <= $5::date)
          AND ($6::timestamptz IS NULL OR (r.created_at, r.id) < ($6::timestamptz, $7::uuid))
        ORDER BY r.created_at ${direction}, r.id ${direction} LIMIT $8`,
      [actor.tenantId, actor.organizationId, filter.personId ?? null, filter.from ?? null, filter.to ?? null, cursor?.key ?? null, cursor?.id ?? null, limit],
    );
  }
}

function toProvisionRecord(row: ProvisionRow): ProvisionRecord {
  return {
    id: row.id,
    providedAt: row.created_at,
    personId: row.person_id,
    personPseudonym: row.pseudonym,
    provider: { id: row.provider_id, name: row.provider_name },
    recipient: { id: row.recipient_id, name: row.recipient_name },
    categories: sortedCategories(row.categories),
    purpose: row.purpose,
    consentIds: row.consent_ids,
    providerAcquisition: row.provider_acquisition,
    context: row.context,
  };
}
