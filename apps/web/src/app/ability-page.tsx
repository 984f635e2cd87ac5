// A page only some people may see (a list of one's own records, a report, a "new" form): the
// ability gate first, so a forbidden page says why instead of showing empty parts, then the
// page's header with its actions, then its content.
import { PageHeader } from '@tsunagu/ui';
import type { ReactNode } from 'react';
import { RequireAbility } from './auth/require-auth';

export function AbilityPage({
  allowed,
  title,
  description,
  actions,
  children,
}: {
  allowed: boolean;
  title: string;
  description?: string;
  /** Buttons beside the title (e.g. "new", "download"). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <RequireAbility allowed={allowed}>
      <PageHeader title={title} description={description} actions={actions} />
      {children}
    </RequireAbility>
  );
}
