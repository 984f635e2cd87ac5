// One SELECT list and one mapping for memberships with their user, organisation and network,
// so every query that returns memberships returns them whole in a single round trip.
import type { OrganizationKind, Role } from '@tsunagu/domain';
import type { Membership } from './membership.model';

export const MEMBERSHIP_COLUMNS = `
  m.id, m.roles, m.disabled_at, m.created_at,
  u.id AS user_id, u.display_name AS user_display_name, u.email AS user_email,
  o.id AS organization_id, o.kind AS organization_kind, o.name AS organization_name,
  o.name_kana AS organization_name_kana, o.corporate_number AS organization_corporate_number,
  o.municipality_code AS organization_municipality_code,
  o.created_at AS organization_created_at, o.updated_at AS organization_updated_at,
  n.id AS network_id, n.slug AS network_slug, n.name AS network_name`;

export const MEMBERSHIP_JOINS = `
  JOIN users u ON u.id = m.user_id
  JOIN organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id
  JOIN networks n ON n.id = m.tenant_id`;

export interface MembershipRow {
  id: string;
  roles: Role[];
  disabled_at: Date | null;
  created_at: Date;
  user_id: string;
  user_display_name: string;
  user_email: string;
  organization_id: string;
  organization_kind: OrganizationKind;
  organization_name: string;
  organization_name_kana: string | null;
  organization_corporate_number: string | null;
  organization_municipality_code: string | null;
  organization_created_at: Date;
  organization_updated_at: Date;
  network_id: string;
  network_slug: string;
  network_name: string;
}

export function toMembership(row: MembershipRow): Membership {
  return {
    id: row.id,
    roles: row.roles,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    user: { id: row.user_id, displayName: row.user_display_name, email: row.user_email },
    organization: {
      id: row.organization_id,
      kind: row.organization_kind,
      name: row.organization_name,
      nameKana: row.organization_name_kana,
      corporateNumber: row.organization_corporate_number,
      municipalityCode: row.organization_municipality_code,
      createdAt: row.organization_created_at,
      updatedAt: row.organization_updated_at,
    },
    network: { id: row.network_id, slug: row.network_slug, name: row.network_name },
  };
}
