// HSDS export and import of a network's directory (mapping: hsds.mapping.ts).
//
// Import checks the whole document first — JSON, the official HSDS schemas, then our rules
// (UUID ids, our vocabularies, municipality codes, organisations that exist, the same field rules
// as the forms, organisation names unique after the import) — and reports every problem once,
// with its path (mergeProblems). With any problem nothing is written. Otherwise organisations and
// then services are upserted by id in one transaction of the caller's network, with an audit
// entry (action IMPORTED) per record. Names may be swapped or passed along between
// organisations: the uniqueness of names is checked for the state after the import, and the
// constraint itself is deferred to the end of the organisation writes.
//
// Export is for an audience (hsds.mapping.ts): PUBLIC, for any member, holds public contact
// channels only — the file is meant to travel and be republished; PARTNERS, chosen by a network
// admin and audited, keeps the partner-only channels and is marked so at its top. Importing a
// document not marked for partners into existing services keeps their partner-only channels
// (the public file never carried them, so it cannot mean to remove them).
//
// Ids are matched within the caller's network only. Primary keys are (tenant_id, id) and
// row-level security hides other networks' rows, so an id that also exists in another network
// is simply created anew in the caller's network; the other network's row is never read or
// touched (tests/integration/hsds.spec.ts shows it).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LocalizedText, ServiceChannel } from '@tsunagu/domain';
import { DataSource } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan } from '../../core/authz/authorize';
import { AppError } from '../../core/graphql/app-error';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { SERVICE_WRITABLE_COLUMNS, writableValues } from '../directory/directory.service';
import { refreshServiceSearchDocuments, validateServiceFields } from '../directory/service-fields';
import { SERVICE_COLUMNS, ServiceRow, toService } from '../directory/service.mapper';
import { OrganizationFields, validateOrganizationFields } from '../organizations/organization-fields';
import { mergeProblems, validateHsdsRecords } from './hsds-schema';
import {
  audienceMarker,
  HsdsAudience,
  ImportedOrganization,
  isPartnersDocument,
  ImportedService,
  ImportProblem,
  MESSAGES,
  readOrganization,
  readService,
  sameNameInFile,
  toHsdsOrganization,
  toHsdsService,
} from './hsds.mapping';
import { ORGANIZATION_RECORD_COLUMNS, OrganizationRecord } from '../organizations/organization-record';

/** Largest document accepted (UTF-8 bytes). */
export const MAX_HSDS_DOCUMENT_BYTES = 5 * 1024 * 1024;


/** Where each form field of ours lives in an HSDS record. */
const SERVICE_FIELD_PATHS: Record<string, string> = {
  name: 'name',
  description: 'description',
  categories: 'attributes',
  targetGroups: 'attributes',
  languages: 'languages',
  ageMin: 'minimum_age',
  areaCodes: 'service_areas',
  openingHours: 'schedules',
  channels: 'attributes',
  fee: 'attributes',
  capacity: 'attributes',
  waitlistExpectedOn: 'attributes',
  lastReviewedOn: 'attributes',
};
const ORGANIZATION_FIELD_PATHS: Record<string, string> = {
  name: 'name',
  nameKana: 'alternate_name',
  description: 'description',
  website: 'website',
  email: 'email',
  phone: 'phones[0].number',
  logoUrl: 'logo',
  corporateNumber: 'attributes',
  municipalityCode: 'attributes',
  postalCode: 'attributes',
  address: 'attributes',
};

/** The constraint keeping organisation names unique in a network (deferrable since migration 1764380000000). */
const ORGANIZATION_NAME_CONSTRAINT = 'organizations_tenant_id_name_key';

export interface HsdsImportOutcome {
  readonly created: number;
  readonly updated: number;
  readonly errors: ImportProblem[];
}

function fieldProblems(error: unknown, path: string, paths: Record<string, string>): ImportProblem[] {
  if (!(error instanceof AppError) || error.code !== 'BAD_USER_INPUT') throw error;
  const fields = (error.extensions['fields'] ?? {}) as Record<string, LocalizedText>;
  const entries = Object.entries(fields);
  if (!entries.length) return [{ path, message: error.localized }];
  return entries.map(([field, message]) => ({ path: `${path}.${paths[field] ?? field}`, message }));
}

const KIND_CHANGE_NOT_IMPORTED = {
  ja: 'この団体の種別はネットワークの登録と異なります。種別は取り込みでは変更できません。ネットワーク管理者が団体の画面で、影響を確認してから変更してください。',
  en: 'This organisation’s kind differs from the one registered in the network. An import does not change a kind: a network admin changes it on the organisation’s page, after reviewing its effect.',
};

@Injectable()
export class HsdsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  export(actor: RequestActor, audience: HsdsAudience = 'PUBLIC'): Promise<string> {
    if (audience === 'PARTNERS') assertCan(actor, 'update', { __typename: 'Network', id: actor.tenantId });
    return runInTenant(this.dataSource, actor, async (manager) => {
      const organizations: OrganizationRecord[] = await manager.query(
        `SELECT ${ORGANIZATION_RECORD_COLUMNS} FROM organizations WHERE tenant_id = $1 ORDER BY name, id`,
        [actor.tenantId],
      );
      const services: ServiceRow[] = await manager.query(
        `SELECT ${SERVICE_COLUMNS} FROM services s JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id
          WHERE s.tenant_id = $1 ORDER BY s.sort_name, s.id`,
        [actor.tenantId],
      );
      const document = {
        ...audienceMarker(audience),
        organizations: organizations.map(toHsdsOrganization),
        services: services.map((row) => toHsdsService(toService(row), audience)),
      };
      if (audience === 'PARTNERS') {
        // Partner-only numbers leave the product in this file: who took them, and when, is kept.
        await recordAudit(manager, actor, {
          organizationId: null,
          entity: 'Network',
          entityId: actor.tenantId,
          action: 'HSDS_EXPORTED_FOR_PARTNERS',
          changedFields: [],
        });
      }
      return JSON.stringify(document, null, 2);
    });
  }

  async import(actor: RequestActor, text: string): Promise<HsdsImportOutcome> {
    assertCan(actor, 'update', { __typename: 'Network', id: actor.tenantId });
    if (Buffer.byteLength(text, 'utf8') > MAX_HSDS_DOCUMENT_BYTES) {
      throw new AppError('BAD_USER_INPUT', {
        ja: 'HSDS ファイルは 5 MB 以内にしてください。',
        en: 'The HSDS document must be at most 5 MB.',
      }, { reason: 'DOCUMENT_TOO_LARGE' });
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : '';
      return fail([{ path: '$', message: { ja: `JSON として読めません：${detail}`, en: `This is not valid JSON: ${detail}` } }]);
    }
    if (!document || typeof document !== 'object' || Array.isArray(document)) return fail([{ path: '$', message: MESSAGES.notObject }]);
    const root = document as Record<string, unknown>;
    const problems: ImportProblem[] = [];
    for (const key of ['organizations', 'services']) {
      if (root[key] !== undefined && !Array.isArray(root[key])) problems.push({ path: `$.${key}`, message: MESSAGES.notObject });
    }
    if (problems.length) return fail(problems);
    const rawOrganizations = (root['organizations'] as unknown[] | undefined) ?? [];
    const rawServices = (root['services'] as unknown[] | undefined) ?? [];

    const schemaProblems = validateHsdsRecords(rawOrganizations, rawServices);
    const organizations = rawOrganizations.map((raw, index) => readOrganization(raw, `$.organizations[${index}]`, problems));
    const services = rawServices.map((raw, index) => readService(raw, `$.services[${index}]`, problems));

    try {
      return await this.write(actor, organizations, services, schemaProblems, problems, isPartnersDocument(root));
    } catch (error) {
      // Only when a concurrent change took a name between our check and the write.
      const problem = duplicateNameProblem(error, organizations);
      if (problem) return fail([problem]);
      throw error;
    }
  }

  /** Our checks that need the network's rows, then the writes; `problems` holds our rules' findings so far. */
  private write(
    actor: RequestActor,
    organizations: ImportedOrganization[],
    services: ImportedService[],
    schemaProblems: ImportProblem[],
    problems: ImportProblem[],
    partnersDocument: boolean,
  ): Promise<HsdsImportOutcome> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const existingOrganizations: Array<{ id: string; name: string; kind: string }> = await manager.query(
        `SELECT id, name, kind FROM organizations WHERE tenant_id = $1`,
        [actor.tenantId],
      );
      const existingServices: Array<{ id: string; channels: ServiceChannel[] }> = await manager.query(
        `SELECT id, channels FROM services WHERE tenant_id = $1`,
        [actor.tenantId],
      );
      const existingServiceIds = new Set(existingServices.map((row) => row.id));
      const partnerOnlyChannels = new Map(
        existingServices.map((row) => [row.id, row.channels.filter((channel) => !channel.public)] as const),
      );
      const organizationIds = new Set(existingOrganizations.map((row) => row.id));

      // Ids once each in the file.
      const seen = new Set<string>();
      for (const record of [...organizations, ...services]) {
        if (!record.id) continue;
        if (seen.has(record.id)) problems.push({ path: `${record.path}.id`, message: MESSAGES.duplicateId });
        seen.add(record.id);
      }

      // Organisations: our field rules, and names unique in the network after the import.
      const checkedOrganizations: Array<ImportedOrganization & { checked: OrganizationFields }> = [];
      for (const organization of organizations) {
        try {
          checkedOrganizations.push({ ...organization, checked: validateOrganizationFields(organization.fields) });
        } catch (error) {
          problems.push(...fieldProblems(error, organization.path, ORGANIZATION_FIELD_PATHS));
        }
      }
      problems.push(...nameProblems(existingOrganizations, organizations));
      // A kind decides which consents "to municipalities" (etc.) open to an organisation and which
      // roles it may hold: an import never changes it. Only a network admin's kind change, with its
      // effect shown first, does (issue 14).
      const existingKinds = new Map(existingOrganizations.map((row) => [row.id, row.kind]));
      for (const organization of organizations) {
        const before = existingKinds.get(organization.id);
        if (before && organization.kind && organization.kind !== before) {
          problems.push({ path: `${organization.path}.attributes`, message: KIND_CHANGE_NOT_IMPORTED });
        }
      }

      // Services: their organisation exists (in the file or the network), and the form's rules.
      const fileOrganizationIds = new Set(organizations.map((organization) => organization.id));
      const checkedServices: Array<ImportedService & { checked: ReturnType<typeof validateServiceFields> }> = [];
      for (const service of services) {
        if (service.organizationId && !fileOrganizationIds.has(service.organizationId) && !organizationIds.has(service.organizationId)) {
          problems.push({ path: `${service.path}.organization_id`, message: MESSAGES.unknownOrganization });
        }
        const kept = partnersDocument
          ? []
          : (partnerOnlyChannels.get(service.id) ?? []).filter(
              (channel) => !service.fields.channels.some((given) => given.kind === channel.kind && given.value === channel.value),
            );
        const fields = kept.length ? { ...service.fields, channels: [...service.fields.channels, ...kept] } : service.fields;
        try {
          checkedServices.push({ ...service, checked: validateServiceFields(fields) });
        } catch (error) {
          problems.push(...fieldProblems(error, service.path, SERVICE_FIELD_PATHS));
        }
      }
      if (problems.length || schemaProblems.length) return fail(mergeProblems(schemaProblems, problems));

      // Until the organisations are written, two of them may share a name for a moment (a swap).
      await manager.query(`SET CONSTRAINTS ${ORGANIZATION_NAME_CONSTRAINT} DEFERRED`);
      let created = 0;
      let updated = 0;
      const organizationNames = new Map<string, { name: string; nameKana: string | null }>();
      for (const organization of checkedOrganizations) {
        const fields = organization.checked;
        const exists = organizationIds.has(organization.id);
        const values = [
          actor.tenantId,
          organization.id,
          existingKinds.get(organization.id) ?? organization.kind ?? 'OTHER',
          fields.name,
          fields.nameKana ?? null,
          fields.corporateNumber ?? null,
          fields.municipalityCode ?? null,
          fields.description ?? null,
          fields.postalCode ?? null,
          fields.address ?? null,
          fields.website ?? null,
          fields.phone ?? null,
          fields.email ?? null,
          fields.logoUrl ?? null,
        ];
        if (exists) {
          await manager.query(
            `UPDATE organizations SET name = $3, name_kana = $4, corporate_number = $5, municipality_code = $6,
                    description = $7, postal_code = $8, address = $9, website = $10, phone = $11, email = $12, logo_url = $13
              WHERE tenant_id = $1 AND id = $2`,
            [values[0], values[1], ...values.slice(3)],
          );
          updated += 1;
        } else {
          await manager.query(
            `INSERT INTO organizations (tenant_id, id, kind, name, name_kana, corporate_number, municipality_code, description,
                                        postal_code, address, website, phone, email, logo_url)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
            values,
          );
          created += 1;
        }
        organizationNames.set(organization.id, { name: fields.name ?? '', nameKana: fields.nameKana ?? null });
        await recordAudit(manager, actor, { entity: 'Organization', entityId: organization.id, action: 'IMPORTED', changedFields: exists ? Object.keys(fields) : ['kind', ...Object.keys(fields)], organizationId: organization.id });
        if (exists) {
          await refreshServiceSearchDocuments(manager, actor.tenantId, { id: organization.id, name: fields.name ?? '', nameKana: fields.nameKana ?? null });
        }
      }

      // Checked now rather than at commit: nameProblems saw to it, so this fails only on a race.
      await manager.query(`SET CONSTRAINTS ${ORGANIZATION_NAME_CONSTRAINT} IMMEDIATE`);

      for (const service of checkedServices) {
        let organization = organizationNames.get(service.organizationId);
        if (!organization) {
          const [row]: Array<{ name: string; name_kana: string | null }> = await manager.query(
            `SELECT name, name_kana FROM organizations WHERE tenant_id = $1 AND id = $2`,
            [actor.tenantId, service.organizationId],
          );
          organization = { name: row.name, nameKana: row.name_kana };
          organizationNames.set(service.organizationId, organization);
        }
        const values = await writableValues(service.checked, organization);
        if (existingServiceIds.has(service.id)) {
          await manager.query(
            `UPDATE services SET organization_id = $3, ${SERVICE_WRITABLE_COLUMNS.map((column, index) => `${column} = $${index + 4}`).join(', ')}
              WHERE tenant_id = $1 AND id = $2`,
            [actor.tenantId, service.id, service.organizationId, ...values],
          );
          updated += 1;
        } else {
          await manager.query(
            `INSERT INTO services (tenant_id, id, organization_id, ${SERVICE_WRITABLE_COLUMNS.join(', ')})
             VALUES ($1, $2, $3, ${SERVICE_WRITABLE_COLUMNS.map((_, index) => `$${index + 4}`).join(', ')})`,
            [actor.tenantId, service.id, service.organizationId, ...values],
          );
          created += 1;
        }
        await recordAudit(manager, actor, { entity: 'Service', entityId: service.id, action: 'IMPORTED', changedFields: Object.keys(service.checked), organizationId: service.organizationId });
      }
      return { created, updated, errors: [] };
    });
  }
}

function fail(errors: ImportProblem[]): HsdsImportOutcome {
  return { created: 0, updated: 0, errors };
}

/**
 * Each organisation of the file whose name another organisation would also have after the
 * import: the network's names with every rename of the file applied, so a swap or a chain of
 * renames is fine and only a name really held twice is reported (at each record of the file
 * holding it). Empty names are left to the field rules.
 */
function nameProblems(existing: ReadonlyArray<{ id: string; name: string }>, organizations: readonly ImportedOrganization[]): ImportProblem[] {
  const namesAfter = new Map(existing.map((row) => [row.id, row.name]));
  for (const organization of organizations) namesAfter.set(organization.id, organization.fields.name.trim());
  const holders = new Map<string, string[]>();
  for (const [id, name] of namesAfter) holders.set(name, [...(holders.get(name) ?? []), id]);
  const paths = new Map(organizations.map((organization) => [organization.id, organization.path]));
  const problems: ImportProblem[] = [];
  for (const organization of organizations) {
    const name = organization.fields.name.trim();
    const others = (holders.get(name) ?? []).filter((id) => id !== organization.id);
    if (!name || !others.length) continue;
    const otherInFile = others.map((id) => paths.get(id)).find((path) => path !== undefined);
    problems.push({ path: `${organization.path}.name`, message: otherInFile ? sameNameInFile(otherInFile) : MESSAGES.duplicateName });
  }
  return problems;
}

/** A unique violation of organisation names (a concurrent rename won the race) as a listed problem. */
function duplicateNameProblem(error: unknown, organizations: readonly ImportedOrganization[]): ImportProblem | null {
  const { code, constraint, detail } = error as { code?: string; constraint?: string; detail?: string };
  if (code !== '23505' || constraint !== ORGANIZATION_NAME_CONSTRAINT) return null;
  // detail: Key (tenant_id, name)=(<uuid>, <name>) already exists.
  const name = /\(tenant_id, name\)=\([^,]+, (.*)\) already exists/.exec(detail ?? '')?.[1];
  const organization = organizations.find((candidate) => candidate.fields.name.trim() === name);
  return { path: organization ? `${organization.path}.name` : '$', message: MESSAGES.duplicateName };
}
