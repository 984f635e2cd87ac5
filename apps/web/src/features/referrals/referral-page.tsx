// /referrals/:id — one referral: status, urgency and reply deadline (overdue warned), the two
// parties and the service, what was asked; the actions I may take now; the person as consent
// allows (the people feature's category cards: disclosed values, or withheld with the reason)
// or the anonymous case; the timeline; and the messages, marked read when I open them.
// The page polls (15 s, skipped while the tab is hidden) so the other side's answer and
// messages appear without a reload.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { SPECIAL_CARE_HIDDEN_LABEL } from '@tsunagu/domain';
import { MarkReferralReadDocument, ReferralDocument, type ReferralQuery } from '@tsunagu/graphql-client';
import { DescriptionList, LoadingState, PageHeader } from '@tsunagu/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { usePlaceName } from '../../app/place-names';
import { SectionCard } from '../../app/section-card';
import { ShortCode } from '../../app/short-code';
import { useDirectoryLabels } from '../directory/vocabulary';
import { CategoryCards } from '../people/category-cards';
import { usePeopleLabels } from '../people/vocabulary';
import { formatDateTime } from '../../app/japan-time-format';
import { OverdueBadge, ReferralStatusBadge, UrgencyBadge } from './referral-badges';
import { CategoryRequests } from './category-requests';
import { ReferralActions } from './referral-actions';
import { ReferralMessages } from './referral-messages';
import { ReferralTimeline } from './referral-timeline';
import { visiblePolling } from './use-visible-polling';
import { useReferralLabels } from './vocabulary';
import { WithheldText } from './withheld-text';

type Detail = ReferralQuery['referral'];

export function ReferralPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ReferralDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
    ...visiblePolling(15_000),
  });
  const [markRead] = useMutation(MarkReferralReadDocument, { refetchQueries: ['ReferralCounts'] });
  const unread = data?.referral.referral.unreadMessages ?? 0;
  useEffect(() => {
    if (unread > 0) void markRead({ variables: { id } }).catch(() => undefined);
  }, [unread, id, markRead]);

  if (error && !data) return <ApiErrorAlert error={readApiError(error)} />;
  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (!data) return null;
  return <ReferralView detail={data.referral} onRefresh={() => void refetch()} />;
}

function ReferralView({ detail, onRefresh }: { detail: Detail; onRefresh: () => void }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const people = usePeopleLabels();
  const directory = useDirectoryLabels();
  const referral = detail.referral;
  const list = (values: readonly string[]) => (values.length ? values.join(t('people.listSeparator')) : t('referrals.none'));
  const sender = referral.mySides.includes('SENDER');
  const awaiting = referral.status === 'SENT';
  // Withheld free text says so and why; never an empty value passed off as the text.
  const withheldText = referral.textWithheldReason ? (
    <Text component="span" fz="sm" c="dimmed" data-testid="referral-text-withheld">
      {t('referrals.detail.textWithheld', { reason: labels.textWithheld(referral.textWithheldReason) })}
    </Text>
  ) : null;

  return (
    <>
      <PageHeader
        title={referral.serviceName}
        description={t('referrals.detail.parties', { sender: referral.senderOrganization.name, receiver: referral.receiverOrganization.name })}
        actions={
          <Group gap="xs">
            <UrgencyBadge urgency={referral.urgency} />
            <ReferralStatusBadge status={referral.status} size="lg" testId="referral-status" />
          </Group>
        }
      />
      <Stack gap="lg">
        <Anchor component={Link} to={sender ? '/referrals?box=outbox' : '/referrals'} fz="sm">
          {t('referrals.detail.back')}
        </Anchor>
        {awaiting && referral.responseDueAt ? (
          <Alert color={referral.overdue ? 'red' : 'blue'} variant="light" role={referral.overdue ? 'alert' : 'status'} data-testid="referral-deadline">
            <Group gap="xs">
              {referral.overdue ? <OverdueBadge /> : null}
              <Text fz="sm">
                {referral.overdue
                  ? t('referrals.detail.overdueSince', { due: formatDateTime(referral.responseDueAt, labels.language) })
                  : t('referrals.detail.dueBy', { due: formatDateTime(referral.responseDueAt, labels.language) })}
              </Text>
            </Group>
          </Alert>
        ) : null}
        {referral.outcome ? (
          <Alert color={referral.status === 'COMPLETED' ? 'teal' : 'gray'} variant="light" title={t('referrals.fields.outcome')} data-testid="referral-outcome">
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {referral.outcome}
            </Text>
          </Alert>
        ) : referral.status === 'COMPLETED' && referral.textWithheldReason ? (
          <Alert color="teal" variant="light" title={t('referrals.fields.outcome')} data-testid="referral-outcome">
            <WithheldText reason={referral.textWithheldReason} />
          </Alert>
        ) : null}
        {detail.onward ? <OnwardCase onward={detail.onward} /> : null}
        <Group gap="sm" align="flex-start" wrap="wrap">
          {referral.status === 'DRAFT' && sender ? (
            <Button component={Link} to={`/referrals/${referral.id}/edit`} variant="default">
              {t('referrals.detail.editDraft')}
            </Button>
          ) : null}
          <ReferralActions referral={referral} onRefresh={onRefresh} />
          <CategoryRequests referral={referral} events={detail.events} personOwnedByMe={detail.person?.ownedByMe ?? false} />
        </Group>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <SectionCard padding="md" id="referral-summary-heading" title={t('referrals.detail.summary')}>
                <DescriptionList
                  label={t('referrals.detail.summary')}
                  items={[
                    { term: t('referrals.fields.sender'), description: t('referrals.detail.actorAt', { name: referral.senderName, organization: referral.senderOrganization.name }) },
                    { term: t('referrals.fields.receiver'), description: referral.receiverOrganization.name },
                    {
                      term: t('referrals.fields.service'),
                      description: referral.serviceId ? (
                        <Anchor component={Link} to={`/directory/services/${referral.serviceId}`}>
                          {referral.serviceName}
                        </Anchor>
                      ) : (
                        referral.serviceName
                      ),
                    },
                    { term: t('referrals.fields.needs'), description: list(referral.needs.map(directory.category)) },
                    { term: t('referrals.fields.sentAt'), description: referral.sentAt ? formatDateTime(referral.sentAt, labels.language) : t('referrals.notSent') },
                    {
                      term: t('referrals.fields.sharedCategories'),
                      description: (
                        <span data-testid="referral-shared-categories">
                          {list([
                            ...referral.sharedCategories.map(people.category),
                            ...(referral.specialCareHidden ? [labels.language === 'en' ? SPECIAL_CARE_HIDDEN_LABEL.en : SPECIAL_CARE_HIDDEN_LABEL.ja] : []),
                          ])}
                        </span>
                      ),
                    },
                    {
                      term: t('referrals.fields.reason'),
                      description: withheldText ?? <span style={{ whiteSpace: 'pre-wrap' }}>{referral.reason}</span>,
                    },
                    {
                      term: t('referrals.fields.notes'),
                      description: withheldText ?? (referral.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{referral.notes}</span> : t('referrals.none')),
                    },
                  ]}
                />
              </SectionCard>
              <SectionCard padding="md" id="referral-person-heading" title={t('referrals.detail.person')}>
                <PersonPart detail={detail} />
              </SectionCard>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg">
              <SectionCard padding="md" id="referral-messages-heading" title={t('referrals.messages.title')}>
                <ReferralMessages referralId={referral.id} messages={detail.messages} canPost={referral.status !== 'DRAFT'} />
              </SectionCard>
              <SectionCard padding="md" id="referral-timeline-heading" title={t('referrals.detail.timeline')}>
                <ReferralTimeline events={detail.events} />
              </SectionCard>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function PersonPart({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const placeName = usePlaceName();
  const referral = detail.referral;
  if (detail.person) {
    return (
      <Stack gap="sm">
        <Group gap="xs">
          <Text fz="sm" c="dimmed">
            {t('referrals.detail.pseudonym')}
          </Text>
          <ShortCode fz="md">{detail.person.pseudonym}</ShortCode>
          {detail.person.ownedByMe ? (
            <Anchor component={Link} to={`/people/${detail.person.id}`} fz="sm">
              {t('referrals.detail.openPerson')}
            </Anchor>
          ) : null}
        </Group>
        <CategoryCards person={detail.person} />
      </Stack>
    );
  }
  const anonymous = referral.anonymousCase;
  if (anonymous) {
    return (
      <Stack gap="sm" data-testid="anonymous-case">
        <Text fz="sm">{t('referrals.detail.anonymousHelp')}</Text>
        <DescriptionList
          label={t('referrals.anonymous')}
          items={[
            { term: t('referrals.fields.ageBand'), description: labels.ageBand(anonymous.ageBand) },
            { term: t('referrals.fields.gender'), description: anonymous.gender ? labels.gender(anonymous.gender) : t('referrals.none') },
            { term: t('referrals.fields.municipalityCode'), description: anonymous.municipalityCode ? placeName(anonymous.municipalityCode) : t('referrals.none') },
          ]}
        />
      </Stack>
    );
  }
  return (
    <Text c="dimmed" fz="sm">
      {referral.personPseudonym ?? t('referrals.anonymous')}
    </Text>
  );
}

/** A forwarded case: where it went last and how it ended — the sender always learns the outcome. */
function OnwardCase({ onward }: { onward: NonNullable<Detail['onward']> }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  return (
    <Alert color="grape" variant="light" title={t('referrals.detail.onwardTitle')} data-testid="referral-onward">
      <Stack gap={4}>
        <Group gap="xs">
          <Text fz="sm">
            {t('referrals.detail.onwardTo', { organization: onward.receiverOrganization.name, service: onward.serviceName })}
          </Text>
          <ReferralStatusBadge status={onward.status} />
        </Group>
        {onward.closedAt ? <Text fz="xs" c="dimmed">{formatDateTime(onward.closedAt, labels.language)}</Text> : null}
        {onward.outcome ? (
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {onward.outcome}
          </Text>
        ) : onward.textWithheldReason ? (
          <WithheldText reason={onward.textWithheldReason} />
        ) : null}
      </Stack>
    </Alert>
  );
}
