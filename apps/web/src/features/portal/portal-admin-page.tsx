// Network admins publish (or withdraw) the network's public portal at /p/<slug>: one switch,
// the public address with a copy button, and a link to see the page as the public does.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, CopyButton, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { PortalEnabledDocument, SetPortalEnabledDocument } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';

export function PortalAdminPage() {
  const { me, ability } = useSession();
  const network = me?.activeMembership.network;
  const allowed = !!network && ability.can('update', { __typename: 'Network', id: network.id });
  return <RequireAbility allowed={allowed}>{network ? <PortalSwitch slug={network.slug} /> : null}</RequireAbility>;
}

function PortalSwitch({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { data, loading, error: loadError } = useQuery(PortalEnabledDocument);
  const [setPortalEnabled, setting] = useMutation(SetPortalEnabledDocument, {
    refetchQueries: [PortalEnabledDocument],
    awaitRefetchQueries: true,
  });
  const [error, setError] = useState<ApiError | null>(null);
  const publicUrl = `${window.location.origin}/p/${slug}`;
  const enabled = data?.portalEnabled ?? false;

  const change = async (next: boolean) => {
    setError(null);
    try {
      await setPortalEnabled({ variables: { enabled: next } });
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <>
      <PageHeader title={t('portalAdmin.title')} description={t('portalAdmin.description')} />
      <Card withBorder padding="lg" component="section" aria-labelledby="portal-switch-heading">
        <Title order={2} fz="h4" mb="md" id="portal-switch-heading">
          {t('portalAdmin.heading')}
        </Title>
        {loading && !data ? <LoadingState label={t('common.loading')} /> : null}
        {loadError ? <ApiErrorAlert error={readApiError(loadError)} /> : null}
        {data ? (
          <Stack gap="md" maw={640}>
            <Switch
              size="md"
              label={t('portalAdmin.switch')}
              description={enabled ? t('portalAdmin.publishedHelp') : t('portalAdmin.withdrawnHelp')}
              checked={enabled}
              disabled={setting.loading}
              onChange={(event) => void change(event.currentTarget.checked)}
            />
            <Alert color={enabled ? 'teal' : 'gray'} variant="light" role="status">
              {enabled ? t('portalAdmin.statePublished') : t('portalAdmin.stateWithdrawn')}
            </Alert>
            <ApiErrorAlert error={error} />
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput label={t('portalAdmin.publicUrl')} value={publicUrl} readOnly style={{ flex: '1 1 18rem' }} />
              <CopyButton value={publicUrl}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy}>
                    {copied ? t('portalAdmin.copied') : t('portalAdmin.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            {enabled ? (
              <Anchor href={publicUrl} target="_blank" rel="noopener noreferrer">
                {t('portalAdmin.open')}
              </Anchor>
            ) : null}
            <Text fz="sm" c="dimmed">
              {t('portalAdmin.whatIsShown')}
            </Text>
          </Stack>
        ) : null}
      </Card>
    </>
  );
}
