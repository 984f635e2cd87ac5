// Choose roles from those the actor may grant (grantableRoles from @tsunagu/domain) and the
// organisation's kind allows (roleAllowedInKind: no LIAISON in an NPO); every role is listed
// with its label, so nobody has to know role codes. The API refuses the rest anyway.
import { Checkbox, Stack, Text } from '@mantine/core';
import { grantableRoles, ORGANIZATION_KINDS, roleAllowedInKind, type OrganizationKind, type Role } from '@tsunagu/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { organizationKindLabel, roleLabel } from '../../app/labels';

/**
 * The roles to offer: those the actor may grant that the organisation's kind allows. While the
 * kind is not known yet, none of those whose meaning depends on it.
 */
export function offeredRoles(actorRoles: readonly Role[], kind: OrganizationKind | undefined): { offered: Role[]; hidden: Role[] } {
  const grantable = grantableRoles(actorRoles);
  const allowed = (role: Role) => (kind ? roleAllowedInKind(role, kind) : ORGANIZATION_KINDS.every((any) => roleAllowedInKind(role, any)));
  return { offered: grantable.filter(allowed), hidden: grantable.filter((role) => !allowed(role)) };
}

/** Says which roles are not offered because of the organisation's kind. */
function RolesHiddenByKind({ hidden, kind }: { hidden: readonly Role[]; kind: OrganizationKind | undefined }) {
  const { t } = useTranslation();
  if (!kind || hidden.length === 0) return null;
  return (
    <Text fz="sm" c="dimmed">
      {t('members.rolesHiddenByKind', { kind: organizationKindLabel(t, kind), roles: hidden.map((role) => roleLabel(t, role)).join('、') })}
    </Text>
  );
}

export interface RoleCheckboxesProps {
  /** offeredRoles(…): the roles to offer, and those left out because of the kind. */
  offer: { offered: readonly Role[]; hidden: readonly Role[] };
  kind: OrganizationKind | undefined;
  label: string;
  /** value, onChange and error as form.getInputProps gives them. */
  value?: Role[];
  onChange: (roles: Role[]) => void;
  error?: ReactNode;
}

/** A checkbox for each role on offer, then a line on the roles the kind leaves out. */
export function RoleCheckboxes({ offer, kind, label, value = [], onChange, error }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  return (
    <>
      <Checkbox.Group
        label={label}
        value={value}
        onChange={(roles) => onChange(offer.offered.filter((role) => roles.includes(role)))}
        error={error}
        withAsterisk
      >
        <Stack gap={6} mt={6}>
          {offer.offered.map((role) => (
            <Checkbox key={role} value={role} label={roleLabel(t, role)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <RolesHiddenByKind hidden={offer.hidden} kind={kind} />
    </>
  );
}
