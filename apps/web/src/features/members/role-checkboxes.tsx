// Choose roles from those the actor may grant (grantableRoles from @tsunagu/domain); every
// role is listed with its label, so nobody has to know role codes.
import { Checkbox, Stack } from '@mantine/core';
import type { Role } from '@tsunagu/domain';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../app/labels';

export interface RoleCheckboxesProps {
  grantable: readonly Role[];
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string;
  label: string;
}

export function RoleCheckboxes({ grantable, value, onChange, error, label }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={label}
      value={value}
      onChange={(roles) => onChange(grantable.filter((role) => roles.includes(role)))}
      error={error}
      withAsterisk
    >
      <Stack gap={6} mt={6}>
        {grantable.map((role) => (
          <Checkbox key={role} value={role} label={roleLabel(t, role)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
