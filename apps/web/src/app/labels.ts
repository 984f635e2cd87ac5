// Translated labels for the domain's enumerations, typed so a new value without a label fails typecheck.
import type { OrganizationKind, Role } from '@tsunagu/domain';
import type { TFunction } from 'i18next';

export function roleLabel(t: TFunction, role: Role): string {
  return t(`roles.${role}`);
}

export function roleOptions(t: TFunction, roles: readonly Role[]): { value: Role; label: string }[] {
  return roles.map((role) => ({ value: role, label: roleLabel(t, role) }));
}

export function organizationKindLabel(t: TFunction, kind: OrganizationKind): string {
  return t(`organizationKind.${kind}`);
}
