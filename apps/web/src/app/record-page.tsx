// The state of a page that shows one record (a service, a grant, a course…) until the record is
// there: a spinner while it loads, then either the record or why not — "not found" as the
// page's title (no alert: nothing went wrong), any other failure as the API's error — with a
// link back to the list.
import { Anchor } from '@mantine/core';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from './api-error-alert';
import { readApiError } from './api-errors';

export interface RecordPageProps<Data> {
  /** The query's state (useQuery's result). */
  query: { data?: Data; loading: boolean; error?: unknown };
  /** The page title when the record could not be loaded for another reason. */
  title: string;
  notFoundTitle: string;
  /** Shown under the title when the record is not found. */
  notFoundHelp?: ReactNode;
  back: { to: string; label: string };
  children: (data: Data) => ReactNode;
}

export function RecordPage<Data>({ query: { data, loading, error }, title, notFoundTitle, notFoundHelp = null, back, children }: RecordPageProps<Data>) {
  const { t } = useTranslation();
  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (error || !data) {
    const apiError = readApiError(error);
    const notFound = apiError.code === 'NOT_FOUND';
    return (
      <>
        <PageHeader title={notFound ? notFoundTitle : title} />
        {notFound ? notFoundHelp : <ApiErrorAlert error={apiError} />}
        <Anchor component={Link} to={back.to}>
          {back.label}
        </Anchor>
      </>
    );
  }
  return <>{children(data)}</>;
}
