// Service input checked by the shared schema (libs/domain validation/services), and the search
// document and reading a service is found by.
import { normalizeForSearch, SERVICE_CATEGORIES, ServiceCategory, ServiceFields, serviceInputSchema, TARGET_GROUPS, TargetGroup } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { validateInput } from '../../core/graphql/validate-input';
import { searchReadingOrNull } from '../../core/search/japanese-reading';
import type { MissingReadings } from '../../core/search/search-readings';

/** Service fields as they arrive: languages are free strings until checked. */
export type UncheckedServiceFields = Omit<ServiceFields, 'languages'> & { readonly languages: readonly string[] };

/** Returns normalised fields (the shared service schema), or throws BAD_USER_INPUT naming every faulty field. */
export function validateServiceFields(input: UncheckedServiceFields): ServiceFields {
  return validateInput(serviceInputSchema, input);
}

/**
 * What a service is found by: its own texts, its organisation's names, and the labels of its
 * categories and target groups in both languages (so 住まい finds HOUSING services), as written.
 * The search document is this normalised; the search reading is read from it (core/search).
 */
export function serviceSearchSource(
  service: Pick<ServiceFields, 'name' | 'nameKana' | 'description' | 'eligibility' | 'categories' | 'targetGroups'>,
  organization: { name: string; nameKana: string | null },
): string {
  const labels = [
    ...service.categories.map((code) => SERVICE_CATEGORIES.labels[code]),
    ...service.targetGroups.map((code) => TARGET_GROUPS.labels[code]),
  ].flatMap((label) => [label.ja, label.en]);
  return [service.name, service.nameKana, organization.name, organization.nameKana, service.description, service.eligibility, ...labels]
    .filter(Boolean)
    .join(' | ');
}

interface ServiceSourceRow {
  id: string;
  name: string;
  name_kana: string | null;
  description: string;
  eligibility: string | null;
  categories: ServiceCategory[];
  target_groups: TargetGroup[];
}

const SOURCE_COLUMNS = `s.id, s.name, s.name_kana, s.description, s.eligibility, s.categories, s.target_groups`;

function sourceFields(row: ServiceSourceRow): Parameters<typeof serviceSearchSource>[0] {
  return {
    name: row.name,
    nameKana: row.name_kana,
    description: row.description,
    eligibility: row.eligibility,
    categories: row.categories,
    targetGroups: row.target_groups,
  };
}

/** After an organisation is renamed, its services' search documents and readings follow. */
export async function refreshServiceSearchDocuments(
  manager: EntityManager,
  tenantId: string,
  organization: { id: string; name: string; nameKana: string | null },
): Promise<void> {
  const rows: ServiceSourceRow[] = await manager.query(
    `SELECT ${SOURCE_COLUMNS} FROM services s WHERE s.tenant_id = $1 AND s.organization_id = $2`,
    [tenantId, organization.id],
  );
  for (const row of rows) {
    const source = serviceSearchSource(sourceFields(row), organization);
    await manager.query(`UPDATE services SET search_document = $3, search_reading = $4 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      row.id,
      normalizeForSearch(source),
      await searchReadingOrNull(source),
    ]);
  }
}

/** The search-readings job's view of services (core/search): the rows with no reading yet. */
export const missingServiceReadings: MissingReadings = async (manager, tenantId, afterId, limit) => {
  const rows: Array<ServiceSourceRow & { document: string; organization_name: string; organization_name_kana: string | null }> = await manager.query(
    `SELECT ${SOURCE_COLUMNS}, s.search_document AS document, o.name AS organization_name, o.name_kana AS organization_name_kana
       FROM services s JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id
      WHERE s.tenant_id = $1 AND s.search_reading IS NULL AND s.id > $2
      ORDER BY s.id LIMIT $3`,
    [tenantId, afterId, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    document: row.document,
    source: serviceSearchSource(sourceFields(row), { name: row.organization_name, nameKana: row.organization_name_kana }),
  }));
};
