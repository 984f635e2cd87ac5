// Organisation kinds and membership roles (see DESIGN.md, "Tenancy" and "Roles").

export const ORGANIZATION_KINDS = ['NPO', 'INTERMEDIARY', 'MUNICIPALITY', 'SOCIAL_WELFARE_COUNCIL', 'OTHER'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Roles held within one organisation. */
export const ORGANIZATION_ROLES = ['ORG_ADMIN', 'COORDINATOR', 'GRANT_EDITOR', 'LIAISON', 'TRAINER', 'STAFF'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** Held at network level: operates the tenant. */
export const NETWORK_ROLES = ['NETWORK_ADMIN'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

export type Role = OrganizationRole | NetworkRole;
