// Pieces shared by the grant pages: the sub-navigation, the window and status badges, a result
// card, the bookmark toggle, and the detail view used both by the grant page and by the editor's
// preview.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Stack, Text, Typography } from '@mantine/core';
import type { GrantDetailFragment, GrantSummaryFragment } from '@tsunagu/graphql-client';
import { BookmarkGrantDocument, UnbookmarkGrantDocument } from '@tsunagu/graphql-client';
import { DescriptionList, type DescriptionItem } from '@tsunagu/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { CodeBadge } from '../../app/code-badge';
import { AttachedFiles } from '../../app/attached-files';
import { organizationKindLabel } from '../../app/labels';
import { usePlaceName } from '../../app/place-names';
import { ResultCard } from '../../app/result-card';
import { RouteTabs } from '../../app/route-tabs';
import { SectionCard } from '../../app/section-card';
import { amountRange, formatDay, useGrantLabels, windowState } from './vocabulary';
import { formatDateTime } from '../../app/japan-time-format';

/** The tabs across the grant pages; the editor's own tab only for publishers. */
export function GrantsTabs() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const publisher = ability.can('create', 'Grant');
  const recorder = ability.can('read', 'GrantApplication');
  const tabs = [
    { path: '/grants', label: t('grants.tabs.search') },
    { path: '/grants/bookmarks', label: t('grants.tabs.bookmarks') },
    { path: '/grants/saved', label: t('grants.tabs.saved') },
    ...(recorder || ability.can('read', 'GrantApplicationTotals') ? [{ path: '/grants/applications', label: t('grants.tabs.applications') }] : []),
    ...(publisher ? [{ path: '/grants/mine', label: t('grants.tabs.mine') }] : []),
  ];
  return <RouteTabs tabs={tabs} label={t('grants.tabs.label')} />;
}

/** 締切まで◯日 / 募集終了 / 受付開始前. */
export function WindowBadge({ grant }: { grant: { status: string; windowOpensAt?: string | null; windowClosesAt?: string | null } }) {
  const { t, i18n } = useTranslation();
  const state = windowState(grant);
  if (state.kind === 'closed') {
    return (
      <Badge color="gray" variant="light" tt="none" radius="sm">
        {t('grants.window.closed')}
      </Badge>
    );
  }
  if (state.kind === 'notYetOpen') {
    return (
      <Badge color="blue" variant="light" tt="none" radius="sm">
        {t('grants.window.opensOn', { date: formatDateTime(state.opensAt, i18n.language) })}
      </Badge>
    );
  }
  if (state.daysLeft === null) {
    return (
      <Badge color="teal" variant="light" tt="none" radius="sm">
        {t('grants.window.noDeadline')}
      </Badge>
    );
  }
  return (
    <Badge color={state.daysLeft <= 7 ? 'orange' : 'teal'} variant="light" tt="none" radius="sm">
      {t('grants.window.daysLeft', { count: state.daysLeft })}
    </Badge>
  );
}

const statusColors: Record<string, string> = { PUBLISHED: 'green', DRAFT: 'yellow' };

export function StatusBadge({ status }: { status: string }) {
  const labels = useGrantLabels();
  return <CodeBadge code={status} label={labels.status(status)} colors={statusColors} variant="outline" />;
}

/** Marks a public listing of another network (its publisher is outside my network). */
export function PublicBadge({ grant }: { grant: { inMyNetwork: boolean; visibility: string } }) {
  const { t } = useTranslation();
  if (grant.inMyNetwork) {
    return grant.visibility === 'PUBLIC' ? (
      <Badge color="indigo" variant="outline" tt="none" radius="sm">
        {t('grants.badges.publicOwn')}
      </Badge>
    ) : null;
  }
  return (
    <Badge color="indigo" variant="light" tt="none" radius="sm">
      {t('grants.badges.public')}
    </Badge>
  );
}

export function ThemeBadges({ themes }: { themes: readonly string[] }) {
  const labels = useGrantLabels();
  if (!themes.length) return null;
  return (
    <Group gap={4}>
      {themes.map((theme) => (
        <Badge key={theme} variant="dot" color="gray" tt="none" radius="sm">
          {labels.theme(theme)}
        </Badge>
      ))}
    </Group>
  );
}

/** Bookmark on/off; lists of bookmarks are asked again afterwards. */
export function BookmarkButton({ grant, size = 'sm' }: { grant: { id: string; title: string; myBookmark: boolean }; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [bookmark, adding] = useMutation(BookmarkGrantDocument);
  const [unbookmark, removing] = useMutation(UnbookmarkGrantDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const toggle = async () => {
    setError(null);
    try {
      if (grant.myBookmark) await unbookmark({ variables: { grantId: grant.id } });
      else await bookmark({ variables: { grantId: grant.id } });
      client.cache.evict({ fieldName: 'myBookmarks' });
      client.cache.gc();
    } catch (caught) {
      setError(readApiError(caught));
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      <Button
        size={size}
        variant={grant.myBookmark ? 'filled' : 'default'}
        aria-pressed={grant.myBookmark}
        aria-label={grant.myBookmark ? t('grants.bookmark.removeNamed', { title: grant.title }) : t('grants.bookmark.addNamed', { title: grant.title })}
        loading={adding.loading || removing.loading}
        onClick={() => void toggle()}
      >
        {grant.myBookmark ? t('grants.bookmark.bookmarked') : t('grants.bookmark.add')}
      </Button>
      <ApiErrorAlert error={error} />
    </Stack>
  );
}

/** One listing in a result list. */
export function GrantCard({ grant, showStatus = false, action }: { grant: GrantSummaryFragment; showStatus?: boolean; action?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const labels = useGrantLabels();
  return (
    <ResultCard
      headingId={`grant-${grant.id}`}
      title={grant.title}
      to={`/grants/${grant.id}`}
      subtitle={t('grants.funderLine', { funder: grant.funderName, kind: labels.funderKind(grant.funderKind) })}
      aside={action ?? <BookmarkButton grant={grant} size="xs" />}
      testId="grant-card"
    >
      <Group gap={6} wrap="wrap">
        <Badge variant="light" tt="none" radius="sm">
          {labels.grantType(grant.grantType)}
        </Badge>
        <WindowBadge grant={grant} />
        <PublicBadge grant={grant} />
        {showStatus ? <StatusBadge status={grant.status} /> : null}
      </Group>
      <Group gap="lg" wrap="wrap">
        <Text fz="sm">{t('grants.amountLine', { amount: amountRange(t, i18n.language, grant) })}</Text>
        {grant.windowClosesAt ? (
          <Text fz="sm">{t('grants.deadlineLine', { date: formatDateTime(grant.windowClosesAt, i18n.language) })}</Text>
        ) : null}
      </Group>
      <ThemeBadges themes={grant.themes} />
    </ResultCard>
  );
}

/** Downloads one attachment (with the bearer token) and shows why it failed. */
/** What the detail view shows: a saved listing, or the editor's values for its preview. */
export type GrantViewModel = Omit<
  GrantDetailFragment,
  '__typename' | 'applicationCounts' | 'myApplication' | 'createdAt' | 'updatedAt' | 'source' | 'sourceId' | 'closedAt' | 'publishedAt' | 'publisher' | 'mine' | 'myBookmark'
> & { publisher: { name: string } };

/**
 * Everything about a listing. `details` is the rendered details: the page passes the API's
 * sanitised HTML, the preview a React tree built from the editor's text.
 */
export function GrantDetailView({ grant, details }: { grant: GrantViewModel; details: ReactNode }) {
  const { t, i18n } = useTranslation();
  const placeName = usePlaceName();
  const labels = useGrantLabels();
  const none = t('grants.notSet');
  const separator = t('grants.listSeparator');
  /** "from – to" with either end left open; "not set" when both are. */
  const range = (from: string | null | undefined, to: string | null | undefined, format: (value: string, language: string) => string) =>
    from || to ? t('grants.windowRange', { opens: from ? format(from, i18n.language) : '', closes: to ? format(to, i18n.language) : '' }) : none;
  const window = range(grant.windowOpensAt, grant.windowClosesAt, formatDateTime);
  const project = range(grant.projectStartsOn, grant.projectEndsOn, formatDay);
  const items: DescriptionItem[] = [
    { term: t('grants.fields.funder'), description: t('grants.funderLine', { funder: grant.funderName, kind: labels.funderKind(grant.funderKind) }) },
    { term: t('grants.fields.grantType'), description: labels.grantType(grant.grantType) },
    { term: t('grants.fields.amount'), description: amountRange(t, i18n.language, grant) },
    {
      term: t('grants.fields.subsidyRate'),
      description: grant.subsidyRatePercent != null ? t('grants.percent', { value: grant.subsidyRatePercent }) : none,
    },
    { term: t('grants.fields.window'), description: window },
    { term: t('grants.fields.project'), description: project },
    {
      term: t('grants.fields.eligibleKinds'),
      description: grant.eligibleKinds.length ? grant.eligibleKinds.map((kind) => organizationKindLabel(t, kind)).join(separator) : t('grants.any'),
    },
    {
      term: t('grants.fields.legalForms'),
      description: grant.legalForms.length ? grant.legalForms.map(labels.legalForm).join(separator) : t('grants.any'),
    },
    {
      term: t('grants.fields.regions'),
      description: grant.nationwide ? t('grants.nationwide') : grant.regionCodes.map(placeName).join(separator) || none,
    },
    { term: t('grants.fields.themes'), description: grant.themes.length ? <ThemeBadges themes={grant.themes} /> : none },
    {
      term: t('grants.fields.applicationUrl'),
      description: grant.applicationUrl ? (
        <Anchor href={grant.applicationUrl} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
          {grant.applicationUrl}
        </Anchor>
      ) : (
        none
      ),
    },
    { term: t('grants.fields.contact'), description: grant.contact ? <span style={{ whiteSpace: 'pre-wrap' }}>{grant.contact}</span> : none },
    { term: t('grants.fields.publisher'), description: grant.publisher.name },
    { term: t('grants.fields.visibility'), description: labels.visibility(grant.visibility) },
  ];
  return (
    <Stack gap="lg">
      <Group gap={6} wrap="wrap">
        <StatusBadge status={grant.status} />
        <Badge variant="light" tt="none" radius="sm">
          {labels.grantType(grant.grantType)}
        </Badge>
        <WindowBadge grant={grant} />
        <PublicBadge grant={grant} />
      </Group>
      {grant.summary ? <Text style={{ whiteSpace: 'pre-wrap' }}>{grant.summary}</Text> : null}
      <SectionCard id="grant-about" title={t('grants.sections.about')}>
        <DescriptionList items={items} label={t('grants.sections.about')} />
      </SectionCard>
      <SectionCard id="grant-details" title={t('grants.sections.details')}>
        <Typography>{details}</Typography>
      </SectionCard>
      <SectionCard id="grant-attachments" title={t('grants.sections.attachments')}>
        <AttachedFiles files={grant.attachments} words="grants.attachments" label={t('grants.sections.attachments')} />
      </SectionCard>
    </Stack>
  );
}

/**
 * The details HTML of a saved listing. Safe to inject: the API sanitises detailsHtml on every
 * write to an allowlist (p, br, strong, em, ul, ol, li, h3, h4, and a with http/https/mailto
 * links only — no scripts, styles, event handlers or other attributes), so this field, and only
 * this field, is rendered as HTML.
 */
export function SanitisedDetails({ html }: { html: string }) {
  const { t } = useTranslation();
  if (!html.trim()) return <Text c="dimmed">{t('grants.noDetails')}</Text>;
  return <div className="grant-details" dangerouslySetInnerHTML={{ __html: html }} />;
}
