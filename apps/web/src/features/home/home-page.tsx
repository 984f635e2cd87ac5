// `/` for a signed-in member: a task-first home (issue 16). One query (Query.home) returns the
// sections that concern the member's roles; each card shows counts that open the filtered list
// and the nearest few items, linking to the record where the work is done (a waiting referral to
// its page, where it can be accepted). One column on a phone, two side by side on a laptop.
import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { HomeDocument, type HomeQuery } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/japan-time-format';
import { formatDay } from '../partnerships/vocabulary';
import { OverdueBadge, UnreadBadge, UrgencyBadge } from '../referrals/referral-badges';
import { readReferralFilters, writeReferralFilters, type ReferralListFilters } from '../referrals/referral-filters';
import { HomeCard, HomeItem, HomeItems, PastDueBadge } from './home-parts';

type Home = HomeQuery['home'];

/** The referral list (inbox) with these filters, as its own URL writes them. */
function referralsLink(filters: Partial<ReferralListFilters>): string {
  const query = writeReferralFilters({ ...readReferralFilters(new URLSearchParams()), ...filters }).toString();
  return query ? `/referrals?${query}` : '/referrals';
}

export function HomePage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(HomeDocument, { fetchPolicy: 'cache-and-network' });
  const home = data?.home;
  return (
    <>
      <PageHeader title={t('home.title')} description={t('home.description')} />
      {loading && !home ? <LoadingState label={t('home.loading')} /> : null}
      {error && !home ? (
        <Alert role="alert" color="red" variant="light">
          {t('home.error')}
        </Alert>
      ) : null}
      {home ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {home.referrals ? <ReferralsCard section={home.referrals} /> : null}
          {home.network ? <NetworkCard section={home.network} /> : null}
          {home.partnerships ? <PartnershipsCard section={home.partnerships} /> : null}
          <GrantsCard section={home.grants} />
          <CoursesCard section={home.courses} />
        </SimpleGrid>
      ) : null}
    </>
  );
}

function ReferralsCard({ section }: { section: NonNullable<Home['referrals']> }) {
  const { t, i18n } = useTranslation();
  return (
    <HomeCard
      id="home-referrals"
      title={t('home.referrals.title')}
      description={t('home.referrals.description')}
      counts={[
          { label: t('home.referrals.waiting'), count: section.waiting, to: referralsLink({ statuses: ['SENT'], sort: 'DEADLINE' }), testId: 'home-referrals-waiting' },
          { label: t('home.referrals.overdue'), count: section.overdue, to: referralsLink({ overdue: true, sort: 'DEADLINE' }), alarm: true, testId: 'home-referrals-overdue' },
          { label: t('home.referrals.inProgress'), count: section.inProgress, to: referralsLink({ statuses: ['ACCEPTED', 'IN_PROGRESS'] }) },
          // The list has no unread filter; the notifications page lists the messages to read.
          { label: t('home.referrals.unread'), count: section.withUnreadMessages, to: '/notifications' },
      ]}
    >
      <HomeItems label={t('home.referrals.waiting')} empty={t('home.referrals.empty')} count={section.nearest.length}>
        {section.nearest.map((referral) => (
          <HomeItem
            key={referral.id}
            testId="home-waiting-referral"
            title={referral.serviceName}
            to={`/referrals/${referral.id}`}
            badges={
              <>
                <UrgencyBadge urgency={referral.urgency} />
                {referral.overdue ? <OverdueBadge /> : null}
                <UnreadBadge count={referral.unreadMessages} />
              </>
            }
            details={[
              t('home.referrals.from', { organization: referral.senderOrganization.name }),
              referral.responseDueAt ? t('home.referrals.due', { dateTime: formatDateTime(referral.responseDueAt, i18n.language) }) : null,
            ]}
          />
        ))}
      </HomeItems>
    </HomeCard>
  );
}

function PartnershipsCard({ section }: { section: NonNullable<Home['partnerships']> }) {
  const { t, i18n } = useTranslation();
  return (
    <HomeCard
      id="home-partnerships"
      title={t('home.partnerships.title')}
      description={t('home.partnerships.description', { reviewDays: section.reviewWindowDays, followUpDays: section.followUpWindowDays })}
      counts={[
        { label: t('home.partnerships.reviews'), count: section.reviewsDue, to: '/partnerships' },
        { label: t('home.partnerships.followUps'), count: section.followUpsDue, to: '/partnerships' },
        { label: t('home.partnerships.followUpsOverdue'), count: section.followUpsOverdue, to: '/partnerships', alarm: true },
      ]}
    >
      <Stack gap="md">
        <PartnershipItems
          label={t('home.partnerships.reviews')}
          empty={t('home.partnerships.emptyReviews')}
          items={section.reviews.map((review) => ({
            key: review.partnershipId,
            title: review.title,
            partnershipId: review.partnershipId,
            overdue: review.overdue,
            details: [review.partnerName, t('home.partnerships.reviewOn', { date: formatDay(review.reviewOn, i18n.language) })],
          }))}
        />
        <PartnershipItems
          label={t('home.partnerships.followUps')}
          empty={t('home.partnerships.emptyFollowUps')}
          items={section.followUps.map(({ partnershipId, partnershipTitle, followUp }) => ({
            key: followUp.id,
            title: followUp.description,
            partnershipId,
            overdue: followUp.overdue,
            details: [partnershipTitle, t('home.partnerships.dueOn', { date: formatDay(followUp.dueOn, i18n.language) })],
          }))}
        />
      </Stack>
    </HomeCard>
  );
}

interface PartnershipItem {
  readonly key: string;
  readonly title: string;
  readonly partnershipId: string;
  readonly overdue: boolean;
  readonly details: readonly string[];
}

/** Reviews or follow-ups, each opening its partnership's page. */
function PartnershipItems({ label, empty, items }: { label: string; empty: string; items: readonly PartnershipItem[] }) {
  const { t } = useTranslation();
  return (
    <HomeItems label={label} empty={empty} count={items.length}>
      {items.map((item) => (
        <HomeItem
          key={item.key}
          title={item.title}
          to={`/partnerships/${item.partnershipId}`}
          badges={item.overdue ? <PastDueBadge label={t('home.partnerships.overdue')} /> : null}
          details={item.details}
        />
      ))}
    </HomeItems>
  );
}

function GrantsCard({ section }: { section: Home['grants'] }) {
  const { t, i18n } = useTranslation();
  return (
    <HomeCard
      id="home-grants"
      title={t('home.grants.title')}
      description={t('home.grants.description', { days: section.windowDays })}
      counts={[{ label: t('home.grants.closingSoon'), count: section.closingSoon, to: '/grants/bookmarks' }]}
    >
      <HomeItems label={t('home.grants.closingSoon')} empty={t('home.grants.empty')} count={section.grants.length}>
        {section.grants.map((grant) => (
          <HomeItem
            key={grant.id}
            title={grant.title}
            to={`/grants/${grant.id}`}
            details={[grant.funderName, grant.windowClosesAt ? t('home.grants.closesAt', { dateTime: formatDateTime(grant.windowClosesAt, i18n.language) }) : null]}
          />
        ))}
      </HomeItems>
    </HomeCard>
  );
}

function CoursesCard({ section }: { section: Home['courses'] }) {
  const { t, i18n } = useTranslation();
  return (
    <HomeCard
      id="home-courses"
      title={t('home.courses.title')}
      description={t('home.courses.description')}
      counts={[
        { label: t('home.courses.active'), count: section.active, to: '/training/my' },
        { label: t('home.courses.overdue'), count: section.overdue, to: '/training/my?filter=OVERDUE', alarm: true },
      ]}
    >
      <HomeItems label={t('home.courses.active')} empty={t('home.courses.empty')} count={section.enrolments.length}>
        {section.enrolments.map((enrolment) => (
          <HomeItem
            key={enrolment.id}
            title={enrolment.course.title}
            to={`/training/courses/${enrolment.course.id}`}
            badges={enrolment.overdue ? <PastDueBadge label={t('home.partnerships.overdue')} /> : null}
            details={[
              t('home.courses.progress', { percent: enrolment.progressPercent }),
              enrolment.dueAt ? t('home.courses.dueAt', { dateTime: formatDateTime(enrolment.dueAt, i18n.language) }) : null,
            ]}
          />
        ))}
      </HomeItems>
    </HomeCard>
  );
}

function NetworkCard({ section }: { section: NonNullable<Home['network']> }) {
  const { t } = useTranslation();
  return (
    <HomeCard
      id="home-network"
      title={t('home.network.title')}
      description={t('home.network.description')}
      counts={[
        { label: t('home.network.waiting'), count: section.waitingReferrals, to: '/admin/referrals' },
        { label: t('home.network.overdue'), count: section.overdueReferrals, to: '/admin/referrals', alarm: true },
        { label: t('home.network.escalated'), count: section.escalatedReferrals, to: '/admin/referrals' },
      ]}
    >
      <Stack gap={4}>
        <Text fz="sm">
          <Anchor component={Link} to="/admin/referrals">
            {t('home.network.deadlines')}
          </Anchor>
        </Text>
        <Text fz="sm">
          <Anchor component={Link} to="/admin/status">
            {t('home.network.status')}
          </Anchor>
        </Text>
      </Stack>
    </HomeCard>
  );
}
