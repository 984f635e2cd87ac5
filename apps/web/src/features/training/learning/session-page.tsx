// One training session (/training/sessions/:id): when and where (Japan time), what it is about,
// capacity and counts; register (or join the waiting list when it is full), see my place on the
// waiting list, cancel, and once registered download the calendar entry (.ics).
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import {
  CancelSessionRegistrationDocument,
  RegisterForSessionDocument,
  TrainingSessionPageDocument,
  type TrainingSessionDetailFragment,
} from '@tsunagu/graphql-client';
import { DescriptionList, PageHeader, type DescriptionItem } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError, type ApiError } from '../../../app/api-errors';
import { FailureText, useDownload } from '../../../app/use-download';
import { BackLink, RecordPage, type RecordTexts } from '../../../app/record-page';
import { SectionCard } from '../../../app/section-card';
import { SessionStatusBadges } from './sessions-page';
import { formatSessionTime, useTrainingLabels } from './vocabulary';

export function SessionPage() {
  const { id = '' } = useParams();
  const texts: RecordTexts = { title: 'training.sessions.title', notFound: 'training.session.notFound', back: 'training.session.back' };
  return <RecordPage query={useQuery(TrainingSessionPageDocument, { variables: { id } })} texts={texts} backTo="/training/sessions">{(data) => <SessionView session={data.trainingSession} />}</RecordPage>;
}

function SessionView({ session }: { session: TrainingSessionDetailFragment }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const none = t('training.session.notSet');
  const items: DescriptionItem[] = [
    { term: t('training.session.when'), description: formatSessionTime(session.startsAt, session.endsAt, labels.language) },
    { term: t('training.session.place'), description: session.place ?? none },
    {
      term: t('training.session.online'),
      description: session.onlineUrl ? (
        <Anchor href={session.onlineUrl} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
          {session.onlineUrl}
        </Anchor>
      ) : (
        none
      ),
    },
    { term: t('training.session.organizer'), description: session.organizationName },
    { term: t('training.session.capacity'), description: t('training.session.capacityValue', { count: session.capacity }) },
    { term: t('training.session.registered'), description: t('training.session.people', { count: session.registeredCount }) },
    { term: t('training.session.waiting'), description: t('training.session.people', { count: session.waitlistCount }) },
    {
      term: t('training.session.course'),
      description: session.course ? (
        <Anchor component={Link} to={`/training/courses/${session.course.id}`}>
          {session.course.title}
        </Anchor>
      ) : (
        none
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={session.title}
        description={session.organizationName}
        actions={
          session.mayManage ? (
            <Button component={Link} to={`/training/sessions/${session.id}/edit`} variant="default">
              {t('training.session.manage')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <BackLink to="/training/sessions">{t('training.session.back')}</BackLink>
        <SessionStatusBadges session={session} />
        {session.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{session.description}</Text> : null}
        <SectionCard id="session-about" title={t('training.session.about')}>
          <DescriptionList items={items} label={t('training.session.about')} />
        </SectionCard>
        <RegistrationSection session={session} />
      </Stack>
    </>
  );
}

function RegistrationSection({ session }: { session: TrainingSessionDetailFragment }) {
  const { t } = useTranslation();
  const [register, registering] = useMutation(RegisterForSessionDocument);
  const [cancel, cancelling] = useMutation(CancelSessionRegistrationDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const { downloading, failure, download } = useDownload();
  const mine = session.myRegistration && session.myRegistration.status !== 'CANCELLED' ? session.myRegistration : null;
  const ended = new Date(session.endsAt).getTime() <= Date.now();
  const full = session.registeredCount >= session.capacity;

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  const downloadIcs = async () => {
    if (session.icsPath) await download(session.icsPath, `training-session-${session.id}.ics`);
  };

  return (
    <SectionCard id="session-registration" title={t('training.session.registration')}>
      <Stack gap="sm">
        {session.status === 'CANCELLED' ? (
          <Alert color="red" variant="light">
            {t('training.session.cancelledNotice')}
          </Alert>
        ) : null}
        {mine?.status === 'REGISTERED' ? (
          <Alert color="green" variant="light" role="status">
            {t('training.session.youAreRegistered')}
          </Alert>
        ) : null}
        {mine?.status === 'WAITLISTED' ? (
          <Alert color="yellow" variant="light" role="status">
            {mine.waitlistPosition != null
              ? t('training.session.youAreWaiting', { position: mine.waitlistPosition })
              : t('training.session.youAreWaitingNoPosition')}
          </Alert>
        ) : null}
        <ApiErrorAlert error={error} />
        <Group gap="sm" wrap="wrap">
          {!mine && session.status === 'SCHEDULED' && !ended ? (
            <Button loading={registering.loading} onClick={() => void run(() => register({ variables: { sessionId: session.id } }))}>
              {full ? t('training.session.joinWaitlist') : t('training.session.register')}
            </Button>
          ) : null}
          {mine && !ended ? (
            <Button
              variant="default"
              color="red"
              loading={cancelling.loading}
              onClick={() => void run(() => cancel({ variables: { sessionId: session.id } }))}
            >
              {mine.status === 'WAITLISTED' ? t('training.session.leaveWaitlist') : t('training.session.cancelRegistration')}
            </Button>
          ) : null}
          {session.icsPath ? (
            <Button variant="light" loading={downloading !== null} onClick={() => void downloadIcs()}>
              {t('training.session.addToCalendar')}
            </Button>
          ) : null}
        </Group>
        {!mine && full && session.status === 'SCHEDULED' && !ended ? <Text fz="sm" c="dimmed">{t('training.session.fullHelp')}</Text> : null}
        <FailureText message={failure} />
      </Stack>
    </SectionCard>
  );
}
