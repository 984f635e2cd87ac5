// On the account page: how I receive mail for each kind of notification — at once, in a daily
// digest, or not at all (in-app notifications always arrive). Each change is saved at once.
import { useMutation, useQuery } from '@apollo/client/react';
import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, type NotificationDelivery, type NotificationKind } from '@tsunagu/domain';
import { NotificationPreferencesDocument, SetNotificationPreferenceDocument } from '@tsunagu/graphql-client';
import { LoadingState } from '@tsunagu/ui';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { SectionCard } from '../../app/section-card';
import { useReferralLabels } from '../referrals/vocabulary';

export function NotificationPreferences() {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const { data, loading, error: loadError } = useQuery(NotificationPreferencesDocument);
  const [setPreference] = useMutation(SetNotificationPreferenceDocument, { refetchQueries: [NotificationPreferencesDocument] });
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<NotificationKind | null>(null);
  const { hash } = useLocation();
  // The notification centre links here (/account#notification-settings, the section's heading): show it once loaded.
  useEffect(() => {
    if (data && hash === '#notification-settings') document.getElementById('notification-settings')?.scrollIntoView();
  }, [data, hash]);
  const current = new Map((data?.notificationPreferences ?? []).map((entry) => [entry.kind, entry.delivery]));

  const change = async (kind: NotificationKind, delivery: NotificationDelivery) => {
    setError(null);
    setSaved(null);
    try {
      await setPreference({ variables: { kind, delivery } });
      setSaved(kind);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <SectionCard id="notification-settings" title={t('notifications.preferences.title')} description={t('notifications.preferences.description')}>
      <Stack gap="sm">
        {loadError ? <ApiErrorAlert error={readApiError(loadError)} /> : null}
        {loading && !data ? <LoadingState label={t('common.loading')} /> : null}
        {data ? (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-labelledby="notification-settings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('notifications.preferences.kind')}</Table.Th>
                  <Table.Th>{t('notifications.preferences.delivery')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {NOTIFICATION_KINDS.codes.map((kind) => (
                  <Table.Tr key={kind} data-kind={kind}>
                    <Table.Td>
                      <Text fz="sm">{labels.notificationKind(kind)}</Text>
                      {saved === kind ? (
                        <Text fz="xs" c="teal" role="status">
                          {t('notifications.preferences.saved')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <SegmentedControl
                        size="xs"
                        aria-label={labels.notificationKind(kind)}
                        value={current.get(kind) ?? 'IMMEDIATE'}
                        onChange={(value) => void change(kind, value as NotificationDelivery)}
                        data={labels.options(NOTIFICATION_DELIVERIES)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <ApiErrorAlert error={error} />
      </Stack>
    </SectionCard>
  );
}
