// A membership's roles as a row of badges; the app passes the translated label of each role.
import { Badge, Group } from '@mantine/core';

export interface RoleBadgesProps {
  roles: readonly { value: string; label: string }[];
}

export function RoleBadges({ roles }: RoleBadgesProps) {
  return (
    <Group gap={4} wrap="wrap">
      {roles.map((role) => (
        <Badge key={role.value} variant="light" color={role.value === 'NETWORK_ADMIN' ? 'grape' : 'teal'} tt="none" radius="sm">
          {role.label}
        </Badge>
      ))}
    </Group>
  );
}
