// A download button's state: which download is under way (for its spinner) and why the last one
// failed (the API's own message, else a generic one), shown under the buttons by FailureText.
// Downloads a page builds from a query's answer (useQueryDownloads) keep the API's refusal whole,
// for ApiErrorAlert.
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError, type ApiError } from './api-errors';
import { downloadApiPath, downloadErrorMessage } from './files';

export function useDownload() {
  const { t } = useTranslation();
  /** The API path being downloaded, or null. */
  const [downloading, setDownloading] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const download = async (path: string, fileName: string) => {
    setFailure(null);
    setDownloading(path);
    try {
      await downloadApiPath(path, fileName);
    } catch (caught) {
      setFailure(downloadErrorMessage(caught, t('errors.generic')));
    } finally {
      setDownloading(null);
    }
  };
  return { downloading, failure, setFailure, download };
}

/** Downloads a page fetches and saves itself (a report CSV, a disclosure file): which kind is under way, and why the last one was refused. */
export function useQueryDownloads<Kind extends string>() {
  const [downloading, setDownloading] = useState<Kind | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (kind: Kind, fetchAndSave: () => Promise<void>) => {
    setError(null);
    setDownloading(kind);
    try {
      await fetchAndSave();
    } catch (caught) {
      setError(readApiError(caught));
    } finally {
      setDownloading(null);
    }
  };
  return { downloading, error, run };
}

/** Why an action failed, announced to screen readers. */
export function FailureText({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Text role="alert" c="red" fz="sm">
      {message}
    </Text>
  );
}
