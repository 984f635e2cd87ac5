// Finding grants (/grants): Japanese or English keywords, filters and a sort, all in the URL
// (search-params.ts) so a search can be shared, bookmarked or saved for the daily mail; results
// with "load more" (keyset pages appended by the cache's field policy).
import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { FUNDER_KINDS, GRANT_TYPES, LEGAL_FORMS, ORGANIZATION_KINDS, SERVICE_CATEGORIES } from '@tsunagu/domain';
import { SaveGrantSearchDocument, SearchGrantsDocument, type GrantSort } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { ConnectionList, useConnectionQuery } from '../../app/connection-list';
import { organizationKindLabel } from '../../app/labels';
import { MunicipalitySelect } from '../../app/place-names';
import { FilterPanelCard, ResultsSection, SearchBar, useUrlDraft, useUrlFilters } from '../../app/search-page';
import { GrantCard, GrantsTabs } from './grant-parts';
import { GRANT_SORTS, hasAnyFilter, readFilters, searchInputOf, writeFilters, type GrantFilters } from './search-params';
import { useGrantLabels } from './vocabulary';

const pageSize = 20;

export function GrantsPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const { filters, apply, setParams } = useUrlFilters(readFilters, writeFilters);
  const input = useMemo(() => searchInputOf(filters), [filters]);
  const { query, connection: result } = useConnectionQuery(SearchGrantsDocument, { input, first: pageSize }, (data) => data.searchGrants);
  const [saving, setSaving] = useState(false);
  const publisher = ability.can('create', 'Grant');

  return (
    <>
      <PageHeader
        title={t('grants.title')}
        description={t('grants.description')}
        actions={
          <>
            <Button variant="default" onClick={() => setSaving(true)}>
              {t('grants.saved.saveCurrent')}
            </Button>
            {publisher ? (
              <Button component={Link} to="/grants/new">
                {t('grants.editor.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <GrantsTabs />
      <Stack gap="lg">
        <SearchForm filters={filters} onSearch={(next) => apply(next)} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <FilterPanel filters={filters} onChange={apply} onClear={() => setParams(filters.keywords ? { q: filters.keywords } : {})} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <ResultsSection
              headingId="grant-results-heading"
              title={t('grants.results')}
              aside={
                <Select
                  label={t('grants.sort.label')}
                  data={GRANT_SORTS.map((sort) => ({ value: sort, label: t(`grants.sort.${sort}`) }))}
                  value={filters.sort}
                  allowDeselect={false}
                  onChange={(value) => value && apply({ sort: value as GrantSort })}
                  w={200}
                />
              }
            >
              <ConnectionList query={query} connection={result}
                loadingLabel={t('grants.searching')}
                empty={hasAnyFilter(filters) ? t('grants.noResults') : t('grants.empty')}
                renderItem={(grant) => <GrantCard grant={grant} />}
              />
            </ResultsSection>
          </Grid.Col>
        </Grid>
      </Stack>
      <SaveSearchModal opened={saving} filters={filters} onClose={() => setSaving(false)} />
    </>
  );
}

function SearchForm({ filters, onSearch }: { filters: GrantFilters; onSearch: (next: Partial<GrantFilters>) => void }) {
  const { t } = useTranslation();
  const [keywords, setKeywords] = useUrlDraft(filters.keywords);
  const [region, setRegion] = useUrlDraft(filters.region);
  const [amountFrom, setAmountFrom] = useUrlDraft<number | string>(filters.amountFrom ?? '');
  const [amountTo, setAmountTo] = useUrlDraft<number | string>(filters.amountTo ?? '');

  const submit = () =>
    onSearch({
      keywords,
      region,
      amountFrom: typeof amountFrom === 'number' ? amountFrom : null,
      amountTo: typeof amountTo === 'number' ? amountTo : null,
    });

  return (
    <SearchBar
      label={t('grants.searchLabel')}
      keywords={keywords}
      onKeywordsChange={setKeywords}
      keywordsLabel={t('grants.keywords')}
      keywordsHelp={t('grants.keywordsHelp')}
      submitLabel={t('grants.search')}
      onSubmit={submit}
    >
      <MunicipalitySelect
        label={t('grants.region')}
        description={t('grants.regionHelp')}
        includePrefectures
        value={region}
        onChange={(code) => setRegion(code ?? '')}
        w={260}
      />
      <AmountInput label={t('grants.amountFrom')} value={amountFrom} onChange={setAmountFrom} />
      <AmountInput label={t('grants.amountTo')} value={amountTo} onChange={setAmountTo} />
    </SearchBar>
  );
}

type ListFilterField = 'themes' | 'organizationKinds' | 'legalForms' | 'funderKinds' | 'grantTypes';

/** A multi-choice filter over one of the grant vocabularies; an empty choice means "any". */
function ListFilter<K extends ListFilterField>({
  label,
  data,
  field,
  filters,
  onChange,
  searchable,
}: {
  label: string;
  data: { value: string; label: string }[];
  field: K;
  filters: GrantFilters;
  onChange: (next: Partial<GrantFilters>) => void;
  searchable?: boolean;
}) {
  return (
    <MultiSelect
      label={label}
      data={data}
      value={filters[field]}
      onChange={(values) => onChange({ [field]: values as GrantFilters[K] })}
      searchable={searchable}
      clearable
    />
  );
}

/** A yen amount bound of the search, in steps of 10,000 yen. */
function AmountInput({ label, value, onChange }: { label: string; value: number | string; onChange: (value: number | string) => void }) {
  return <NumberInput label={label} min={0} step={10000} thousandSeparator="," value={value} onChange={onChange} w={150} />;
}

const closingChoices = ['7', '14', '30', '60', '90'];

function FilterPanel({
  filters,
  onChange,
  onClear,
}: {
  filters: GrantFilters;
  onChange: (next: Partial<GrantFilters>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const labels = useGrantLabels();
  return (
    <FilterPanelCard
      headingId="grant-filters-heading"
      title={t('grants.filters')}
      clearLabel={t('grants.clearFilters')}
      onClear={hasAnyFilter({ ...filters, keywords: '' }) ? onClear : null}
    >
      {/* Two columns on a tablet, where the panel sits above the results. */}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 1 }} spacing="md">
        <Switch label={t('grants.openNow')} checked={filters.openNow} onChange={(event) => onChange({ openNow: event.currentTarget.checked })} />
        <Select
          label={t('grants.closingWithin')}
          placeholder={t('grants.closingAny')}
          clearable
          data={closingChoices.map((days) => ({ value: days, label: t('grants.closingDays', { count: Number(days) }) }))}
          value={filters.closingWithinDays ? String(filters.closingWithinDays) : null}
          onChange={(value) => onChange({ closingWithinDays: value ? Number(value) : null })}
        />
        <ListFilter label={t('grants.fields.themes')} data={labels.options(SERVICE_CATEGORIES)} field="themes" filters={filters} onChange={onChange} searchable />
        <ListFilter
          label={t('grants.fields.eligibleKinds')}
          data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: organizationKindLabel(t, kind) }))}
          field="organizationKinds"
          filters={filters}
          onChange={onChange}
        />
        <ListFilter label={t('grants.fields.legalForms')} data={labels.options(LEGAL_FORMS)} field="legalForms" filters={filters} onChange={onChange} />
        <ListFilter label={t('grants.fields.funderKind')} data={labels.options(FUNDER_KINDS)} field="funderKinds" filters={filters} onChange={onChange} />
        <ListFilter label={t('grants.fields.grantType')} data={labels.options(GRANT_TYPES)} field="grantTypes" filters={filters} onChange={onChange} />
      </SimpleGrid>
    </FilterPanelCard>
  );
}

function SaveSearchModal({ opened, filters, onClose }: { opened: boolean; filters: GrantFilters; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [save, saving] = useMutation(SaveGrantSearchDocument);
  useEffect(() => {
    if (opened) {
      setName(filters.keywords);
      setSaved(false);
      setError(null);
    }
  }, [opened, filters.keywords]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await save({ variables: { name: name.trim(), criteria: searchInputOf(filters) } });
      client.cache.evict({ fieldName: 'mySavedSearches' });
      client.cache.gc();
      setSaved(true);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('grants.saved.saveTitle')}>
      {saved ? (
        <Stack gap="sm">
          <Alert color="green" variant="light" role="status">
            {t('grants.saved.savedNotice')}
          </Alert>
          <Group justify="flex-end">
            <Anchor component={Link} to="/grants/saved">
              {t('grants.saved.open')}
            </Anchor>
            <Button onClick={onClose}>{t('grants.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <Stack gap="sm">
            <Text fz="sm">{t('grants.saved.dailyMail')}</Text>
            <TextInput
              label={t('grants.saved.name')}
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              data-autofocus
            />
            <ApiErrorAlert error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={saving.loading} disabled={!name.trim()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
