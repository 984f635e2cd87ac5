// Service input checked by the shared schema (libs/domain validation/services), and the search
// document a service is found by.
import { normalizeForSearch, SERVICE_CATEGORIES, ServiceCategory, ServiceFields, serviceInputSchema, TARGET_GROUPS, TargetGroup } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { validateInput } from '../../core/graphql/validate-input';

/** Service fields as they arrive: languages are free strings until checked. */
export type UncheckedServiceFields = Omit<ServiceFields, 'languages'> & { readonly languages: readonly string[] };

/** Returns normalised fields (the shared service schema), or throws BAD_USER_INPUT naming every faulty field. */
export function validateServiceFields(input: UncheckedServiceFields): ServiceFields {
  return validateInput(serviceInputSchema, input);
}

/**
 * What a service is found by: its own texts, its organisation's names, and the labels of its
 * categories and target groups in both languages (so 住まい finds HOUSING services), normalised.
 */
export function searchDocument(
  service: Pick<ServiceFields, 'name' | 'nameKana' | 'description' | 'eligibility' | 'categories' | 'targetGroups'>,
  organization: { name: string; nameKana: string | null },
): string {
  const labels = [
    ...service.categories.map((code) => SERVICE_CATEGORIES.labels[code]),
    ...service.targetGroups.map((code) => TARGET_GROUPS.labels[code]),
  ].flatMap((label) => [label.ja, label.en]);
  return normalizeForSearch(
    [service.name, service.nameKana, organization.name, organization.nameKana, service.description, service.eligibility, ...labels]
      .filter(Boolean)
      .join(' | '),
  );
}

/** After an organisation is renamed, its services' search documents follow. */
export async function refreshServiceSearchDocuments(
  manager: EntityManager,
  tenantId: string,
  organization: { id: string; name: string; nameKana: string | null },
): Promise<void> {
  const rows: Array<{
    id: string;
    name: string;
    name_kana: string | null;
    description: string;
    eligibility: string | null;
    categories: ServiceCategory[];
    target_groups: TargetGroup[];
  }> = await manager.query(
    `SELECT id, name, name_kana, description, eligibility, categories, target_groups
       FROM services WHERE tenant_id = $1 AND organization_id = $2`,
    [tenantId, organization.id],
  );
  for (const row of rows) {
    const document = searchDocument(
      {
        name: row.name,
        nameKana: row.name_kana,
        description: row.description,
        eligibility: row.eligibility,
        categories: row.categories,
        targetGroups: row.target_groups,
      },
      organization,
    );
    await manager.query(`UPDATE services SET search_document = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      row.id,
      document,
    ]);
  }
}
