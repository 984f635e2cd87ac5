// What the network's second-factor policy asks of a signed-in member, in the app shell: past the
// grace period (me.secondFactor.blocked) only enrolment is shown; during it, a prompt after each
// sign-in that the member may postpone until the due date.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { PageHeader } from '@tsunagu/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { authStore } from '../../app/auth/auth-store';
import { useSession, useSessionActions } from '../../app/auth/use-session';
import { formatDateTime } from '../../app/japan-time-format';
import { SecondFactorSection } from './second-factor-section';

/** Users whose prompt was postponed in this sign-in: forgotten at sign-out, so the next sign-in asks again. */
const postponed = new Set<string>();
authStore.subscribe(() => {
  if (authStore.getSnapshot().status === 'signedOut') postponed.clear();
});

export function SecondFactorGate({ children }: { children: ReactNode }) {
  const { me } = useSession();
  if (me?.secondFactor.blocked) return <SecondFactorRequiredPage />;
  return (
    <>
      {children}
      <SecondFactorPrompt />
    </>
  );
}

function SecondFactorRequiredPage() {
  const { t } = useTranslation();
  const { logout } = useSessionActions();
  return (
    <>
      <PageHeader title={t('secondFactor.blocked.title')} />
      <Stack gap="lg" maw={900} data-testid="second-factor-required">
        <Alert color="yellow" variant="light">
          {t('secondFactor.blocked.body')}
        </Alert>
        <SecondFactorSection />
        <Group>
          <Button variant="subtle" onClick={() => void logout()}>
            {t('secondFactor.blocked.signOut')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}

function SecondFactorPrompt() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [, rerender] = useState(0);
  const status = me?.secondFactor;
  const opened = !!me && !!status?.enrolmentRequired && !postponed.has(me.id) && location.pathname !== '/account';
  const postpone = () => {
    if (me) postponed.add(me.id);
    rerender((count) => count + 1);
  };
  return (
    <Modal opened={opened} onClose={postpone} title={t('secondFactor.prompt.title')} centered>
      <Stack gap="md">
        <Text fz="sm">
          {status?.dueBy
            ? t('secondFactor.prompt.body', { dueBy: formatDateTime(status.dueBy, i18n.language) })
            : t('secondFactor.prompt.bodyNoDate')}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" onClick={postpone}>
            {t('secondFactor.prompt.later')}
          </Button>
          <Button
            onClick={() => {
              postpone();
              navigate('/account#second-factor-heading');
            }}
          >
            {t('secondFactor.prompt.setUpNow')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
