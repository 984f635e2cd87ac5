// /referrals — my organisation's inbox (referrals to us) and outbox (from us, drafts included):
// counts by status as chips that filter, the overdue ones highlighted, filters and the order
// (newest first, or reply deadline soonest first) kept in the URL (referral-filters.ts), and a
// table with "load more" — urgency first, badges never cut short. On a phone the filters fold
// behind one 絞り込み button (with how many are set) and the rows are cards.
// The inbox updates without a reload by polling (Apollo pollInterval, every 15 s), skipped while
// the browser tab is hidden. The counts always poll; the list polls while only its first page is
// shown — a poll re-reads the first page, so with more pages loaded it would drop them.
import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Chip, Group, MultiSelect, NativeSelect, Select, Stack, Switch, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { REFERRAL_STATUSES, REFERRAL_URGENCIES, SERVICE_CATEGORIES, isReversedDayRange, mayDoCasework, type ReferralStatus, type ReferralUrgency, type ServiceCategory } from '@tsunagu/domain';
import { ReferralCountsDocument, ReferralsDocument, type ReferralRowFragment, type ReferralSort } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { ConnectionTable } from '../../app/connection-list';
import { DateRangeFields } from '../../app/date-range-fields';
import { useUrlFilters } from '../../app/search-page';
import { formatDateTime, formatInstantDate } from '../../app/japan-time-format';
import { ShortCode } from '../../app/short-code';
import { usePhoneLayout } from '../../app/use-phone-layout';
import { OverdueBadge, ReferralStatusBadge, UnreadBadge, UrgencyBadge, referralStatusColor } from './referral-badges';
import {
  activeReferralFilterCount,
  clearedReferralFilters,
  hasReferralFilter,
  referralFilterOf,
  writeReferralFilters,
  readReferralFilters,
  type ReferralListFilters,
} from './referral-filters';
import { visiblePolling } from './use-visible-polling';
import { counterpartName, useReferralLabels } from './vocabulary';

const pageSize = 30;
const pollMs = 15_000;

export function ReferralsPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const { filters, apply, setParams } = useUrlFilters(readReferralFilters, writeReferralFilters);

  return (
    <>
      <PageHeader
        title={t('referrals.title')}
        description={t('referrals.description')}
        actions={
          actor && mayDoCasework(actor.roles) ? (
            <Button component={Link} to="/referrals/new">
              {t('referrals.new')}
            </Button>
          ) : null
        }
      />
      <RequireAbility allowed={!!actor && mayDoCasework(actor.roles)}>
        <Tabs
          value={filters.box}
          onChange={(value) => apply({ box: value === 'OUTBOX' ? 'OUTBOX' : 'INBOX', statuses: [], overdue: false })}
          mb="md"
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="INBOX">{t('referrals.inbox')}</Tabs.Tab>
            <Tabs.Tab value="OUTBOX">{t('referrals.outbox')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <Stack gap="md">
          <StatusCounts filters={filters} onChange={apply} />
          <ListControls filters={filters} onChange={apply} onClear={() => setParams(writeReferralFilters(clearedReferralFilters(filters)))} />
          <ReferralTable filters={filters} />
        </Stack>
      </RequireAbility>
    </>
  );
}

function StatusCounts({ filters, onChange }: { filters: ReferralListFilters; onChange: (next: Partial<ReferralListFilters>) => void }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const { data } = useQuery(ReferralCountsDocument, { variables: { box: filters.box }, ...visiblePolling(pollMs) });
  const counts = data?.referralCounts;
  if (!counts) return null;
  const shown = counts.byStatus.filter((entry) => entry.count > 0);
  const toggle = (status: ReferralStatus) =>
    onChange({ statuses: filters.statuses.includes(status) ? filters.statuses.filter((code) => code !== status) : [...filters.statuses, status] });

  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={t('referrals.countsLabel')} data-testid="referral-counts">
      {shown.map((entry) => (
        <Chip
          key={entry.status}
          checked={filters.statuses.includes(entry.status)}
          onChange={() => toggle(entry.status)}
          color={referralStatusColor(entry.status)}
          variant="light"
          data-status={entry.status}
        >
          {t('referrals.countChip', { label: labels.status(entry.status), count: entry.count })}
        </Chip>
      ))}
      {counts.overdue > 0 ? (
        <Chip checked={filters.overdue} onChange={() => onChange({ overdue: !filters.overdue })} color="red" variant="filled" data-testid="overdue-chip">
          {t('referrals.countChip', { label: t('referrals.overdue'), count: counts.overdue })}
        </Chip>
      ) : null}
      {counts.withUnreadMessages > 0 ? (
        <Text fz="sm" c="blue">
          {t('referrals.withUnread', { count: counts.withUnreadMessages })}
        </Text>
      ) : null}
      {shown.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('referrals.noCounts')}
        </Text>
      ) : null}
    </Group>
  );
}

interface FilterProps {
  filters: ReferralListFilters;
  onChange: (next: Partial<ReferralListFilters>) => void;
  onClear: () => void;
}

const SORTS: readonly ReferralSort[] = ['NEWEST', 'DEADLINE'];

/**
 * The filters and the order. On a laptop the filters show as one bar; on a phone they would fill
 * the first screen, so they fold behind one button that says how many are set. The order stays
 * in sight either way.
 */
function ListControls(props: FilterProps) {
  const { t } = useTranslation();
  const phone = usePhoneLayout();
  const [opened, { toggle }] = useDisclosure(false);
  const { filters, onChange } = props;
  const count = activeReferralFilterCount(filters);
  const sort = (
    <NativeSelect
      label={t('referrals.sortLabel')}
      data={SORTS.map((code) => ({ value: code, label: t(`referrals.sorts.${code}`) }))}
      value={filters.sort}
      onChange={(event) => onChange({ sort: event.currentTarget.value === 'DEADLINE' ? 'DEADLINE' : 'NEWEST' })}
      data-testid="referral-sort"
    />
  );
  if (!phone) {
    return (
      <>
        <FilterBar {...props} />
        <Group justify="flex-end">{sort}</Group>
      </>
    );
  }
  return (
    <>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <Button
          variant={count > 0 ? 'light' : 'default'}
          onClick={toggle}
          aria-expanded={opened}
          aria-controls="referral-filter-panel"
          data-testid="referral-filter-toggle"
          style={{ flex: 'none' }}
        >
          {count > 0 ? t('referrals.filterToggleCount', { count }) : t('referrals.filterToggle')}
        </Button>
        <div style={{ flex: 1, minWidth: 0 }}>{sort}</div>
      </Group>
      <div id="referral-filter-panel" hidden={!opened}>
        <FilterBar {...props} />
      </div>
    </>
  );
}

function FilterBar({ filters, onChange, onClear }: FilterProps) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  return (
    <Card withBorder padding="sm" component="section" aria-label={t('referrals.filters')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <MultiSelect
          label={t('referrals.fields.status')}
          data={labels.options(REFERRAL_STATUSES)}
          value={filters.statuses}
          onChange={(value) => onChange({ statuses: value as ReferralStatus[] })}
          clearable
          style={{ flex: '1 1 14rem' }}
        />
        <MultiSelect
          label={t('referrals.fields.urgency')}
          data={labels.options(REFERRAL_URGENCIES)}
          value={filters.urgencies}
          onChange={(value) => onChange({ urgencies: value as ReferralUrgency[] })}
          clearable
          style={{ flex: '1 1 10rem' }}
        />
        <Select
          label={t('referrals.fields.need')}
          data={labels.options(SERVICE_CATEGORIES)}
          value={filters.need}
          onChange={(value) => onChange({ need: (value as ServiceCategory | null) ?? null })}
          clearable
          searchable
          style={{ flex: '1 1 10rem' }}
        />
        <DateRangeFields
          fromLabel={t('referrals.createdFrom')}
          toLabel={t('referrals.createdTo')}
          from={filters.from}
          to={filters.to}
          onFromChange={(from) => onChange({ from })}
          onToChange={(to) => onChange({ to })}
          w={170}
        />
        <Switch label={t('referrals.overdueOnly')} checked={filters.overdue} onChange={(event) => onChange({ overdue: event.currentTarget.checked })} mb={8} />
        {hasReferralFilter(filters) ? (
          <Button variant="subtle" onClick={onClear}>
            {t('referrals.clearFilters')}
          </Button>
        ) : null}
      </Group>
    </Card>
  );
}

function ReferralTable({ filters }: { filters: ReferralListFilters }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const filter = useMemo(() => referralFilterOf(filters), [filters]);
  const variables = { box: filters.box, filter, sort: filters.sort, first: pageSize };
  const shownRows = useRef(0);
  // A reversed range matches nothing: no query and no list (rows of an earlier search would not
  // match the filters shown). The date field says why, and so does the place of the list: on a
  // phone the field may be folded away.
  const reversed = isReversedDayRange(filters.from, filters.to);
  const query = useQuery(ReferralsDocument, {
    variables,
    skip: reversed,
    fetchPolicy: 'cache-and-network',
    pollInterval: pollMs,
    skipPollAttempt: (): boolean => document.visibilityState === 'hidden' || shownRows.current > pageSize,
  });
  const connection = query.data?.referrals ?? query.previousData?.referrals;
  shownRows.current = connection?.nodes.length ?? 0;
  const inbox = filters.box === 'INBOX';
  if (reversed) {
    return (
      <Alert color="yellow" variant="light" role="status" data-testid="referral-reversed-range">
        {t('referrals.reversedRange')}
      </Alert>
    );
  }

  return (
    <ConnectionTable<ReferralRowFragment>
      query={query}
      connection={connection}
      label={inbox ? t('referrals.inbox') : t('referrals.outbox')}
      minWidth={860}
      cardsOnPhone
      emptyLabel={hasReferralFilter(filters) ? t('referrals.noResults') : inbox ? t('referrals.emptyInbox') : t('referrals.emptyOutbox')}
      columns={[
        { key: 'urgency', header: t('referrals.fields.urgency'), card: 'badge', cell: (referral) => <UrgencyBadge urgency={referral.urgency} /> },
        {
          key: 'status',
          header: t('referrals.fields.status'),
          card: 'badge',
          cell: (referral) => (
            <Group gap={4} wrap="wrap">
              <ReferralStatusBadge status={referral.status} size="sm" />
              {referral.overdue ? <OverdueBadge /> : null}
            </Group>
          ),
        },
        {
          key: 'counterpart',
          header: inbox ? t('referrals.fields.sender') : t('referrals.fields.receiver'),
          cell: (referral) => counterpartName(referral),
        },
        {
          key: 'service',
          header: t('referrals.fields.service'),
          card: 'title',
          cell: (referral) => (
            <Anchor component={Link} to={`/referrals/${referral.id}`} data-testid="referral-link">
              {referral.serviceName}
            </Anchor>
          ),
        },
        {
          key: 'person',
          header: t('referrals.fields.person'),
          cell: (referral) =>
            referral.personPseudonym ? (
              <ShortCode>{referral.personPseudonym}</ShortCode>
            ) : (
              <Text component="span" fz="sm">
                {referral.anonymousCase ? t('referrals.anonymousWithAge', { age: labels.ageBand(referral.anonymousCase.ageBand) }) : t('referrals.anonymous')}
              </Text>
            ),
        },
        {
          key: 'sent',
          header: t('referrals.fields.sentAt'),
          cell: (referral) => (referral.sentAt ? formatInstantDate(referral.sentAt, labels.language) : t('referrals.notSent')),
        },
        {
          key: 'due',
          header: t('referrals.fields.dueAt'),
          cell: (referral) =>
            referral.responseDueAt && referral.status === 'SENT' ? (
              <Text component="span" fz="sm" c={referral.overdue ? 'red' : undefined} fw={referral.overdue ? 700 : undefined}>
                {formatDateTime(referral.responseDueAt, labels.language)}
              </Text>
            ) : (
              ''
            ),
        },
        {
          key: 'unread',
          header: t('referrals.fields.unread'),
          card: 'badge',
          cell: (referral) => (referral.unreadMessages > 0 ? <UnreadBadge count={referral.unreadMessages} /> : null),
        },
      ]}
    />
  );
}
