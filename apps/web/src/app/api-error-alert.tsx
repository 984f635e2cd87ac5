// Shows why an operation failed: the API's message when a person can act on it, otherwise
// a generic translated explanation (never a raw technical error).
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api-errors';

export function ApiErrorAlert({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert role="alert" color="red" variant="light" title={t('errors.title')}>
      {error.message ?? t('errors.generic')}
    </Alert>
  );
}
