// Training sessions (研修会, /training/sessions): upcoming sessions by start time (?past=1 shows
// past ones too), each with its date and time in Japan time, place or online, capacity, how many
// are registered or waiting, and my own registration.
import { Anchor, Badge, Button, Group, Stack, Switch, Text } from '@mantine/core';
import { TrainingSessionsDocument, type TrainingSessionSummaryFragment } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../../../app/auth/use-session';
import { ConnectionList, useConnectionQuery } from '../../../app/connection-list';
import { ResultCard } from '../../../app/result-card';
import { TrainingTabs } from './training-tabs';
import { formatSessionTime, useTrainingLabels } from './vocabulary';

const pageSize = 20;

export function SessionsPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const [params, setParams] = useSearchParams();
  const includePast = params.get('past') === '1';
  const { query, connection: result } = useConnectionQuery(TrainingSessionsDocument, { upcomingOnly: !includePast, first: pageSize }, (data) => data.trainingSessions);

  return (
    <>
      <PageHeader
        title={t('training.sessions.title')}
        description={t('training.sessions.description')}
        actions={
          ability.can('create', 'TrainingSession') ? (
            <Button component={Link} to="/training/sessions/new">
              {t('training.sessions.new')}
            </Button>
          ) : null
        }
      />
      <TrainingTabs />
      <Stack gap="md">
        <Switch
          label={t('training.sessions.includePast')}
          checked={includePast}
          onChange={(event) => setParams(event.currentTarget.checked ? { past: '1' } : {})}
        />
        <ConnectionList query={query} connection={result}
          empty={t('training.sessions.empty')}
          renderItem={(session) => <SessionCard session={session} />}
        />
      </Stack>
    </>
  );
}

function SessionCard({ session }: { session: TrainingSessionSummaryFragment }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const headingId = `session-${session.id}`;
  return (
    <ResultCard
      headingId={headingId}
      title={session.title}
      to={`/training/sessions/${session.id}`}
      subtitle={session.organizationName}
      aside={<SessionStatusBadges session={session} />}
      headingOrder={2}
    >
      <Text fz="sm" fw={600}>
        {formatSessionTime(session.startsAt, session.endsAt, labels.language)}
      </Text>
      <Group gap="lg" wrap="wrap">
        {session.place ? <Text fz="sm">{t('training.sessions.placeLine', { place: session.place })}</Text> : null}
        {session.onlineUrl ? <Text fz="sm">{t('training.sessions.online')}</Text> : null}
        <Text fz="sm">
          {t('training.sessions.counts', { registered: session.registeredCount, capacity: session.capacity, waiting: session.waitlistCount })}
        </Text>
        {session.course ? (
          <Text fz="sm">
            {t('training.sessions.relatedCourse')}{' '}
            <Anchor component={Link} to={`/training/courses/${session.course.id}`}>
              {session.course.title}
            </Anchor>
          </Text>
        ) : null}
      </Group>
    </ResultCard>
  );
}

/** 中止 / 満席 / my registration (参加登録済み, キャンセル待ち n 番目). */
export function SessionStatusBadges({ session }: { session: TrainingSessionSummaryFragment }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const mine = session.myRegistration;
  return (
    <Group gap={4} wrap="wrap">
      {session.status === 'CANCELLED' ? (
        <Badge color="red" variant="filled" tt="none" radius="sm">
          {t('training.sessions.cancelled')}
        </Badge>
      ) : null}
      {session.status !== 'CANCELLED' && session.registeredCount >= session.capacity ? (
        <Badge color="orange" variant="light" tt="none" radius="sm">
          {t('training.sessions.full')}
        </Badge>
      ) : null}
      {mine && mine.status !== 'CANCELLED' ? (
        <Badge color={mine.status === 'REGISTERED' ? 'green' : 'yellow'} variant="light" tt="none" radius="sm">
          {mine.status === 'WAITLISTED' && mine.waitlistPosition != null
            ? t('training.sessions.waitlistPosition', { position: mine.waitlistPosition })
            : labels.registrationStatus(mine.status)}
        </Badge>
      ) : null}
    </Group>
  );
}
