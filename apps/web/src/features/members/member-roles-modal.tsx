// Change a member's roles. Roles the actor may not grant but the member holds stay as they
// are (the API refuses to change them; the ability hides such members from org admins anyway).
// Roles the organisation's kind does not allow are not offered.
import { useMutation } from '@apollo/client/react';
import { Modal, Stack, Text } from '@mantine/core';
import { memberRolesSchema, type OrganizationKind } from '@tsunagu/domain';
import type { MemberRowFragment } from '@tsunagu/graphql-client';
import { UpdateMemberRolesDocument } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSchemaForm } from '../../app/forms';
import { useSession } from '../../app/auth/use-session';
import { ModalFormButtons } from '../../app/modal-form-buttons';
import { offeredRoles, RoleCheckboxes } from './role-checkboxes';

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
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={member ? t('members.rolesModal.title', { name: member.user.displayName }) : ''}
      centered
    >
      {/* Keyed so that each member starts from their own roles. */}
      {member ? <RolesForm key={member.id} member={member} organizationKind={organizationKind} onClose={onClose} /> : null}
    </Modal>
  );
}

function RolesForm({ member, organizationKind, onClose }: { member: MemberRowFragment; organizationKind: OrganizationKind | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const offer = offeredRoles(actor?.roles ?? [], organizationKind);
  const [updateRoles] = useMutation(UpdateMemberRolesDocument);
  const kept = member.roles.filter((role) => !offer.offered.includes(role));
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: memberRolesSchema,
    initialValues: { roles: member.roles.filter((role) => offer.offered.includes(role)) },
    toInput: ({ roles }) => ({ roles: [...kept, ...roles] }),
  });

  const save = onSubmit(async ({ roles }) => {
    await updateRoles({ variables: { input: { membershipId: member.id, roles } } });
    onClose();
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={apiError} />
        <RoleCheckboxes label={t('fields.roles')} offer={offer} kind={organizationKind} {...form.getInputProps('roles')} />
        {kept.length > 0 ? <Text fz="sm" c="dimmed">{t('members.rolesModal.kept')}</Text> : null}
        <ModalFormButtons submitLabel={t('common.save')} submitting={form.submitting} onCancel={onClose} />
      </Stack>
    </form>
  );
}
