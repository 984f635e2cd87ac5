// Organisation kinds and membership roles (see DESIGN.md, "Tenancy" and "Roles"), and the
// invariant between them: some roles only mean something in some kinds of organisation. A
// municipal liaison (LIAISON) reads network-wide reports and manages partnerships, so it may exist
// only in a municipality; a grant editor publishes grants, so only in an intermediary body or a
// municipality. The API refuses other combinations and the database refuses them again
// (migration 1764500000000-roles-allowed-by-organization-kind, which mirrors ROLE_KINDS below).

export const ORGANIZATION_KINDS = ['NPO', 'INTERMEDIARY', 'MUNICIPALITY', 'SOCIAL_WELFARE_COUNCIL', 'OTHER'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Roles held within one organisation. */
export const ORGANIZATION_ROLES = ['ORG_ADMIN', 'COORDINATOR', 'GRANT_EDITOR', 'LIAISON', 'TRAINER', 'STAFF'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** Held at network level: operates the tenant. */
export const NETWORK_ROLES = ['NETWORK_ADMIN'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

export type Role = OrganizationRole | NetworkRole;

export const ALL_ROLES: readonly Role[] = [...NETWORK_ROLES, ...ORGANIZATION_ROLES];

/**
 * The kinds of organisation each role may exist in. Roles whose rights do not depend on the kind
 * (ORG_ADMIN, COORDINATOR, TRAINER, STAFF: casework, training and administration happen in every
 * kind; NETWORK_ADMIN: the network's operator may sit in any member organisation) exist in all.
 */
export const ROLE_KINDS: Readonly<Record<Role, readonly OrganizationKind[]>> = {
  NETWORK_ADMIN: ORGANIZATION_KINDS,
  ORG_ADMIN: ORGANIZATION_KINDS,
  COORDINATOR: ORGANIZATION_KINDS,
  GRANT_EDITOR: ['INTERMEDIARY', 'MUNICIPALITY'],
  LIAISON: ['MUNICIPALITY'],
  TRAINER: ORGANIZATION_KINDS,
  STAFF: ORGANIZATION_KINDS,
};

export function roleAllowedInKind(role: Role, kind: OrganizationKind): boolean {
  return ROLE_KINDS[role].includes(kind);
}

/** The roles of `roles` that an organisation of `kind` may not hold, in their given order, without repeats. */
export function rolesNotAllowedInKind(roles: readonly Role[], kind: OrganizationKind): Role[] {
  return [...new Set(roles)].filter((role) => !roleAllowedInKind(role, kind));
}

/** The roles an organisation of `kind` may hold, in the order of ALL_ROLES. */
export function rolesAllowedInKind(kind: OrganizationKind): Role[] {
  return ALL_ROLES.filter((role) => roleAllowedInKind(role, kind));
}

export const ORGANIZATION_KIND_LABELS: Readonly<Record<OrganizationKind, { readonly ja: string; readonly en: string }>> = {
  NPO: { ja: 'NPO', en: 'NPO' },
  INTERMEDIARY: { ja: '中間支援団体', en: 'intermediary body' },
  MUNICIPALITY: { ja: '自治体', en: 'municipality' },
  SOCIAL_WELFARE_COUNCIL: { ja: '社会福祉協議会', en: 'social welfare council' },
  OTHER: { ja: 'その他', en: 'other organisation' },
};

const KIND_PLURALS_EN: Readonly<Record<OrganizationKind, string>> = {
  NPO: 'NPOs',
  INTERMEDIARY: 'intermediary bodies',
  MUNICIPALITY: 'municipalities',
  SOCIAL_WELFARE_COUNCIL: 'social welfare councils',
  OTHER: 'other organisations',
};

export const ROLE_LABELS: Readonly<Record<Role, { readonly ja: string; readonly en: string }>> = {
  NETWORK_ADMIN: { ja: 'ネットワーク管理者', en: 'network admin' },
  ORG_ADMIN: { ja: '団体管理者', en: 'organisation admin' },
  COORDINATOR: { ja: '相談支援コーディネーター', en: 'coordinator' },
  GRANT_EDITOR: { ja: '助成金情報担当', en: 'grant editor' },
  LIAISON: { ja: '自治体連携担当', en: 'municipal liaison' },
  TRAINER: { ja: '研修担当', en: 'trainer' },
  STAFF: { ja: 'スタッフ', en: 'staff' },
};

/**
 * Why a role cannot be held in an organisation of a kind, and where it can, in Japanese and
 * English: e.g. 「自治体連携担当（LIAISON）は NPO の団体には付与できません（付与できるのは自治体のみ）。」
 */
export function roleNotAllowedMessage(role: Role, kind: OrganizationKind): { ja: string; en: string } {
  const allowed = ROLE_KINDS[role];
  const jaKinds = allowed.map((k) => ORGANIZATION_KIND_LABELS[k].ja).join('・');
  const enKinds = allowed.map((k) => KIND_PLURALS_EN[k]).join(' and ');
  return {
    ja: `${ROLE_LABELS[role].ja}（${role}）は${ORGANIZATION_KIND_LABELS[kind].ja}の団体には付与できません（付与できるのは${jaKinds}のみ）。`,
    en: `The role ${ROLE_LABELS[role].en} (${role}) cannot be given in an organisation of the kind “${ORGANIZATION_KIND_LABELS[kind].en}”; only ${enKinds} may hold it.`,
  };
}
