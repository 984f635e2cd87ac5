// The state of a page that shows one record (a service, a grant, a course…) until the record is
// there: a spinner while it loads, then either the record or why not — "not found" as the
// page's title (no alert: nothing went wrong), any other failure as the API's error — with a
// link back to the list; and that link itself, which a record's page also shows under its header.
import { Anchor, Text } from '@mantine/core';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from './api-error-alert';
import { readApiError } from './api-errors';

export interface RecordTexts {
  title: ParseKeys;
  notFound: ParseKeys;
  notFoundHelp?: ParseKeys;
  back: ParseKeys;
}

export interface RecordPageProps<Data> {
  /** The query's state (useQuery's result). */
  query: { data?: Data; loading: boolean; error?: unknown };
  /**
   * i18n keys: the page title when the record could not be loaded, the title when it is not
   * found (with an optional line of help under it), and the link back to the list.
   */
  texts: RecordTexts;
  /** Where the link back goes. */
  backTo: string;
  children: (data: Data) => ReactNode;
}

export function RecordPage<Data>({ query: { data, loading, error }, texts, backTo, children }: RecordPageProps<Data>) {
  const { t } = useTranslation();
  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (error || !data) {
    const apiError = readApiError(error);
    const notFound = apiError.code === 'NOT_FOUND';
    const help = texts.notFoundHelp ? <Text mb="md">{t(texts.notFoundHelp)}</Text> : null;
    return (
      <>
        <PageHeader title={t(notFound ? texts.notFound : texts.title)} />
        {notFound ? help : <ApiErrorAlert error={apiError} />}
        <BackLink to={backTo}>{t(texts.back)}</BackLink>
      </>
    );
  }
  return <>{children(data)}</>;
}

/** The link from a record back to its list, the same under a record's header and in place of a missing record. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} fz="sm">
      {children}
    </Anchor>
  );
}
