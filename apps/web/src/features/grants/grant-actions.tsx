// The publisher's life-cycle actions on a listing: publish (DRAFT), close (PUBLISHED), reopen
// (CLOSED, while the window has not ended) and archive; each asks for confirmation. Cached
// searches and lists are asked again afterwards (a listing may enter or leave them).
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Group } from '@mantine/core';
import { GRANT_TRANSITIONS } from '@tsunagu/domain';
import { ArchiveGrantDocument, CloseGrantDocument, PublishGrantDocument, ReopenGrantDocument } from '@tsunagu/graphql-client';
import { ConfirmDialog } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';

type Action = keyof typeof GRANT_TRANSITIONS;
const actionOrder: readonly Action[] = ['PUBLISH', 'REOPEN', 'CLOSE', 'ARCHIVE'];

/** Forget every cached grant list: they are asked again when next shown. */
export function useForgetGrantLists() {
  const client = useApolloClient();
  return () => {
    for (const fieldName of ['searchGrants', 'myGrants', 'myBookmarks', 'myApplications']) client.cache.evict({ fieldName });
    client.cache.gc();
  };
}

export function GrantActions({ grant, disabled }: { grant: { id: string; title: string; status: string }; disabled?: boolean }) {
  const { t } = useTranslation();
  const forget = useForgetGrantLists();
  const [publish, publishing] = useMutation(PublishGrantDocument);
  const [close, closing] = useMutation(CloseGrantDocument);
  const [reopen, reopening] = useMutation(ReopenGrantDocument);
  const [archive, archiving] = useMutation(ArchiveGrantDocument);
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const loading = publishing.loading || closing.loading || reopening.loading || archiving.loading;
  const available = actionOrder.filter((action) => (GRANT_TRANSITIONS[action].from as readonly string[]).includes(grant.status));

  const run = async (action: Action) => {
    setError(null);
    const variables = { id: grant.id };
    try {
      if (action === 'PUBLISH') await publish({ variables });
      else if (action === 'CLOSE') await close({ variables });
      else if (action === 'REOPEN') await reopen({ variables });
      else await archive({ variables });
      forget();
      setConfirming(null);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  if (!available.length) return null;
  return (
    <>
      <Group gap="xs" role="group" aria-label={t('grants.actions.label')}>
        {available.map((action) => (
          <Button
            key={action}
            variant={action === 'PUBLISH' ? 'filled' : action === 'ARCHIVE' ? 'light' : 'default'}
            color={action === 'ARCHIVE' ? 'red' : undefined}
            disabled={disabled}
            onClick={() => {
              setError(null);
              setConfirming(action);
            }}
          >
            {t(`grants.actions.${action}`)}
          </Button>
        ))}
      </Group>
      <ConfirmDialog
        opened={confirming !== null}
        title={confirming ? t(`grants.actions.${confirming}`) : ''}
        confirmLabel={confirming ? t(`grants.actions.${confirming}`) : ''}
        cancelLabel={t('common.cancel')}
        danger={confirming === 'ARCHIVE' || confirming === 'CLOSE'}
        loading={loading}
        error={<ApiErrorAlert error={error} />}
        onConfirm={() => confirming && void run(confirming)}
        onCancel={() => setConfirming(null)}
      >
        {confirming ? t(`grants.actions.confirm.${confirming}`, { title: grant.title }) : null}
      </ConfirmDialog>
    </>
  );
}
