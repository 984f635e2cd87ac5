// Network reports (実態把握・施策の点検・評価): referral, grant, training and partnership figures
// of one fixed period — a Japan month or a fiscal year (by default the current one; counts about
// people are published for fixed periods only, see libs/domain reports.ts) — for the whole network or one
// organisation, with charts and their tables, the CSV of the same figures, and the annual
// evaluation (CSV and PDF) of a chosen fiscal year. Network admins and liaisons read the network
// and may pick an organisation; organisation admins always read their own (the API enforces it).
// The filters live in the URL, so a report can be shared or bookmarked.
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { NetworkReportQuery } from '@tsunagu/graphql-client';
import { AnnualEvaluationCsvDocument, NetworkReportCsvDocument, NetworkReportDocument } from '@tsunagu/graphql-client';
import { LoadingState } from '@tsunagu/ui';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { FigureCard } from '../../app/figure-card';
import { AbilityPage } from '../../app/ability-page';
import { useSession } from '../../app/auth/use-session';
import { downloadApiPath, downloadErrorMessage, saveText } from '../../app/files';
import { formatInstantLongDate } from '../../app/japan-time-format';
import { CountBarChart, SuppressedSwatch } from './count-bar-chart';
import {
  annualEvaluationFileName,
  annualEvaluationPdfPath,
  chartRowsOf,
  fiscalYearChoices,
  fiscalYearLabel,
  formatYen,
  monthLabel,
  periodChoices,
  readReportFilters,
  reportCsvFileName,
  reportInputOf,
  writeReportFilters,
  type ChartRow,
  type ReportCountValue,
  type ReportFilters,
} from './reports-logic';

/** The API puts the BOM first, so Excel reads the UTF-8. */
const csvMediaType = 'text/csv;charset=utf-8';

type Report = NetworkReportQuery['networkReport'];
type Download = 'csv' | 'annualCsv' | 'annualPdf';

export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const { ability, me } = useSession();
  const readsNetwork = ability.can('read', 'NetworkReport');
  const allowed = readsNetwork || ability.can('read', 'OrganizationReport');
  const client = useApolloClient();
  // "Now" for the defaults is fixed while the page is open, so the current fiscal year does not
  // move under a report being read across midnight of March 31.
  const [now] = useState(() => new Date());
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const read = readReportFilters(params, now);
    // Organisation admins read their own organisation: the API fixes it, the page shows it.
    return readsNetwork ? read : { ...read, organizationId: null };
  }, [params, now, readsNetwork]);
  const input = useMemo(() => reportInputOf(filters), [filters]);

  const { data, previousData, loading, error } = useQuery(NetworkReportDocument, {
    variables: { input },
    skip: !allowed || !input,
    fetchPolicy: 'cache-and-network',
  });
  // A network reader reads the network or their own organisation, never another one alone: the
  // API refuses it, since two scopes protected apart could be subtracted (issue 14).
  const own = me?.activeMembership.organization;
  const readsOwn = !!own && ability.can('read', { __typename: 'OrganizationReport', organizationId: own.id });
  const fiscalYears = useMemo(() => fiscalYearChoices(now), [now]);
  const [fiscalYear, setFiscalYear] = useState<number>(fiscalYears[0]);
  const [downloading, setDownloading] = useState<Download | null>(null);
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const [downloadMessage, setDownloadMessage] = useState<string | null>(null);

  const apply = (next: ReportFilters) => setParams(writeReportFilters(next, now), { replace: true });
  const periods = useMemo(
    () =>
      periodChoices(now).map(({ fiscalYear: year, periods: choices }) => ({
        group: fiscalYearLabel(year, i18n.language),
        items: choices.map((period) => ({
          value: period,
          label: period.startsWith('FY') ? t('reports.wholeFiscalYear', { year: fiscalYearLabel(year, i18n.language) }) : monthLabel(period, i18n.language),
        })),
      })),
    [now, i18n.language, t],
  );

  const download = async (kind: Download) => {
    setDownloadError(null);
    setDownloadMessage(null);
    setDownloading(kind);
    try {
      if (kind === 'csv') {
        if (!input) return;
        const result = await client.query({ query: NetworkReportCsvDocument, variables: { input }, fetchPolicy: 'network-only' });
        if (result.data) saveText(result.data.networkReportCsv, reportCsvFileName(filters), csvMediaType);
      } else if (kind === 'annualCsv') {
        const result = await client.query({
          query: AnnualEvaluationCsvDocument,
          variables: { fiscalYear, organizationId: filters.organizationId },
          fetchPolicy: 'network-only',
        });
        if (result.data) saveText(result.data.annualEvaluationCsv, annualEvaluationFileName(fiscalYear, 'csv'), csvMediaType);
      } else {
        await downloadApiPath(annualEvaluationPdfPath(fiscalYear, filters.organizationId), annualEvaluationFileName(fiscalYear, 'pdf'));
      }
    } catch (caught) {
      const apiError = readApiError(caught);
      if (apiError.code) setDownloadError(apiError);
      else setDownloadMessage(downloadErrorMessage(caught, t('reports.downloads.failed')));
    } finally {
      setDownloading(null);
    }
  };

  const report = (data ?? previousData)?.networkReport;
  const ownName = own?.name;

  return (
    <AbilityPage
      allowed={allowed}
      title={t('reports.title')}
      description={t('reports.description')}
      actions={
        <Button variant="default" loading={downloading === 'csv'} disabled={!input} onClick={() => void download('csv')}>
          {t('reports.downloads.csv')}
        </Button>
      }
    >
      <Stack gap="lg">
        <Card withBorder padding="md" component="section" aria-label={t('reports.filters')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('reports.periodPicker')}
              data={periods}
              value={filters.period}
              onChange={(value) => value && apply({ ...filters, period: value })}
              allowDeselect={false}
              maxDropdownHeight={360}
            />
            {readsNetwork ? (
              <Select
                label={t('reports.organization')}
                placeholder={t('reports.allOrganizations')}
                description={t('reports.scopeNote')}
                data={readsOwn && own ? [{ value: own.id, label: own.name }] : []}
                value={filters.organizationId === own?.id ? filters.organizationId : null}
                onChange={(value) => apply({ ...filters, organizationId: value })}
                clearable
              />
            ) : (
              <Text mt="lg">{ownName ? t('reports.ownOrganization', { name: ownName }) : t('reports.ownOrganizationFallback')}</Text>
            )}
          </SimpleGrid>
          <Text fz="sm" c="dimmed" mt="xs">
            {t('reports.fiscalYearHint')}
          </Text>
        </Card>
        <Alert variant="light" color="gray" title={t('reports.suppressionTitle')}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <SuppressedSwatch />
            <Text fz="sm">{t('reports.suppressionNote')}</Text>
          </Group>
        </Alert>
        <ApiErrorAlert error={downloadError} />
        {downloadMessage ? (
          <Alert color="red" variant="light" role="alert">
            {downloadMessage}
          </Alert>
        ) : null}
        {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
        {loading && !report ? <LoadingState label={t('common.loading')} /> : null}
        {report ? <ReportFigures report={report} /> : null}
        <AnnualEvaluationCard
          fiscalYears={fiscalYears}
          fiscalYear={fiscalYear}
          onFiscalYear={setFiscalYear}
          downloading={downloading}
          onDownload={(kind) => void download(kind)}
        />
      </Stack>
    </AbilityPage>
  );
}

/** The report's figures are compact: several stand in one row. */
function Figure(props: { label: string; value: ReactNode }) {
  return <FigureCard padding="sm" {...props} />;
}

/** A breakdown as horizontal bars, one per item (a status, a category) or per organisation. */
function BreakdownChart({ title, rows, perOrganization = false }: { title: string; rows: readonly ChartRow[]; perOrganization?: boolean }) {
  const { t } = useTranslation();
  return (
    <CountBarChart
      title={title}
      rows={rows}
      orientation="horizontal"
      itemHeader={perOrganization ? t('reports.columns.organization') : t('reports.columns.item')}
    />
  );
}

function ReportSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h3" id={id} mb="md">
        {title}
      </Title>
      <Stack gap="lg">{children}</Stack>
    </Card>
  );
}

function ReportFigures({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // A hidden count reads as the hidden mark (秘匿), whether it is a 1–4 or a complementary cell.
  const count = (value: ReportCountValue) => (value.suppressed ? t('reports.suppressedMark') : value.display);
  const optional = (value: number | null | undefined, key: 'reports.hours' | 'reports.percent') =>
    value == null ? t('reports.notAvailable') : key === 'reports.hours' ? t(key, { count: value }) : t(key, { value });
  const lastDay = new Date(new Date(report.to).getTime() - 1).toISOString();
  const { referrals, grants, training, partnerships } = report;
  const months = chartRowsOf(referrals.byMonth.map((entry) => ({ key: entry.month, label: monthLabel(entry.month, language), count: entry.count })));
  const organizationRows = (entries: Report['referrals']['bySender']) =>
    chartRowsOf(entries.map((entry) => ({ key: entry.organizationId, label: entry.organizationName, count: entry.count })));

  return (
    <Stack gap="lg">
      <Text fw={500}>{t('reports.period', { from: formatInstantLongDate(report.from, language), to: formatInstantLongDate(lastDay, language) })}</Text>
      <ReportSection id="report-referrals" title={t('reports.referrals.title')}>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          <Figure label={t('reports.referrals.total')} value={count(referrals.total)} />
          <Figure label={t('reports.referrals.medianHours')} value={optional(referrals.medianHoursToAcceptance, 'reports.hours')} />
          <Figure label={t('reports.referrals.p90Hours')} value={optional(referrals.p90HoursToAcceptance, 'reports.hours')} />
          <Figure label={t('reports.referrals.completionRate')} value={optional(referrals.completionRatePercent, 'reports.percent')} />
          <Figure label={t('reports.referrals.unresolvedRate')} value={optional(referrals.unresolvedRatePercent, 'reports.percent')} />
          <Figure label={t('reports.referrals.overdue')} value={count(referrals.overdue)} />
        </SimpleGrid>
        <Text fz="sm" c="dimmed">
          {t('reports.referrals.ratesNote')} {t('reports.notAvailableHint')}
        </Text>
        <CountBarChart
          title={t('reports.referrals.byMonth')}
          rows={months}
          orientation="columns"
          itemHeader={t('reports.columns.month')}
          tickOf={(row) => (language.startsWith('ja') ? `${Number(row.key.slice(5))}月` : monthLabel(row.key, language).slice(0, 3))}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <BreakdownChart title={t('reports.referrals.byStatus')} rows={chartRowsOf(referrals.byStatus)} />
          <BreakdownChart title={t('reports.referrals.byCategory')} rows={chartRowsOf(referrals.byCategory)} />
          <BreakdownChart title={t('reports.referrals.bySender')} rows={organizationRows(referrals.bySender)} perOrganization />
          <BreakdownChart title={t('reports.referrals.byReceiver')} rows={organizationRows(referrals.byReceiver)} perOrganization />
        </SimpleGrid>
      </ReportSection>
      <ReportSection id="report-grants" title={t('reports.grants.title')}>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t('reports.grants.published')} value={count(grants.published)} />
          <Figure label={t('reports.grants.applications')} value={count(grants.applications)} />
          <Figure label={t('reports.grants.awarded')} value={count(grants.awarded)} />
          <Figure label={t('reports.grants.awardedAmount')} value={formatYen(grants.awardedAmountYen, language)} />
        </SimpleGrid>
        <BreakdownChart title={t('reports.grants.applicationsByStatus')} rows={chartRowsOf(grants.applicationsByStatus)} />
      </ReportSection>
      <ReportSection id="report-training" title={t('reports.training.title')}>
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          <Figure label={t('reports.training.enrolments')} value={count(training.enrolments)} />
          <Figure label={t('reports.training.completions')} value={count(training.completions)} />
          <Figure label={t('reports.training.completionRate')} value={optional(training.completionRatePercent, 'reports.percent')} />
        </SimpleGrid>
        <BreakdownChart
          title={t('reports.training.chart')}
          rows={chartRowsOf([
            { key: 'ENROLMENTS', label: t('reports.training.enrolments'), count: training.enrolments },
            { key: 'COMPLETIONS', label: t('reports.training.completions'), count: training.completions },
          ])}
        />
      </ReportSection>
      <ReportSection id="report-partnerships" title={t('reports.partnerships.title')}>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t('reports.partnerships.total')} value={count(partnerships.total)} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <BreakdownChart title={t('reports.partnerships.byType')} rows={chartRowsOf(partnerships.byType)} />
          <BreakdownChart title={t('reports.partnerships.byStatus')} rows={chartRowsOf(partnerships.byStatus)} />
        </SimpleGrid>
      </ReportSection>
    </Stack>
  );
}

function AnnualEvaluationCard({
  fiscalYears,
  fiscalYear,
  onFiscalYear,
  downloading,
  onDownload,
}: {
  fiscalYears: readonly number[];
  fiscalYear: number;
  onFiscalYear: (fiscalYear: number) => void;
  downloading: Download | null;
  onDownload: (kind: 'annualCsv' | 'annualPdf') => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="report-annual">
      <Title order={2} fz="h3" id="report-annual" mb="xs">
        {t('reports.annual.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        {t('reports.annual.description')}
      </Text>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('reports.annual.fiscalYear')}
          data={fiscalYears.map((year) => ({ value: String(year), label: fiscalYearLabel(year, i18n.language) }))}
          value={String(fiscalYear)}
          onChange={(value) => value && onFiscalYear(Number(value))}
          allowDeselect={false}
          w={{ base: '100%', sm: 280 }}
        />
        <Button variant="default" loading={downloading === 'annualCsv'} onClick={() => onDownload('annualCsv')}>
          {t('reports.annual.csv')}
        </Button>
        <Button variant="default" loading={downloading === 'annualPdf'} onClick={() => onDownload('annualPdf')}>
          {t('reports.annual.pdf')}
        </Button>
      </Group>
    </Card>
  );
}
