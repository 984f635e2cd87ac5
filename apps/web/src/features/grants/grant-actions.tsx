// The publisher's life-cycle actions on a listing: publish (DRAFT), close (PUBLISHED), reopen
// (CLOSED, while the window has not ended) and archive; each asks for confirmation. Cached
// searches and lists are asked again afterwards (a listing may enter or leave them).
import { GRANT_TRANSITIONS } from '@tsunagu/domain';
import { ArchiveGrantDocument, CloseGrantDocument, PublishGrantDocument, ReopenGrantDocument } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { useForgetQueries } from '../../app/cache';
import { actionsFrom, LifecycleActions } from '../../app/lifecycle-actions';

type Action = keyof typeof GRANT_TRANSITIONS;
const actionOrder: readonly Action[] = ['PUBLISH', 'REOPEN', 'CLOSE', 'ARCHIVE'];
const grantListFields = ['searchGrants', 'myGrants', 'myBookmarks', 'myApplications'];
const mutations = { PUBLISH: PublishGrantDocument, CLOSE: CloseGrantDocument, REOPEN: ReopenGrantDocument, ARCHIVE: ArchiveGrantDocument };

/** Forget every cached grant list: they are asked again when next shown. */
export function useForgetGrantLists() {
  return useForgetQueries(grantListFields);
}

export function GrantActions({
  grant,
  disabled,
  onMoved,
}: {
  grant: { id: string; title: string; status: string };
  disabled?: boolean;
  /** After a move succeeded (e.g. the editor clears its "saved" notice: it no longer describes the page). */
  onMoved?: () => void;
}) {
  const { t } = useTranslation();
  const forget = useForgetGrantLists();
  const done = () => {
    forget();
    onMoved?.();
  };

  return (
    <LifecycleActions
      actions={actionsFrom(GRANT_TRANSITIONS, actionOrder, grant.status)}
      label={t('grants.actions.label')}
      buttonLabel={(action) => t(`grants.actions.${action}`)}
      confirmBody={(action) => t(`grants.actions.confirm.${action}`, { title: grant.title })}
      dangerous={['ARCHIVE', 'CLOSE']}
      mutations={mutations}
      recordId={grant.id}
      onDone={done}
      disabled={disabled}
    />
  );
}
