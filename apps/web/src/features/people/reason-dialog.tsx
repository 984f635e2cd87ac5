// A confirmation that needs a reason (revoking a consent, stopping use of a person's data): the
// reason is required, the API's field error shows under it, and the dialog closes only once the
// action succeeded.
import { Stack, Text, Textarea } from '@mantine/core';
import { ConfirmDialog } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';

export function ReasonDialog({
  title,
  body,
  reasonLabel,
  confirmLabel,
  loading,
  submit,
  onClose,
}: {
  title: string;
  body: string;
  reasonLabel: string;
  confirmLabel: string;
  loading: boolean;
  submit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirm = async () => {
    setAttempted(true);
    if (!reason.trim()) return;
    try {
      await submit(reason.trim());
      onClose();
    } catch (caught) {
      setError(readApiError(caught));
    }
  };
  return (
    <ConfirmDialog
      opened
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={t('common.cancel')}
      danger
      loading={loading}
      error={<ApiErrorAlert error={error} />}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <Stack gap="sm">
        <Text fz="sm">{body}</Text>
        <Textarea
          label={reasonLabel}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={attempted && !reason.trim() ? t('validation.required') : error?.fields['reason']}
          data-autofocus
        />
      </Stack>
    </ConfirmDialog>
  );
}
