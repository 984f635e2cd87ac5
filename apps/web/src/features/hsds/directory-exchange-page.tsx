// Data exchange (HSDS): network admins export the network's directory as an Open Referral HSDS
// JSON file and import one. The file is checked in the browser first (size, a preview of what it
// declares); the API then checks every record and writes either everything or nothing, so a
// failed import shows every problem with its place in the file, in a table that can be sorted
// and copied to whoever prepares the file.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, CopyButton, FileInput, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { ImportDirectoryHsdsDocument, type ImportDirectoryHsdsMutation } from '@tsunagu/graphql-client';
import { ConfirmDialog } from '@tsunagu/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { AbilityPage } from '../../app/ability-page';
import { useSession } from '../../app/auth/use-session';
import { formatFileSize } from '../../app/files';
import { SectionCard } from '../../app/section-card';
import { ExportHsdsButton } from './export-hsds-button';
import {
  comparePaths,
  isTooLargeForServer,
  MAX_HSDS_FILE_BYTES,
  reportText,
  summarizeHsds,
  type HsdsFileSummary,
  type ReportedProblem,
} from './hsds-file';

type ImportResult = ImportDirectoryHsdsMutation['importDirectoryHsds'];

export function DirectoryExchangePage() {
  const { t } = useTranslation();
  const { me, ability } = useSession();
  const network = me?.activeMembership.network;
  const allowed = !!network && ability.can('update', { __typename: 'Network', id: network.id });
  return (
    <AbilityPage allowed={allowed} title={t('hsds.title')} description={t('hsds.description')}>
      <DirectoryExchange />
    </AbilityPage>
  );
}

function DirectoryExchange() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <SectionCard id="hsds-about-heading" title={t('hsds.aboutHeading')}>
        <Text maw={720}>{t('hsds.about')}</Text>
      </SectionCard>
      <SectionCard id="hsds-export-heading" title={t('hsds.exportHeading')}>
        <Text mb="md" maw={720}>
          {t('hsds.exportHelp')}
        </Text>
        <ExportHsdsButton>{t('hsds.export')}</ExportHsdsButton>
      </SectionCard>
      <SectionCard id="hsds-partners-heading" title={t('hsds.partnersHeading')}>
        <Text mb="md" maw={720}>
          {t('hsds.partnersHelp')}
        </Text>
        <ExportHsdsButton variant="default" forPartners>
          {t('hsds.exportPartners')}
        </ExportHsdsButton>
      </SectionCard>
      <ImportSection />
    </Stack>
  );
}

interface ChosenFile {
  readonly file: File;
  readonly text: string;
  readonly summary: HsdsFileSummary;
}

function ImportSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const client = useApolloClient();
  const [importDirectory, importing] = useMutation(ImportDirectoryHsdsDocument);

  const choose = async (next: File | null) => {
    setFile(next);
    setChosen(null);
    setFileError(null);
    setResult(null);
    setError(null);
    if (!next) return;
    if (next.size > MAX_HSDS_FILE_BYTES) {
      setFileError(t('hsds.tooLarge', { size: formatFileSize(next.size) }));
      return;
    }
    try {
      const text = await next.text();
      setChosen({ file: next, text, summary: summarizeHsds(text) });
    } catch {
      setFileError(t('hsds.unreadable'));
    }
  };

  const runImport = async () => {
    if (!chosen) return;
    setError(null);
    setResult(null);
    try {
      const response = await importDirectory({ variables: { document: chosen.text } });
      const outcome = response.data?.importDirectoryHsds;
      if (outcome) setResult(outcome);
      if (outcome?.ok) {
        // The directory and organisations changed: lists read next time come fresh from the API.
        for (const fieldName of ['searchDirectory', 'service', 'organizations', 'organization', 'auditLog', 'portalDirectory']) {
          client.cache.evict({ id: 'ROOT_QUERY', fieldName });
        }
        client.cache.gc();
      }
      setConfirming(false);
    } catch (caught) {
      setConfirming(false);
      setError(
        isTooLargeForServer(caught)
          ? { code: 'BAD_USER_INPUT', message: t('hsds.tooLargeForServer'), fields: {} }
          : readApiError(caught),
      );
    }
  };

  return (
    <SectionCard id="hsds-import-heading" title={t('hsds.importHeading')}>
      <Stack gap="md">
        <Text maw={720}>{t('hsds.importHelp')}</Text>
        <FileInput
          label={t('hsds.file')}
          description={t('hsds.fileHelp')}
          placeholder={t('hsds.choose')}
          accept=".json,application/json"
          value={file}
          onChange={(next) => void choose(next)}
          error={fileError}
          clearable
          maw={480}
        />
        {chosen ? (
          <Text role="status" data-testid="hsds-preview">
            {chosen.summary.readable
              ? t('hsds.preview', {
                  name: chosen.file.name,
                  size: formatFileSize(chosen.file.size),
                  organizations: chosen.summary.organizations,
                  services: chosen.summary.services,
                })
              : t('hsds.previewUnreadable', { name: chosen.file.name, size: formatFileSize(chosen.file.size) })}
          </Text>
        ) : null}
        <Group>
          <Button disabled={!chosen} onClick={() => setConfirming(true)}>
            {t('hsds.import')}
          </Button>
        </Group>
        <ApiErrorAlert error={error} />
        {result ? <ImportOutcome result={result} /> : null}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('hsds.confirmTitle')}
        confirmLabel={t('hsds.confirm')}
        cancelLabel={t('common.cancel')}
        loading={importing.loading}
        onConfirm={() => void runImport()}
        onCancel={() => setConfirming(false)}
      >
        {t('hsds.confirmBody', { name: chosen?.file.name ?? '' })}
      </ConfirmDialog>
    </SectionCard>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert color="teal" variant="light" role="status" title={t('hsds.successTitle')}>
        {t('hsds.success', { created: result.created, updated: result.updated })}
      </Alert>
    );
  }
  return <ErrorReport problems={result.errors} />;
}

type SortOrder = 'none' | 'ascending' | 'descending';
const sortMarks: Record<SortOrder, string> = { none: '↕', ascending: '↑', descending: '↓' };

function ErrorReport({ problems }: { problems: readonly ReportedProblem[] }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<SortOrder>('none');
  const summary = t('hsds.problemCount', { count: problems.length });
  const rows = useMemo(() => {
    if (order === 'none') return problems;
    const sorted = [...problems].sort((a, b) => comparePaths(a.path, b.path));
    return order === 'ascending' ? sorted : sorted.reverse();
  }, [problems, order]);

  return (
    <Stack gap="sm" component="section" aria-labelledby="hsds-report-heading">
      <Alert color="red" variant="light" role="alert" title={t('hsds.failedTitle')}>
        {summary}
      </Alert>
      <Group justify="space-between" align="center">
        <Title order={3} fz="h5" id="hsds-report-heading">
          {t('hsds.reportHeading')}
        </Title>
        <CopyButton value={reportText(summary, rows)}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} size="sm" onClick={copy}>
              {copied ? t('hsds.copied') : t('hsds.copyReport')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder aria-labelledby="hsds-report-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th aria-sort={order} w="40%">
                <UnstyledButton
                  fw={700}
                  onClick={() => setOrder(order === 'ascending' ? 'descending' : 'ascending')}
                  aria-label={t('hsds.sortByPath')}
                >
                  <Group gap={6} wrap="nowrap">
                    {t('hsds.path')}
                    <span aria-hidden="true">{sortMarks[order]}</span>
                  </Group>
                </UnstyledButton>
              </Table.Th>
              <Table.Th>{t('hsds.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((problem, index) => (
              <Table.Tr key={`${problem.path}-${index}`}>
                <Table.Td>
                  <Text component="code" ff="monospace" fz="sm" style={{ wordBreak: 'break-all' }}>
                    {problem.path}
                  </Text>
                </Table.Td>
                <Table.Td>{problem.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
