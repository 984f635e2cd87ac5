// Route guards. Signed-out visitors of a protected page go to /login?next=…, and come back
// after signing in. A page the ability forbids says so instead of showing empty tables.
import { Alert } from '@mantine/core';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { SecondFactorGate } from '../../features/account/second-factor-gate';
import { useSession } from './use-session';

export function RequireAuth() {
  const { t } = useTranslation();
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <LoadingState label={t('auth.restoring')} />;
  if (status === 'signedOut') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <SecondFactorGate>
      <Outlet />
    </SecondFactorGate>
  );
}

export function RequireAbility({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  if (allowed) return children;
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <Alert color="yellow" variant="light">
        {t('forbidden.body')}
      </Alert>
    </>
  );
}

/** Where to go after signing in: only a path inside this app, never another site. */
export function safeNextPath(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')) return next;
  return '/';
}
