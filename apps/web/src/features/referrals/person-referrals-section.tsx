// The person page's 「紹介履歴」: every referral of this person by my organisation, newest
// first, with its status and outcome, and a button to start a new one for this person.
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Group, Text, Title } from '@mantine/core';
import { mayDoCasework } from '@tsunagu/domain';
import { PersonReferralsDocument, type PersonReferralsQuery } from '@tsunagu/graphql-client';
import { LoadingState } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { formatInstantDate } from '../../app/japan-time-format';
import { ResponsiveTable } from '../../app/responsive-table';
import { ReferralStatusBadge, UrgencyBadge } from './referral-badges';
import { useReferralLabels } from './vocabulary';
import { WithheldText } from './withheld-text';

type Row = PersonReferralsQuery['personReferrals'][number];

export function PersonReferralsSection({ personId, canRefer }: { personId: string; canRefer: boolean }) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const labels = useReferralLabels();
  const allowed = !!actor && mayDoCasework(actor.roles);
  const { data, loading, error } = useQuery(PersonReferralsDocument, { variables: { personId }, fetchPolicy: 'cache-and-network', skip: !allowed });
  if (!allowed) return null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="person-referrals-heading" data-testid="person-referrals">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4" id="person-referrals-heading">
          {t('referrals.history.title')}
        </Title>
        {canRefer ? (
          <Button size="sm" component={Link} to={`/referrals/new?personId=${personId}`}>
            {t('referrals.history.refer')}
          </Button>
        ) : null}
      </Group>
      {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
      {loading && !data ? <LoadingState label={t('common.loading')} /> : null}
      {data ? (
        <ResponsiveTable<Row>
          labelledBy="person-referrals-heading"
          minWidth={640}
          cardsOnPhone
          rows={data.personReferrals}
          rowKey={(referral) => referral.id}
          emptyLabel={t('referrals.history.empty')}
          columns={[
            {
              key: 'created',
              header: t('referrals.fields.createdAt'),
              cell: (referral) => formatInstantDate(referral.sentAt ?? referral.createdAt, labels.language),
            },
            {
              key: 'service',
              header: t('referrals.fields.service'),
              card: 'title',
              cell: (referral) => (
                <Anchor component={Link} to={`/referrals/${referral.id}`}>
                  {referral.serviceName}
                </Anchor>
              ),
            },
            { key: 'receiver', header: t('referrals.fields.receiver'), cell: (referral) => referral.receiverOrganization.name },
            { key: 'urgency', header: t('referrals.fields.urgency'), card: 'badge', cell: (referral) => <UrgencyBadge urgency={referral.urgency} /> },
            { key: 'status', header: t('referrals.fields.status'), card: 'badge', cell: (referral) => <ReferralStatusBadge status={referral.status} size="sm" /> },
            {
              key: 'outcome',
              header: t('referrals.fields.outcome'),
              cell: (referral) =>
                referral.outcome === null && referral.textWithheldReason && referral.status === 'COMPLETED' ? (
                  <WithheldText reason={referral.textWithheldReason} />
                ) : (
                  <Text fz="sm" lineClamp={2}>
                    {referral.outcome ?? ''}
                  </Text>
                ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
