// A confirmation that asks for something first (a reason, an outcome, a typed name): the confirm
// button submits a useSchemaForm form, which keeps the dialog open with the messages under the
// inputs, and the API's answer above the buttons.
import { ConfirmDialog } from '@tsunagu/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './api-error-alert';
import type { ApiError } from './api-errors';

export function FormConfirmDialog({
  title,
  confirmLabel,
  danger = false,
  submitting,
  apiError,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  confirmLabel: string;
  danger?: boolean;
  /** The form's `submitting`: the buttons wait while the action runs. */
  submitting: boolean;
  apiError: ApiError | null;
  /** The form's submit handler (SchemaForm.onSubmit(...)). */
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      opened
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={t('common.cancel')}
      danger={danger}
      loading={submitting}
      error={<ApiErrorAlert error={apiError} />}
      onConfirm={onConfirm}
      onCancel={onClose}
    >
      {children}
    </ConfirmDialog>
  );
}
