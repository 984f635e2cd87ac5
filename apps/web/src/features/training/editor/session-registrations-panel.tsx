// The manager's view of a session's registrations: who is registered and who waits (in order),
// and attendance ticks for the registered (recordAttendance), which the API takes once the session
// has started. Shown on the session editor and embeddable in the session page for its managers
// (the API refuses anyone else).
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Checkbox, Stack, Text } from '@mantine/core';
import { ManageRecordAttendanceDocument, ManageSessionRegistrationsDocument, type ManageSessionRegistrationFragment } from '@tsunagu/graphql-client';
import { DataTable, LoadingState } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { SectionCard } from '../../../app/section-card';
import { readApiError, type ApiError } from '../../../app/api-errors';
import { useTrainingEditorLabels } from './vocabulary';
import { formatDateTime } from '../../../app/japan-time-format';

const statusOrder: Record<string, number> = { REGISTERED: 0, WAITLISTED: 1, CANCELLED: 2 };
const statusColors: Record<string, string> = { REGISTERED: 'green', WAITLISTED: 'yellow', CANCELLED: 'gray' };

export function SessionRegistrationsPanel({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const labels = useTrainingEditorLabels();
  const { data, loading, error } = useQuery(ManageSessionRegistrationsDocument, { variables: { id: sessionId }, fetchPolicy: 'cache-and-network' });
  const [record] = useMutation(ManageRecordAttendanceDocument);
  const [recordError, setRecordError] = useState<ApiError | null>(null);
  const session = data?.trainingSession;
  const started = session ? new Date(session.startsAt).getTime() <= Date.now() : false;

  const setAttended = async (registration: ManageSessionRegistrationFragment, attended: boolean) => {
    setRecordError(null);
    try {
      // The tick shows at once (the registration read from the cache carries its __typename); the
      // API's answer replaces it, or a failure puts it back.
      await record({
        variables: { registrationId: registration.id, attended },
        optimisticResponse: { recordAttendance: { ...registration, attended } },
      });
    } catch (caught) {
      setRecordError(readApiError(caught));
    }
  };

  const registrations = [...(session?.registrations ?? [])].sort(
    (a, b) =>
      (statusOrder[a.status] ?? 3) - (statusOrder[b.status] ?? 3) ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.queuedAt.localeCompare(b.queuedAt),
  );

  return (
    <SectionCard id="session-registrations-heading" title={t('trainingEditor.registrations.heading')}>
      <Stack gap="sm">
        {session ? (
          <Text fz="sm">{t('trainingEditor.registrations.counts', { registered: session.registeredCount, waitlisted: session.waitlistCount })}</Text>
        ) : null}
        {session && !started && registrations.length > 0 ? (
          <Text fz="sm" c="dimmed">
            {t('trainingEditor.registrations.notStarted')}
          </Text>
        ) : null}
        {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
        <ApiErrorAlert error={recordError} />
        {loading && !data ? <LoadingState label={t('common.loading')} /> : null}
        {session && registrations.length === 0 ? <Text c="dimmed">{t('trainingEditor.registrations.empty')}</Text> : null}
        {registrations.length > 0 ? (
          <DataTable
            minWidth={560}
            rows={registrations}
            rowKey={(registration) => registration.id}
            columns={[
              { key: 'member', header: t('trainingEditor.registrations.member'), cell: (registration) => registration.memberName },
              { key: 'organization', header: t('trainingEditor.registrations.organization'), cell: (registration) => registration.organizationName },
              {
                key: 'status', header: t('trainingEditor.registrations.status'),
                cell: (registration) => (
                  <Badge variant="light" color={statusColors[registration.status] ?? 'gray'}>
                    {registration.status === 'WAITLISTED' && registration.waitlistPosition
                      ? t('trainingEditor.registrations.waitlisted', { position: registration.waitlistPosition })
                      : labels.registrationStatus(registration.status)}
                  </Badge>
                ),
              },
              { key: 'queuedAt', header: t('trainingEditor.registrations.queuedAt'), cell: (registration) => formatDateTime(registration.queuedAt, i18n.language) },
              {
                key: 'attended', header: t('trainingEditor.registrations.attended'),
                cell: (registration) =>
                  registration.status === 'REGISTERED' ? (
                    <Checkbox
                      aria-label={t('trainingEditor.registrations.attendedFor', { name: registration.memberName })}
                      checked={registration.attended === true}
                      disabled={!started}
                      onChange={(event) => void setAttended(registration, event.currentTarget.checked)}
                    />
                  ) : (
                    <Text c="dimmed" fz="sm">
                      {t('trainingEditor.attendanceNotRecorded')}
                    </Text>
                  ),
              },
            ]}
          />
        ) : null}
      </Stack>
    </SectionCard>
  );
}
