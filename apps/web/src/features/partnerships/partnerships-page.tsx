// The partnerships list (/partnerships): a liaison sees the municipality's partnerships, a
// partner organisation's members the ones it is party to (read-only). Filters (keyword, status,
// type, partner) live in the URL (search-params.ts); "load more" appends the next keyset page.
import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { mayManagePartnerships } from '@tsunagu/domain';
import { PartnershipsDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../app/auth/use-session';
import { ConnectionList, useConnectionQuery } from '../../app/connection-list';
import { SearchForm } from '../../app/search-form';
import { ResultsSection, useUrlDraft, useUrlFilters } from '../../app/search-page';
import { PartnershipTabs } from './partnership-tabs';
import { usePartnerOptions } from './partner-options';
import { hasAnyPartnershipFilter, partnershipSearchOf, readPartnershipFilters, writePartnershipFilters, type PartnershipFilters } from './search-params';
import { formatDay, statusColor, usePartnershipLabels } from './vocabulary';

const pageSize = 20;

export function PartnershipsPage() {
  const { t, i18n } = useTranslation();
  const { actor } = useSession();
  const labels = usePartnershipLabels();
  const { filters, apply, setParams } = useUrlFilters(readPartnershipFilters, writePartnershipFilters);
  const input = useMemo(() => partnershipSearchOf(filters), [filters]);
  const { query, connection: result } = useConnectionQuery(PartnershipsDocument, { input, first: pageSize }, (data) => data.partnerships);
  const manager = !!actor && mayManagePartnerships(actor.organizationKind, actor.roles);

  return (
    <>
      <PageHeader
        title={t('partnerships.title')}
        description={manager ? t('partnerships.descriptionLiaison') : t('partnerships.descriptionPartner')}
        actions={
          manager ? (
            <Button component={Link} to="/partnerships/new">
              {t('partnerships.new')}
            </Button>
          ) : null
        }
      />
      <PartnershipTabs />
      <Stack gap="lg">
        <FilterForm filters={filters} onApply={apply} onClear={() => setParams({})} />
        <ResultsSection headingId="partnership-results-heading" title={t('partnerships.results')}>
          <ConnectionList query={query} connection={result}
            loadingLabel={t('partnerships.loading')}
            empty={hasAnyPartnershipFilter(filters) ? t('partnerships.noResults') : t('partnerships.empty')}
            renderItem={(partnership) => (
              <Card withBorder padding="md" component="article" aria-labelledby={`partnership-${partnership.id}`}>
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Stack gap={2} style={{ flex: '1 1 18rem' }}>
                    <Anchor component={Link} to={`/partnerships/${partnership.id}`} fw={700} id={`partnership-${partnership.id}`}>
                      {partnership.title}
                    </Anchor>
                    <Text fz="sm">
                      {t('partnerships.between', { municipality: partnership.municipality.name, partner: partnership.partner.name })}
                    </Text>
                    <Text fz="sm" c="dimmed">
                      {partnership.startsOn || partnership.endsOn
                        ? t('partnerships.period', {
                            from: formatDay(partnership.startsOn, i18n.language),
                            to: formatDay(partnership.endsOn, i18n.language),
                          })
                        : t('partnerships.noPeriod')}
                      {partnership.reviewOn ? ` · ${t('partnerships.reviewOnShort', { date: formatDay(partnership.reviewOn, i18n.language) })}` : ''}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    <Badge variant="light" color="gray" tt="none">
                      {labels.type(partnership.type)}
                    </Badge>
                    <Badge variant="light" color={statusColor[partnership.status]} tt="none">
                      {labels.status(partnership.status)}
                    </Badge>
                    {partnership.mayManage ? null : (
                      <Badge variant="outline" color="gray" tt="none">
                        {t('partnerships.readOnly')}
                      </Badge>
                    )}
                  </Group>
                </Group>
              </Card>
            )}
          />
        </ResultsSection>
      </Stack>
    </>
  );
}

function FilterForm({
  filters,
  onApply,
  onClear,
}: {
  filters: PartnershipFilters;
  onApply: (next: Partial<PartnershipFilters>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const partners = usePartnerOptions();
  const [keyword, setKeyword] = useUrlDraft(filters.keyword);

  return (
    <SearchForm
      label={t('partnerships.searchLabel')}
      submitLabel={t('partnerships.search')}
      onSearch={() => onApply({ keyword })}
      after={
        hasAnyPartnershipFilter(filters) ? (
          <Button variant="subtle" onClick={onClear}>
            {t('partnerships.clearFilters')}
          </Button>
        ) : null
      }
    >
      <TextInput
        label={t('partnerships.keyword')}
        type="search"
        value={keyword}
        onChange={(event) => setKeyword(event.currentTarget.value)}
        style={{ flex: '1 1 14rem' }}
      />
      <Select
        label={t('partnerships.fields.status')}
        data={labels.statusOptions}
        value={filters.status}
        clearable
        placeholder={t('partnerships.any')}
        onChange={(value) => onApply({ keyword, status: (value as PartnershipFilters['status']) ?? null })}
        w={170}
      />
      <Select
        label={t('partnerships.fields.type')}
        data={labels.typeOptions}
        value={filters.type}
        clearable
        placeholder={t('partnerships.any')}
        onChange={(value) => onApply({ keyword, type: (value as PartnershipFilters['type']) ?? null })}
        w={200}
      />
      <Select
        label={t('partnerships.fields.partner')}
        data={partners}
        value={filters.partnerOrganizationId}
        clearable
        searchable
        placeholder={t('partnerships.any')}
        nothingFoundMessage={t('common.nothingFound')}
        onChange={(value) => onApply({ keyword, partnerOrganizationId: value ?? null })}
        w={240}
      />
    </SearchForm>
  );
}
