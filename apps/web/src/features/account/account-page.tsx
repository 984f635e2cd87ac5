// My account: profile (name, language), password, two-step verification, where I am signed in,
// and notification mail.
import { PageHeader } from '@tsunagu/ui';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NotificationPreferences } from '../notifications/notification-preferences';
import { ChangePasswordForm } from './change-password-form';
import { ProfileForm } from './profile-form';
import { SecondFactorSection } from './second-factor-section';
import { SessionsList } from './sessions-list';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Stack gap="lg" maw={900}>
        <ProfileForm />
        <ChangePasswordForm />
        <SecondFactorSection />
        <SessionsList />
        <NotificationPreferences />
      </Stack>
    </>
  );
}
