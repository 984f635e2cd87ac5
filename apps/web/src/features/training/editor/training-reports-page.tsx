// Training reports for trainers (their organisation's courses) and org admins (their own
// members): totals, per organisation and per course, quiz pass rates and overdue assignments,
// filtered by course, organisation and a Japan-time date range; CSV (UTF-8 with BOM, for Excel)
// and xAPI statements (JSON) download with the same filters.
import { endOfJapanDay, isReversedDayRange, japanDayStamp, startOfJapanDay } from '@tsunagu/domain';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ManageTrainingReportQuery, TrainingReportInput } from '@tsunagu/graphql-client';
import {
  EditorMyCoursesDocument,
  ManageTrainingReportCsvDocument,
  ManageTrainingReportDocument,
  ManageTrainingXapiStatementsDocument,
  NetworkOrganizationOptionsDocument,
} from '@tsunagu/graphql-client';
import { DataTable, LoadingState, type DataTableColumn, type DataTableProps } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError } from '../../../app/api-errors';
import { AbilityPage } from '../../../app/ability-page';
import { useSession } from '../../../app/auth/use-session';
import { DateRangeFields } from '../../../app/date-range-fields';
import { FigureCard } from '../../../app/figure-card';
import { saveText } from '../../../app/files';
import { useQueryDownloads } from '../../../app/use-download';
import { formatDateTime } from '../../../app/japan-time-format';

interface Filters {
  courseId: string | null;
  organizationId: string | null;
  fromDay: string;
  toDay: string;
}

function reportInputOf(filters: Filters): TrainingReportInput {
  return {
    courseId: filters.courseId,
    organizationId: filters.organizationId,
    from: startOfJapanDay(filters.fromDay)?.toISOString() ?? null,
    to: endOfJapanDay(filters.toDay)?.toISOString() ?? null,
  };
}

const percent = (value: number | null | undefined) => (value == null ? '—' : `${value}%`);

export function TrainingReportsPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const allowed = ability.can('read', 'TrainingReport');
  const trainer = ability.can('create', 'Course');
  const client = useApolloClient();
  const [filters, setFilters] = useState<Filters>({ courseId: null, organizationId: null, fromDay: '', toDay: '' });
  const input = reportInputOf(filters);
  // A reversed range matches nothing: no report is asked for or downloaded until it is put right.
  const reversed = isReversedDayRange(filters.fromDay, filters.toDay);
  const { data, loading, error } = useQuery(ManageTrainingReportDocument, { variables: { input }, skip: !allowed || reversed, fetchPolicy: 'cache-and-network' });
  const courses = useQuery(EditorMyCoursesDocument, { variables: { first: 200 }, skip: !allowed || !trainer });
  const organizations = useQuery(NetworkOrganizationOptionsDocument, { variables: { first: 200 }, skip: !allowed });
  const { downloading, error: downloadError, run } = useQueryDownloads<'csv' | 'xapi'>();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((previous) => ({ ...previous, [key]: value }));

  const download = (kind: 'csv' | 'xapi') =>
    run(kind, async () => {
      if (kind === 'csv') {
        const result = await client.query({ query: ManageTrainingReportCsvDocument, variables: { input }, fetchPolicy: 'network-only' });
        if (result.data) saveText(result.data.trainingReportCsv, `training-report-${japanDayStamp(new Date())}.csv`, 'text/csv;charset=utf-8');
      } else {
        const result = await client.query({ query: ManageTrainingXapiStatementsDocument, variables: { input }, fetchPolicy: 'network-only' });
        if (result.data) saveText(result.data.trainingXapiStatements, `training-xapi-${japanDayStamp(new Date())}.json`, 'application/json');
      }
    });

  const report = data?.trainingReport;
  return (
    <AbilityPage
      allowed={allowed}
      title={t('trainingEditor.reports.title')}
      description={t('trainingEditor.reports.description')}
      actions={
        <Group gap="xs">
          <Button variant="default" loading={downloading === 'csv'} disabled={reversed} onClick={() => void download('csv')}>
            {t('trainingEditor.reports.downloadCsv')}
          </Button>
          <Button variant="default" loading={downloading === 'xapi'} disabled={reversed} onClick={() => void download('xapi')}>
            {t('trainingEditor.reports.downloadXapi')}
          </Button>
        </Group>
      }
    >
      <Stack gap="lg">
        <ApiErrorAlert error={downloadError} />
        <Card withBorder padding="md" component="section" aria-label={t('trainingEditor.reports.filters')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            {trainer ? (
              <Select
                label={t('trainingEditor.reports.course')}
                placeholder={t('trainingEditor.reports.allCourses')}
                data={(courses.data?.courses.nodes ?? []).map((course) => ({ value: course.id, label: course.title }))}
                value={filters.courseId}
                onChange={(value) => set('courseId', value)}
                searchable
                clearable
              />
            ) : null}
            <Select
              label={t('trainingEditor.reports.organization')}
              placeholder={t('trainingEditor.reports.allOrganizations')}
              data={(organizations.data?.organizations.nodes ?? []).map((organization) => ({ value: organization.id, label: organization.name }))}
              value={filters.organizationId}
              onChange={(value) => set('organizationId', value)}
              searchable
              clearable
            />
            <DateRangeFields
              fromLabel={t('trainingEditor.reports.from')}
              toLabel={t('trainingEditor.reports.to')}
              from={filters.fromDay}
              to={filters.toDay}
              onFromChange={(day) => set('fromDay', day)}
              onToChange={(day) => set('toDay', day)}
            />
          </SimpleGrid>
        </Card>
        {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
        {loading && !report ? <LoadingState label={t('common.loading')} /> : null}
        {report ? <ReportTables report={report} /> : null}
      </Stack>
    </AbilityPage>
  );
}

type Report = ManageTrainingReportQuery['trainingReport'];

function ReportSection<Row>({ id, title, ...table }: { id: string; title: string } & Omit<DataTableProps<Row>, 'minWidth'>) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <Title order={2} fz="h3" id={id} mb="xs">
        {title}
      </Title>
      {table.rows.length === 0 ? <Text c="dimmed">{t('trainingEditor.reports.noRows')}</Text> : <DataTable minWidth={560} {...table} />}
    </section>
  );
}

/** The enrolment figures shown after each breakdown's own naming column. */
function progressColumns<Row extends { enrolments: number; completions: number; overdue: number }>(t: TFunction): DataTableColumn<Row>[] {
  return [
    { key: 'enrolments', header: t('trainingEditor.reports.enrolments'), cell: (row) => row.enrolments, numeric: true },
    { key: 'completions', header: t('trainingEditor.reports.completions'), cell: (row) => row.completions, numeric: true },
    { key: 'overdue', header: t('trainingEditor.reports.overdue'), cell: (row) => row.overdue, numeric: true },
  ];
}

function ReportTables({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xl">
      <section aria-label={t('trainingEditor.reports.totals')}>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <FigureCard label={t('trainingEditor.reports.enrolments')} value={report.totals.enrolments} />
          <FigureCard label={t('trainingEditor.reports.completions')} value={report.totals.completions} />
          <FigureCard label={t('trainingEditor.reports.completionRate')} value={percent(report.totals.completionRatePercent)} />
          <FigureCard label={t('trainingEditor.reports.overdue')} value={report.totals.overdue} />
        </SimpleGrid>
      </section>
      <ReportSection
        id="report-by-organization"
        title={t('trainingEditor.reports.byOrganization')}
        rows={report.byOrganization}
        rowKey={(row) => row.organizationId}
        columns={[
          { key: 'organization', header: t('trainingEditor.reports.organization'), cell: (row) => row.organizationName },
          ...progressColumns(t),
        ]}
      />
      <ReportSection
        id="report-by-course"
        title={t('trainingEditor.reports.byCourse')}
        rows={report.byCourse}
        rowKey={(row) => row.courseId}
        columns={[
          { key: 'course', header: t('trainingEditor.reports.course'), cell: (row) => row.courseTitle },
          ...progressColumns(t),
          { key: 'quizPassRate', header: t('trainingEditor.reports.quizPassRate'), cell: (row) => percent(row.quizPassRatePercent), numeric: true },
        ]}
      />
      <ReportSection
        id="report-quizzes"
        title={t('trainingEditor.reports.quizzes')}
        rows={report.quizzes}
        rowKey={(row) => row.moduleId}
        columns={[
          { key: 'course', header: t('trainingEditor.reports.course'), cell: (row) => row.courseTitle },
          { key: 'module', header: t('trainingEditor.reports.module'), cell: (row) => row.moduleTitle },
          { key: 'attempts', header: t('trainingEditor.reports.attempts'), cell: (row) => row.attempts, numeric: true },
          { key: 'passedAttempts', header: t('trainingEditor.reports.passedAttempts'), cell: (row) => row.passedAttempts, numeric: true },
          { key: 'passRate', header: t('trainingEditor.reports.passRate'), cell: (row) => percent(row.passRatePercent), numeric: true },
        ]}
      />
      <ReportSection
        id="report-overdue"
        title={t('trainingEditor.reports.overdueAssignments')}
        rows={report.overdueAssignments}
        rowKey={(row) => row.enrolmentId}
        columns={[
          { key: 'member', header: t('trainingEditor.reports.member'), cell: (row) => row.memberName },
          { key: 'organization', header: t('trainingEditor.reports.organization'), cell: (row) => row.organizationName },
          { key: 'course', header: t('trainingEditor.reports.course'), cell: (row) => row.courseTitle },
          { key: 'dueAt', header: t('trainingEditor.reports.dueAt'), cell: (row) => formatDateTime(row.dueAt, i18n.language) },
        ]}
      />
    </Stack>
  );
}
