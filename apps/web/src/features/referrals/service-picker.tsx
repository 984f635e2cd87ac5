// Choosing the receiving service from the directory (the directory's own search query, with its
// category badges and capacity): only services that accept referrals now, and never those of
// the organisations given in `excluded` (my own organisation — a referral goes elsewhere).
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, MultiSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { SERVICE_CATEGORIES, type ServiceCategory } from '@tsunagu/domain';
import { SearchDirectoryDocument, type ServiceSummaryFragment } from '@tsunagu/graphql-client';
import { LoadingState } from '@tsunagu/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useVocabularyLabels } from '../../app/labels';
import { SearchForm } from '../../app/search-form';
import { ChooseButton } from './choose-button';
import { readApiError } from '../../app/api-errors';
import { useLoadMore } from '../../app/use-load-more';
import { CapacityBadge, CategoryBadges } from '../directory/service-parts';

const pageSize = 10;

export function ServicePicker({
  excluded,
  selected,
  onSelect,
  initialCategories = [],
}: {
  excluded: readonly string[];
  selected: { readonly id: string } | null;
  onSelect: (service: ServiceSummaryFragment) => void;
  initialCategories?: readonly ServiceCategory[];
}) {
  const { t } = useTranslation();
  const vocabulary = useVocabularyLabels();
  const [keywords, setKeywords] = useState('');
  const [categories, setCategories] = useState<ServiceCategory[]>([...initialCategories]);
  const [query, setQuery] = useState<{ keywords: string; categories: ServiceCategory[] }>({ keywords: '', categories: [...initialCategories] });
  const input = useMemo(
    () => ({
      acceptingReferrals: true,
      ...(query.keywords.trim() ? { keywords: query.keywords.trim() } : {}),
      ...(query.categories.length ? { categories: query.categories } : {}),
    }),
    [query],
  );
  const { data, previousData, loading, error, fetchMore } = useQuery(SearchDirectoryDocument, { variables: { input, first: pageSize } });
  const result = data?.searchDirectory ?? previousData?.searchDirectory;
  const { loadingMore, loadMore } = useLoadMore(fetchMore, result?.services.pageInfo.endCursor);
  const services = (result?.services.nodes ?? []).filter((service) => service.acceptsReferrals && !excluded.includes(service.organization.id));

  return (
    <Stack gap="md">
      <SearchForm label={t('referrals.picker.searchLabel')} submitLabel={t('referrals.picker.search')} onSearch={() => setQuery({ keywords, categories })}>
        <TextInput
          type="search"
          label={t('referrals.picker.keywords')}
          description={t('referrals.picker.keywordsHelp')}
          value={keywords}
          onChange={(event) => setKeywords(event.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <MultiSelect
          label={t('referrals.picker.categories')}
          data={vocabulary.options(SERVICE_CATEGORIES)}
          value={categories}
          onChange={(value) => setCategories(value as ServiceCategory[])}
          clearable
          searchable
          style={{ flex: '1 1 16rem' }}
        />
      </SearchForm>
      {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
      {loading && !result ? <LoadingState label={t('directory.searching')} /> : null}
      {result && services.length === 0 ? <Text c="dimmed">{t('referrals.picker.none')}</Text> : null}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-busy={loading}>
        {services.map((service) => {
          const chosen = selected?.id === service.id;
          return (
            <li key={service.id}>
              <Card withBorder padding="sm" data-service-id={service.id} style={chosen ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}>
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                  <Stack gap={4} style={{ flex: '1 1 16rem' }}>
                    <Title order={3} fz="h5">
                      {service.name}
                    </Title>
                    <Text fz="sm" c="dimmed">
                      {service.organization.name}
                    </Text>
                    <Group gap={4} wrap="wrap">
                      <CapacityBadge capacity={service.capacity} />
                      {service.open24h ? (
                        <Badge variant="light" color="indigo" tt="none" radius="sm">
                          {t('directory.open24h')}
                        </Badge>
                      ) : null}
                    </Group>
                    <CategoryBadges categories={service.categories} />
                  </Stack>
                  <ChooseButton
                    chosen={chosen}
                    label={t('referrals.picker.choose', { name: service.name, organization: service.organization.name })}
                    onClick={() => onSelect(service)}
                  />
                </Group>
              </Card>
            </li>
          );
        })}
      </Stack>
      {result?.services.pageInfo.hasNextPage ? (
        <Button variant="default" onClick={() => void loadMore()} loading={loadingMore} style={{ alignSelf: 'flex-start' }}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
