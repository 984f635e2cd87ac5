// /records/provision — 第三者提供記録 of my organisation: what it provided to or received from
// other organisations, by date range, with the CSV the law asks to be able to produce.
import { useApolloClient } from '@apollo/client/react';
import { isReversedDayRange } from '@tsunagu/domain';
import { Button, Group, Stack, Text } from '@mantine/core';
import { ProvisionRecordsCsvDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { DateRangeFields } from '../../app/date-range-fields';
import { useSession } from '../../app/auth/use-session';
import { LabelledChoice } from '../../app/labelled-choice';
import { ProvisionRecordsTable } from '../people/person-records-panel';
import { saveFile } from '../people/vocabulary';

export function ProvisionRecordsPage() {
  const { t, i18n } = useTranslation();
  const { actor, ability } = useSession();
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const side = params.get('side') === 'RECEIVED' ? 'RECEIVED' : 'PROVIDED';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const filter = { side, from: from || null, to: to || null } as const;
  // A reversed range matches nothing: no records are asked for or downloaded until it is put right.
  const reversed = isReversedDayRange(from, to);
  const update = (change: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const downloadCsv = async () => {
    setError(null);
    setDownloading(true);
    try {
      const result = await client.query({
        query: ProvisionRecordsCsvDocument,
        variables: { filter, language: i18n.language === 'en' ? 'en' : 'ja' },
        fetchPolicy: 'no-cache',
      });
      if (result.data) saveFile(result.data.provisionRecordsCsv);
    } catch (caught) {
      setError(readApiError(caught));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('records.title')}
        description={t('records.description')}
        actions={
          <Button variant="default" loading={downloading} disabled={reversed} onClick={() => void downloadCsv()}>
            {t('records.downloadCsv')}
          </Button>
        }
      />
      <RequireAbility allowed={ability.can('read', { __typename: 'PersonRecords', organizationId: actor?.organizationId ?? '' })}>
        <Stack gap="md">
          <Group gap="md" align="flex-end" wrap="wrap">
            <LabelledChoice
              label={t('records.side')}
              value={side}
              onChange={(value) => update({ side: value === 'RECEIVED' ? 'RECEIVED' : '' })}
              data={[
                { value: 'PROVIDED', label: t('records.provided') },
                { value: 'RECEIVED', label: t('records.received') },
              ]}
            />
            <DateRangeFields
              fromLabel={t('records.from')}
              toLabel={t('records.to')}
              from={from}
              to={to}
              onFromChange={(day) => update({ from: day })}
              onToChange={(day) => update({ to: day })}
              w={180}
            />
          </Group>
          <ApiErrorAlert error={error} />
          <ProvisionRecordsTable filter={filter} skip={reversed} labelledBy="records-table-label" />
          <Text id="records-table-label" fz="sm" c="dimmed">
            {side === 'PROVIDED' ? t('records.provided') : t('records.received')}
          </Text>
        </Stack>
      </RequireAbility>
    </>
  );
}
