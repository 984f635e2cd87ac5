// Downloads the network's directory as an HSDS JSON file. Any member may export the public file
// (no contact channel kept for partners), named tsunagu-directory-<network slug>-<yyyymmdd>.json
// (the date in Japan time); a network admin may choose the file for partners, which keeps those
// channels and is named …-partners-only-<yyyymmdd>.json.
import { useApolloClient } from '@apollo/client/react';
import { Button, Stack, type ButtonProps } from '@mantine/core';
import { ExportDirectoryHsdsDocument, type HsdsAudience } from '@tsunagu/graphql-client';
import { useState, type ReactNode } from 'react';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { saveText } from '../../app/files';
import { exportFileName } from './hsds-file';

/** Exports the file when asked, with the state a button or a menu item shows. */
export function useHsdsExport(forPartners = false) {
  const client = useApolloClient();
  const { me } = useSession();
  const slug = me?.activeMembership.network.slug ?? 'network';
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const exportNow = async () => {
    setError(null);
    setExporting(true);
    try {
      // Always the current directory, and never kept in the cache (it can be large).
      const audience: HsdsAudience = forPartners ? 'PARTNERS' : 'PUBLIC';
      const result = await client.query({ query: ExportDirectoryHsdsDocument, variables: { audience }, fetchPolicy: 'no-cache' });
      if (result.data) saveText(result.data.exportDirectoryHsds, exportFileName(slug, new Date(), forPartners), 'application/json');
    } catch (caught) {
      setError(readApiError(caught));
    } finally {
      setExporting(false);
    }
  };
  return { exporting, error, exportNow };
}

export function ExportHsdsButton({
  children,
  variant,
  size,
  forPartners = false,
}: {
  children: ReactNode;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  /** The file for partner organisations (network admins only). */
  forPartners?: boolean;
}) {
  const { exporting, error, exportNow } = useHsdsExport(forPartners);
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant={variant} size={size} loading={exporting} onClick={() => void exportNow()}>
        {children}
      </Button>
      <ApiErrorAlert error={error} />
    </Stack>
  );
}
