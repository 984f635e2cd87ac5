// When someone else changed a referral first, the API answers CONFLICT: the dialog that asked
// closes, and an alert says what happened, with one button to reload the referral as it is now.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readApiError, type ApiError } from '../../app/api-errors';

export function ConflictAlert({ error, onRefresh }: { error: ApiError; onRefresh: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert role="alert" color="orange" variant="light" title={t('referrals.conflict.title')} data-testid="referral-conflict">
      <Stack gap="xs">
        <Text fz="sm">{error.message ?? t('referrals.conflict.body')}</Text>
        <Button size="xs" variant="default" onClick={onRefresh} style={{ alignSelf: 'flex-start' }}>
          {t('referrals.conflict.refresh')}
        </Button>
      </Stack>
    </Alert>
  );
}

/**
 * Runs a change to a referral; when someone else changed the referral first (CONFLICT) hands the
 * error to onConflict and answers true. Any other error is thrown on, for the form to show.
 */
export async function conflictOf(change: () => Promise<unknown>, onConflict: (error: ApiError) => void): Promise<boolean> {
  try {
    await change();
    return false;
  } catch (caught) {
    const error = readApiError(caught);
    if (error.code !== 'CONFLICT') throw caught;
    onConflict(error);
    return true;
  }
}
