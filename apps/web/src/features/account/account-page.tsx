// My account: profile (name, language), password, two-step verification and passkeys, where I
// am signed in and my sign-in history, and notification mail.
import { PageHeader } from '@tsunagu/ui';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NotificationPreferences } from '../notifications/notification-preferences';
import { PasskeysSection } from '../passkeys/passkeys-section';
import { ChangePasswordForm } from './change-password-form';
import { ProfileForm } from './profile-form';
import { SecondFactorSection } from './second-factor-section';
import { SessionsList } from './sessions-list';
import { SignInHistory } from './sign-in-history';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Stack gap="lg" maw={900}>
        <ProfileForm />
        <ChangePasswordForm />
        <SecondFactorSection />
        <PasskeysSection />
        <SessionsList />
        <SignInHistory />
        <NotificationPreferences />
      </Stack>
    </>
  );
}
