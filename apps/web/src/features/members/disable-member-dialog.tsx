// Asks before disabling a member (they are signed out everywhere and cannot sign in) or
// enabling them again.
import { useMutation } from '@apollo/client/react';
import type { MemberRowFragment } from '@tsunagu/graphql-client';
import { SetMembershipDisabledDocument } from '@tsunagu/graphql-client';
import { ConfirmDialog } from '@tsunagu/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';

export function DisableMemberDialog({ member, onClose }: { member: MemberRowFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [setDisabled, { loading }] = useMutation(SetMembershipDisabledDocument);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => setError(null), [member]);

  const disabling = member ? !member.disabled : true;
  const confirm = async () => {
    if (!member) return;
    try {
      await setDisabled({ variables: { membershipId: member.id, disabled: disabling } });
      onClose();
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  const name = member?.user.displayName ?? '';
  return (
    <ConfirmDialog
      opened={member !== null}
      title={disabling ? t('members.disableDialog.title') : t('members.enableDialog.title')}
      confirmLabel={disabling ? t('members.disable') : t('members.enable')}
      cancelLabel={t('common.cancel')}
      danger={disabling}
      loading={loading}
      error={<ApiErrorAlert error={error} />}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {disabling ? t('members.disableDialog.body', { name }) : t('members.enableDialog.body', { name })}
    </ConfirmDialog>
  );
}
