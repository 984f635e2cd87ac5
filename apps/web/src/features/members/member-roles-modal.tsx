// Change a member's roles. Roles the actor may not grant but the member holds stay as they
// are (the API refuses to change them; the ability hides such members from org admins anyway).
// Roles the organisation's kind does not allow are not offered.
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { OrganizationKind, Role } from '@tsunagu/domain';
import type { MemberRowFragment } from '@tsunagu/graphql-client';
import { UpdateMemberRolesDocument } from '@tsunagu/graphql-client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { offeredRoles, RoleCheckboxes, RolesHiddenByKind } from './role-checkboxes';

export function MemberRolesModal({
  member,
  organizationKind,
  onClose,
}: {
  member: MemberRowFragment | null;
  organizationKind: OrganizationKind | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const { offered: grantable, hidden } = offeredRoles(actor?.roles ?? [], organizationKind);
  const [roles, setRoles] = useState<Role[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [updateRoles, { loading }] = useMutation(UpdateMemberRolesDocument);

  useEffect(() => {
    setRoles(member ? [...member.roles] : []);
    setAttempted(false);
    setError(null);
  }, [member]);

  const kept = member ? member.roles.filter((role) => !grantable.includes(role)) : [];
  const chosen = roles.filter((role) => grantable.includes(role));

  const save = async () => {
    if (!member) return;
    setAttempted(true);
    setError(null);
    if (chosen.length + kept.length === 0) return;
    try {
      await updateRoles({ variables: { input: { membershipId: member.id, roles: [...kept, ...chosen] } } });
      onClose();
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={member ? t('members.rolesModal.title', { name: member.user.displayName }) : ''}
      centered
    >
      <Stack gap="md">
        <ApiErrorAlert error={error} />
        <RoleCheckboxes
          label={t('fields.roles')}
          grantable={grantable}
          value={chosen}
          onChange={setRoles}
          error={
            error?.fields['roles'] ?? (attempted && chosen.length + kept.length === 0 ? t('validation.roles') : undefined)
          }
        />
        <RolesHiddenByKind hidden={hidden} kind={organizationKind} />
        {kept.length > 0 ? <Text fz="sm" c="dimmed">{t('members.rolesModal.kept')}</Text> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={loading}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
