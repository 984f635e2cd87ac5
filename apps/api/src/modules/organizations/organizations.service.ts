import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan } from '../../core/authz/authorize';
import { oneOrNotFound, queryRows } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import type { CreateOrganizationInput, UpdateOrganizationInput } from './dto/organization.input';
import { refreshServiceSearchDocuments } from '../directory/service-fields';
import { validateOrganizationFields } from './organization-fields';
import type { Organization } from './organization.model';
import { camelized } from '../../core/database/rows';
import { requireId } from '../../core/graphql/ids';
import { ORGANIZATION_RECORD_COLUMNS, OrganizationRecord } from './organization-record';

const ORGANIZATION = { ja: '団体', en: 'organisation' };
const PROFILE_FIELDS = ['description', 'postalCode', 'address', 'website', 'phone', 'email', 'logoUrl'] as const;
/** What an update may change, in the order its audit record lists them. */
const UPDATABLE_FIELDS = ['name', 'nameKana', 'corporateNumber', 'municipalityCode', ...PROFILE_FIELDS] as const;

function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
const COLUMNS = `${ORGANIZATION_RECORD_COLUMNS}, created_at, updated_at`;

interface OrganizationRow extends OrganizationRecord {
  created_at: Date;
  updated_at: Date;
}

function toOrganization(row: OrganizationRow): Organization {
  return camelized(row);
}

const DUPLICATE = {
  ja: '同じ名前の団体がこのネットワークにすでにあります。',
  en: 'An organisation with this name already exists in this network.',
};

/** A write that failed on the unique name of the network's organisations is a CONFLICT the user can fix. */
function rethrowDuplicateName(error: unknown): never {
  throw (error as { code?: string }).code === '23505' ? new AppError('CONFLICT', DUPLICATE, { reason: 'DUPLICATE_NAME' }) : error;
}

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(actor: RequestActor, first?: number | null, after?: string | null): Promise<Page<Organization>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const rows: OrganizationRow[] = await manager.query(
        `SELECT ${COLUMNS} FROM organizations
          WHERE tenant_id = $1 AND ($2::text IS NULL OR (name, id) > ($2, $3::uuid))
          ORDER BY name, id LIMIT $4`,
        [actor.tenantId, cursor?.key ?? null, cursor?.id ?? null, size + 1],
      );
      return toPage(rows.map(toOrganization), size, (organization) => ({ key: organization.name, id: organization.id }));
    });
  }

  get(actor: RequestActor, id: string): Promise<Organization> {
    return runInTenant(this.dataSource, actor, (manager) =>
      this.load(manager, actor, id),
    );
  }

  async create(actor: RequestActor, input: CreateOrganizationInput): Promise<Organization> {
    assertCan(actor, 'create', 'Organization');
    const fields = validateOrganizationFields({
      name: input.name,
      nameKana: input.nameKana ?? null,
      corporateNumber: input.corporateNumber ?? null,
      municipalityCode: input.municipalityCode ?? null,
    });
    return runInTenant(this.dataSource, actor, async (manager) => {
      const [row]: OrganizationRow[] = await manager
        .query(
          `INSERT INTO organizations (tenant_id, kind, name, name_kana, corporate_number, municipality_code)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
          [actor.tenantId, input.kind, fields.name, fields.nameKana, fields.corporateNumber, fields.municipalityCode],
        )
        .catch(rethrowDuplicateName);
      await recordAudit(manager, actor, {
        organizationId: row.id,
        entity: 'Organization',
        entityId: row.id,
        action: 'CREATED',
        changedFields: ['kind', 'name', 'nameKana', 'corporateNumber', 'municipalityCode'],
      });
      return toOrganization(row);
    });
  }

  async update(actor: RequestActor, input: UpdateOrganizationInput): Promise<Organization> {
    // A field left out stays as it is; so does the name when given as null (it cannot be removed).
    const requested = Object.fromEntries(
      UPDATABLE_FIELDS.filter((field) => input[field] !== undefined && !(field === 'name' && input.name === null)).map((field) => [field, input[field]]),
    );
    const fields = validateOrganizationFields(requested);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.load(manager, actor, input.id, true);
      assertCan(actor, 'update', { __typename: 'Organization', id: current.id });
      const changed = UPDATABLE_FIELDS.filter((field) => fields[field] !== undefined && fields[field] !== current[field]);
      if (!changed.length) return current;
      const assignments = changed.map((field, index) => `${snakeCase(field)} = $${index + 3}`).join(', ');
      const [row] = await queryRows<OrganizationRow>(
        manager,
        `UPDATE organizations SET ${assignments} WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [actor.tenantId, current.id, ...changed.map((field) => fields[field])],
      )
        .catch(rethrowDuplicateName);
      await recordAudit(manager, actor, {
        organizationId: current.id,
        entity: 'Organization',
        entityId: current.id,
        action: 'UPDATED',
        changedFields: changed,
      });
      if (changed.includes('name') || changed.includes('nameKana')) {
        await refreshServiceSearchDocuments(manager, actor.tenantId, { id: row.id, name: row.name, nameKana: row.name_kana });
      }
      return toOrganization(row);
    });
  }

  private async load(manager: EntityManager, actor: RequestActor, id: string, forUpdate = false): Promise<Organization> {
    requireId(id, ORGANIZATION);
    const row = await oneOrNotFound<OrganizationRow>(
      manager,
      `SELECT ${COLUMNS} FROM organizations WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [actor.tenantId, id],
      ORGANIZATION,
    );
    return toOrganization(row);
  }
}
