// The directory (支援機関・サービス): keywords and filters with facet counts, results by
// relevance with "load more". Every filter lives in the URL query string (search-params.ts),
// so a search can be bookmarked or sent to a colleague; the back button steps through searches.
import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import {
  CHANNEL_KINDS,
  SERVICE_CATEGORIES,
  SERVICE_LANGUAGES,
  TARGET_GROUPS,
} from '@tsunagu/domain';
import type { FacetCountFieldsFragment, ServiceSummaryFragment } from '@tsunagu/graphql-client';
import { SearchDirectoryDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSession } from '../../app/auth/use-session';
import { useVocabularyLabels } from '../../app/labels';
import { ConnectionList } from '../../app/connection-list';
import { MoreActionsMenu } from '../../app/more-actions-menu';
import { MunicipalitySelect } from '../../app/place-names';
import { FilterPanelCard, ResultsSection, SearchBar, useUrlDraft, useUrlFilters } from '../../app/search-page';
import { useHsdsExport } from '../hsds/export-hsds-button';
import { CapacityBadge, CategoryBadges } from './service-parts';
import { hasAnyFilter, readFilters, searchInputOf, writeFilters, type DirectoryFilters } from './search-params';
import { useDirectoryLabels } from './vocabulary';

const pageSize = 20;

/** The filters chosen from a vocabulary, each shown as a facet with its result counts. */
const CODE_FACETS = [
  { field: 'categories', vocabulary: SERVICE_CATEGORIES, labelKey: 'directory.fields.categories' },
  { field: 'targetGroups', vocabulary: TARGET_GROUPS, labelKey: 'directory.fields.targetGroups' },
  { field: 'channels', vocabulary: CHANNEL_KINDS, labelKey: 'directory.fields.channels' },
  { field: 'languages', vocabulary: SERVICE_LANGUAGES, labelKey: 'directory.fields.languages' },
] as const;

export function DirectoryPage() {
  const { t } = useTranslation();
  const { actor, ability } = useSession();
  const { filters, apply, setParams } = useUrlFilters(readFilters, writeFilters);
  const input = useMemo(() => searchInputOf(filters), [filters]);
  const query = useQuery(SearchDirectoryDocument, {
    variables: { input, first: pageSize },
  });
  const result = query.data?.searchDirectory ?? query.previousData?.searchDirectory;
  const canCreate = ability.can('create', { __typename: 'Service', organizationId: actor?.organizationId ?? '' });
  // Few members need the directory as an HSDS file: it is under "More", not a button of its own.
  const hsds = useHsdsExport();

  return (
    <>
      <PageHeader
        title={t('directory.title')}
        description={t('directory.description')}
        actions={
          <>
            <MoreActionsMenu size="sm" busy={hsds.exporting} actions={[{ key: 'hsds', label: t('hsds.exportShort'), onClick: () => void hsds.exportNow() }]} />
            {canCreate ? (
              <Button component={Link} to="/directory/services/new">
                {t('directory.addService')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <ApiErrorAlert error={hsds.error} />
        <DirectorySearch filters={filters} onSearch={(keywords, areaCode) => apply({ keywords, areaCode })} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
            <FilterPanel filters={filters} facets={result?.facets ?? null} onChange={apply} onClear={() => setParams({})} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
            <ResultsSection
              headingId="directory-results-heading"
              title={t('directory.results')}
              aside={
                result ? (
                  <Text role="status" aria-live="polite" data-testid="directory-total">
                    {t('directory.total', { count: result.facets.total })}
                  </Text>
                ) : null
              }
            >
              <ConnectionList query={query} connection={result?.services}
                loadingLabel={t('directory.searching')}
                empty={hasAnyFilter(filters) ? t('directory.noResults') : t('directory.empty')}
                renderItem={(service) => <ServiceResult service={service} />}
              />
            </ResultsSection>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function DirectorySearch({ filters, onSearch }: { filters: DirectoryFilters; onSearch: (keywords: string, areaCode: string) => void }) {
  const { t } = useTranslation();
  const [keywords, setKeywords] = useUrlDraft(filters.keywords);
  const [areaCode, setAreaCode] = useUrlDraft(filters.areaCode);

  return (
    <SearchBar
      label={t('directory.searchLabel')}
      keywords={keywords}
      onKeywordsChange={setKeywords}
      keywordsLabel={t('directory.keywords')}
      keywordsHelp={t('directory.keywordsHelp')}
      submitLabel={t('directory.search')}
      onSubmit={() => onSearch(keywords, areaCode)}
    >
      <MunicipalitySelect
        label={t('directory.areaCode')}
        description={t('directory.areaCodeHelp')}
        value={areaCode}
        onChange={(code) => setAreaCode(code ?? '')}
        w={260}
      />
    </SearchBar>
  );
}

interface Facets {
  total: number;
  acceptingReferrals: number;
  open24h: number;
  categories: readonly FacetCountFieldsFragment[];
  targetGroups: readonly FacetCountFieldsFragment[];
  channels: readonly FacetCountFieldsFragment[];
  languages: readonly FacetCountFieldsFragment[];
}

function FilterPanel({
  filters,
  facets,
  onChange,
  onClear,
}: {
  filters: DirectoryFilters;
  facets: Facets | null;
  onChange: (next: Partial<DirectoryFilters>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const vocabulary = useVocabularyLabels();
  const countLabel = (label: string, count: number | undefined) =>
    count === undefined ? label : t('directory.facetOption', { label, count });

  return (
    <FilterPanelCard
      headingId="directory-filters-heading"
      title={t('directory.filters')}
      clearLabel={t('directory.clearFilters')}
      onClear={hasAnyFilter({ ...filters, keywords: '', areaCode: '' }) ? onClear : null}
    >
      <Switch
        label={t('directory.openNow')}
        checked={filters.openNow}
        onChange={(event) => onChange({ openNow: event.currentTarget.checked })}
      />
      <Switch
        label={countLabel(t('directory.open24h'), facets?.open24h)}
        checked={filters.open24h}
        onChange={(event) => onChange({ open24h: event.currentTarget.checked })}
      />
      <Switch
        label={countLabel(t('directory.acceptingReferrals'), facets?.acceptingReferrals)}
        checked={filters.acceptingReferrals}
        onChange={(event) => onChange({ acceptingReferrals: event.currentTarget.checked })}
      />
      {CODE_FACETS.map((facet) => (
        <FacetGroup
          key={facet.field}
          label={t(facet.labelKey)}
          codes={facet.vocabulary.codes}
          selected={filters[facet.field]}
          counts={facets?.[facet.field]}
          labelOf={vocabulary.of(facet.vocabulary)}
          countLabel={countLabel}
          onChange={(values) => onChange({ [facet.field]: values })}
        />
      ))}
    </FilterPanelCard>
  );
}

/**
 * One filter as checkboxes, each with the number of current results carrying it. Values no
 * current result carries are hidden (unless chosen), so the list stays short.
 */
function FacetGroup({
  label,
  codes,
  selected,
  counts,
  labelOf,
  countLabel,
  onChange,
}: {
  label: string;
  codes: readonly string[];
  selected: readonly string[];
  counts: readonly FacetCountFieldsFragment[] | undefined;
  labelOf: (code: string) => string;
  countLabel: (label: string, count: number | undefined) => string;
  onChange: (values: string[]) => void;
}) {
  const countOf = (code: string) => (counts ? (counts.find((entry) => entry.value === code)?.count ?? 0) : undefined);
  const shown = codes.filter((code) => selected.includes(code) || countOf(code) !== 0);
  if (shown.length === 0) return null;
  return (
    <Checkbox.Group
      label={label}
      value={[...selected]}
      onChange={(values) => onChange(codes.filter((code) => values.includes(code)))}
    >
      <Stack gap={6} mt={6}>
        {shown.map((code) => (
          <Checkbox key={code} value={code} label={countLabel(labelOf(code), countOf(code))} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function ServiceResult({ service }: { service: ServiceSummaryFragment }) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const kinds = [...new Set(service.channels.map((channel) => channel.kind))];
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`service-${service.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} fz="h5" id={`service-${service.id}`}>
            <Anchor component={Link} to={`/directory/services/${service.id}`}>
              {service.name}
            </Anchor>
          </Title>
          <Group gap={4}>
            <CapacityBadge capacity={service.capacity} />
            {service.acceptsReferrals ? (
              <Badge color="blue" variant="light" tt="none" radius="sm">
                {t('directory.acceptsReferralsMarker')}
              </Badge>
            ) : null}
            {service.open24h ? (
              <Badge color="grape" variant="light" tt="none" radius="sm">
                {t('directory.open24hBadge')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text fz="sm" c="dimmed">
          {service.organization.name}
        </Text>
        <CategoryBadges categories={service.categories} />
        {kinds.length ? (
          <Text fz="sm">{t('directory.channelsSummary', { channels: kinds.map(labels.channel).join(t('directory.listSeparator')) })}</Text>
        ) : null}
      </Stack>
    </Card>
  );
}
