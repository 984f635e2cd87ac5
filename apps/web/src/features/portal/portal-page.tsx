// The public portal of a network (/p/:networkSlug): its consultation windows for people
// looking for help, on a phone, without signing in. Only what the API publishes is shown
// (public fields and public channels). Filtering by words and category happens here, on the
// list the API returned. Calm type, large tap targets: calling is one tap on a tel: link.
import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Chip,
  Container,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { normalizeForSearch, SERVICE_CATEGORIES, SERVICE_LANGUAGES, TARGET_GROUPS } from '@tsunagu/domain';
import type { PortalServiceFieldsFragment } from '@tsunagu/graphql-client';
import { PortalDirectoryDocument } from '@tsunagu/graphql-client';
import { LoadingState } from '@tsunagu/ui';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { readApiError } from '../../app/api-errors';
import { bothLabels } from '../../app/labels';
import { LanguageSwitch } from '../../app/layout/language-switch';
import { CategoryBadges, useHoursSummary } from '../directory/service-parts';
import { channelHref, useDirectoryLabels } from '../directory/vocabulary';

const mainId = 'portal-main';
const allCategories = 'ALL';

/** What a service is found by on the portal, in both languages. */
function searchTextOf(service: PortalServiceFieldsFragment): string {
  return normalizeForSearch(
    [
      service.name,
      service.organizationName,
      service.description,
      ...bothLabels(SERVICE_CATEGORIES.labels, service.categories),
      ...bothLabels(TARGET_GROUPS.labels, service.targetGroups),
      ...bothLabels(SERVICE_LANGUAGES.labels, service.languages),
    ].join(' '),
  );
}

export function PortalPage() {
  const { t } = useTranslation();
  const { networkSlug = '' } = useParams();
  const { data, loading, error } = useQuery(PortalDirectoryDocument, { variables: { networkSlug } });
  const portal = data?.portalDirectory;

  useEffect(() => {
    document.title = portal ? t('portal.documentTitle', { network: portal.networkName }) : t('portal.documentTitleDefault');
  }, [portal, t]);

  const notPublished = error && readApiError(error).code === 'NOT_FOUND';

  return (
    <Box bg="gray.0" mih="100vh">
      <Anchor href={`#${mainId}`} className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="sm" py="sm" px="md">
          <Group justify="space-between" wrap="nowrap" align="center" gap="sm">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fz="xs" c="dimmed">
                {t('portal.kicker')}
              </Text>
              <Text fw={700} fz="lg" lh={1.3} data-testid="portal-network">
                {portal?.networkName ?? t('app.name')}
              </Text>
            </Stack>
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container size="sm" px="md" py="lg" component="main" id={mainId} tabIndex={-1}>
        {loading && !data ? <LoadingState label={t('common.loading')} /> : null}
        {notPublished ? (
          <Stack gap="sm" py="xl">
            <Title order={1} fz="h2">
              {t('portal.notPublishedTitle')}
            </Title>
            <Text>{t('portal.notPublishedBody')}</Text>
          </Stack>
        ) : null}
        {error && !notPublished ? (
          <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
            {t('portal.loadFailed')}
          </Alert>
        ) : null}
        {portal ? <PortalDirectoryView services={portal.services} /> : null}
        <Alert color="red" variant="outline" mt="xl" title={t('portal.emergencyTitle')}>
          <Text fz="sm">{t('portal.emergencyBody')}</Text>
          <Group gap="sm" mt="sm">
            <Button component="a" href="tel:119" color="red" variant="light">
              {t('portal.call119')}
            </Button>
            <Button component="a" href="tel:110" color="red" variant="light">
              {t('portal.call110')}
            </Button>
          </Group>
        </Alert>
      </Container>
    </Box>
  );
}

function PortalDirectoryView({ services }: { services: readonly PortalServiceFieldsFragment[] }) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const [words, setWords] = useState('');
  const [category, setCategory] = useState<string>(allCategories);
  const indexed = useMemo(() => services.map((service) => ({ service, text: searchTextOf(service) })), [services]);
  const presentCategories = SERVICE_CATEGORIES.codes.filter((code) =>
    services.some((service) => service.categories.includes(code)),
  );
  const terms = normalizeForSearch(words).split(' ').filter(Boolean);
  const shown = indexed
    .filter(({ service }) => category === allCategories || service.categories.includes(category as never))
    .filter(({ text }) => terms.every((term) => text.includes(term)))
    .map(({ service }) => service);

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} fz={26} lh={1.4}>
          {t('portal.title')}
        </Title>
        <Text fz="md" lh={1.8}>
          {t('portal.lead')}
        </Text>
      </Stack>
      <Stack gap="sm" role="search" aria-label={t('portal.searchLabel')}>
        <TextInput
          label={t('portal.keywords')}
          placeholder={t('portal.keywordsPlaceholder')}
          type="search"
          size="md"
          value={words}
          onChange={(event) => setWords(event.currentTarget.value)}
        />
        <Stack gap={6}>
          <Text component="span" fz="sm" fw={500} id="portal-category-label">
            {t('portal.category')}
          </Text>
          <Chip.Group multiple={false} value={category} onChange={setCategory}>
            {/* One scrolling row on a phone, so the windows themselves stay near the top. */}
            <Group
              gap={6}
              role="group"
              aria-labelledby="portal-category-label"
              wrap="nowrap"
              pb={6}
              style={{ overflowX: 'auto', WebkitOverflowScrolling: 'touch' }}
            >
              <Chip value={allCategories} size="sm" style={{ flex: 'none' }}>
                {t('portal.allCategories')}
              </Chip>
              {presentCategories.map((code) => (
                <Chip key={code} value={code} size="sm" style={{ flex: 'none' }}>
                  {labels.category(code)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
      </Stack>
      <Text role="status" aria-live="polite" fz="sm" c="dimmed">
        {t('portal.count', { count: shown.length })}
      </Text>
      <Stack gap="md" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((service) => (
          <li key={service.id}>
            <PortalServiceCard service={service} />
          </li>
        ))}
      </Stack>
      {shown.length === 0 ? <Text>{t('portal.noResults')}</Text> : null}
    </Stack>
  );
}

function PortalServiceCard({ service }: { service: PortalServiceFieldsFragment }) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const hours = useHoursSummary();
  const headingId = `portal-service-${service.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={headingId} data-testid="portal-service">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} fz={19} lh={1.45} id={headingId}>
            {service.name}
          </Title>
          <Text fz="sm" c="dimmed">
            {service.organizationName}
          </Text>
        </Stack>
        <Group gap={6}>
          {service.open24h ? (
            <Badge color="grape" variant="filled" tt="none" radius="sm">
              {t('directory.open24hBadge')}
            </Badge>
          ) : null}
          <Badge color={service.fee === 'FREE' ? 'teal' : 'gray'} variant="light" tt="none" radius="sm">
            {t(`directory.fee.${service.fee}`)}
          </Badge>
          <CategoryBadges categories={service.categories} />
        </Group>
        {service.description ? (
          <Text fz="md" lh={1.8}>
            {service.description}
          </Text>
        ) : null}
        {service.open24h ? null : (
          <Fact label={t('portal.hours')}>{hours(service.openingHours, false)}</Fact>
        )}
        {service.targetGroups.length ? (
          <Fact label={t('portal.forWhom')}>{service.targetGroups.map(labels.targetGroup).join(t('directory.listSeparator'))}</Fact>
        ) : null}
        {service.languages.some((code) => code !== 'ja') ? (
          <Fact label={t('portal.languages')}>{service.languages.map(labels.language).join(t('directory.listSeparator'))}</Fact>
        ) : null}
        <Stack gap={8}>
          {service.channels.map((channel, index) => {
            const href = channelHref(channel.kind, channel.value);
            const external = href?.startsWith('http');
            const label =
              channel.kind === 'PHONE'
                ? t('portal.call', { number: channel.value })
                : t('portal.channelLine', { kind: labels.channel(channel.kind), value: channel.value });
            return (
              <Stack key={`${channel.kind}-${index}`} gap={2}>
                {href ? (
                  // A long address wraps inside the button (never cut) and reads from the left, as the phone line does.
                  <Button
                    component="a"
                    href={href}
                    variant={channel.kind === 'PHONE' ? 'filled' : 'light'}
                    size="md"
                    fullWidth
                    justify="flex-start"
                    styles={{ label: { whiteSpace: 'normal', overflowWrap: 'anywhere', textAlign: 'left', lineHeight: 1.35 } }}
                    h="auto"
                    mih={48}
                    py={8}
                    {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
                  >
                    {label}
                  </Button>
                ) : (
                  <Fact label={labels.channel(channel.kind)}>{channel.value}</Fact>
                )}
                {channel.note ? (
                  <Text fz="xs" c="dimmed">
                    {channel.note}
                  </Text>
                ) : null}
              </Stack>
            );
          })}
        </Stack>
      </Stack>
    </Card>
  );
}

/** One fact about a service in a line: what it is, in bold, then the fact. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text fz="sm">
      <Text component="span" fw={600}>
        {label}
      </Text>{' '}
      {children}
    </Text>
  );
}
