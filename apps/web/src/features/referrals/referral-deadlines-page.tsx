// /admin/referrals — network admins set how long a receiving organisation has to answer a
// referral, per urgency, and how long after that deadline an unanswered referral expires.
// Past the deadline it is escalated (its admins and the sender are told); past the grace, expired.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  DEFAULT_EXPIRY_GRACE_HOURS,
  DEFAULT_RESPONSE_HOURS,
  MAX_EXPIRY_GRACE_HOURS,
  MAX_RESPONSE_HOURS,
  referralDeadlinesSchema,
} from '@tsunagu/domain';
import { ReferralDeadlinesDocument, SetReferralDeadlinesDocument, type ReferralDeadlinesFieldsFragment } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { NumberField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { useReferralLabels } from './vocabulary';

type Hours = Omit<ReferralDeadlinesFieldsFragment, '__typename'>;

export function ReferralDeadlinesPage() {
  const { t } = useTranslation();
  const { me, ability } = useSession();
  const network = me?.activeMembership.network;
  const allowed = !!network && ability.can('update', { __typename: 'Network', id: network.id });
  return (
    <>
      <PageHeader title={t('referrals.deadlines.title')} description={t('referrals.deadlines.description')} />
      <RequireAbility allowed={allowed}>
        <DeadlinesLoader />
      </RequireAbility>
    </>
  );
}

function DeadlinesLoader() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(ReferralDeadlinesDocument, { fetchPolicy: 'network-only' });
  if (error) return <ApiErrorAlert error={readApiError(error)} />;
  if (loading || !data) return <LoadingState label={t('common.loading')} />;
  const { urgentHours, highHours, normalHours, expiryGraceHours } = data.referralDeadlines;
  return <DeadlinesForm initial={{ urgentHours, highHours, normalHours, expiryGraceHours }} />;
}

function DeadlinesForm({ initial }: { initial: Hours }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const [saved, setSaved] = useState(false);
  const [save] = useMutation(SetReferralDeadlinesDocument, { refetchQueries: [ReferralDeadlinesDocument] });
  // An emptied input holds '': the schema then says what the API would.
  const { form, apiError, onSubmit } = useSchemaForm({ schema: referralDeadlinesSchema, initialValues: initial, toInput: (values) => values });
  const submit = onSubmit(async (input) => {
    setSaved(false);
    await save({ variables: { input } });
    setSaved(true);
  });

  const field = (key: keyof Hours, label: string, fallback: number) => (
    <NumberField
      label={label}
      description={t('referrals.deadlines.default', { hours: fallback })}
      suffix={t('referrals.deadlines.hoursSuffix')}
      min={1}
      max={key === 'expiryGraceHours' ? MAX_EXPIRY_GRACE_HOURS : MAX_RESPONSE_HOURS}
      allowDecimal={false}
      form={form} name={key}
    />
  );

  return (
    <Card withBorder padding="lg" maw={800}>
      <form onSubmit={submit} aria-label={t('referrals.deadlines.title')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {field('urgentHours', labels.urgency('URGENT'), DEFAULT_RESPONSE_HOURS.URGENT)}
            {field('highHours', labels.urgency('HIGH'), DEFAULT_RESPONSE_HOURS.HIGH)}
            {field('normalHours', labels.urgency('NORMAL'), DEFAULT_RESPONSE_HOURS.NORMAL)}
          </SimpleGrid>
          {field('expiryGraceHours', t('referrals.deadlines.expiryGrace'), DEFAULT_EXPIRY_GRACE_HOURS)}
          <Text fz="sm" c="dimmed">
            {t('referrals.deadlines.help')}
          </Text>
          <ApiErrorAlert error={apiError} />
          {saved ? (
            <Alert color="teal" variant="light" role="status">
              {t('referrals.deadlines.saved')}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
