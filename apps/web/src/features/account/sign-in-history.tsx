// My sign-in history on /account: sign-ins and failures, second steps, password and factor
// changes, devices signed out; newest first, page by page. Times in Japan time.
import { MySecurityEventsDocument } from '@tsunagu/graphql-client';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConnectionTable, useConnectionQuery } from '../../app/connection-list';
import { SectionCard } from '../../app/section-card';
import { securityEventColumns } from '../security-log/security-event-columns';

const pageSize = 20;

export function SignInHistory() {
  const { t, i18n } = useTranslation();
  const { query, connection } = useConnectionQuery(MySecurityEventsDocument, { first: pageSize }, (data) => data.mySecurityEvents);
  return (
    <SectionCard id="sign-in-history-heading" title={t('security.history.heading')} description={t('security.history.description')}>
      <ConnectionTable
        query={query}
        connection={connection}
        minWidth={760}
        labelledBy="sign-in-history-heading"
        cardsOnPhone
        columns={securityEventColumns(t, i18n)}
        emptyLabel={t('security.history.empty')}
      />
      <Text fz="xs" c="dimmed" mt="sm">
        {t('security.history.timeZoneNote')}
      </Text>
    </SectionCard>
  );
}
