// One service of the directory, everything about it: what it offers and for whom, where, in
// which languages, its hours as a weekday table in Japan time, how to reach it (tel:, mailto:
// and web links; channels kept for network members are marked), capacity and the waitlist,
// and when its organisation last checked the entry. Editing and deleting appear only for
// people the shared ability allows (the organisation's admins and coordinators).
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ServiceDetailFragment } from '@tsunagu/graphql-client';
import { DeleteServiceDocument, ServiceDocument } from '@tsunagu/graphql-client';
import { DescriptionList, PageHeader, type DescriptionItem } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useSession } from '../../app/auth/use-session';
import { ConfirmActionDialog, useConfirmation } from '../../app/confirm-action';
import { BackLink, RecordPage, type RecordTexts } from '../../app/record-page';
import { usePlaceName } from '../../app/place-names';
import { SectionCard } from '../../app/section-card';
import { CapacityBadge, CategoryBadges, ChannelList, OpeningHoursTable } from './service-parts';
import { formatDate, useDirectoryLabels } from './vocabulary';

export function ServicePage() {
  const { id = '' } = useParams();
  const texts: RecordTexts = { title: 'directory.title', notFound: 'directory.notFound', back: 'directory.backToDirectory' };
  return <RecordPage query={useQuery(ServiceDocument, { variables: { id } })} texts={texts} backTo="/directory">{(data) => <ServiceView service={data.service} />}</RecordPage>;
}

function ServiceView({ service }: { service: ServiceDetailFragment }) {
  const { t, i18n } = useTranslation();
  const labels = useDirectoryLabels();
  const { ability } = useSession();
  const navigate = useNavigate();
  const client = useApolloClient();
  const subject = { __typename: 'Service' as const, organizationId: service.organization.id };
  const canEdit = ability.can('update', subject);
  const canDelete = ability.can('delete', subject);
  const [deleteService] = useMutation(DeleteServiceDocument);
  const deleting = useConfirmation(async (doomed: ServiceDetailFragment) => {
    await deleteService({ variables: { id: doomed.id } });
    // Every cached search may hold the service: they are asked again.
    client.cache.evict({ fieldName: 'searchDirectory' });
    client.cache.evict({ id: client.cache.identify(doomed) });
    client.cache.gc();
    navigate('/directory', { replace: true });
  });
  const none = t('directory.notSet');
  const placeName = usePlaceName();

  const ages =
    service.ageMin != null || service.ageMax != null
      ? t('directory.ageRange', { min: service.ageMin ?? '', max: service.ageMax ?? '' })
      : none;

  const basics: DescriptionItem[] = [
    {
      term: t('directory.fields.organization'),
      description: (
        <Anchor component={Link} to={`/organization/profile?organization=${encodeURIComponent(service.organization.id)}`}>
          {service.organization.name}
        </Anchor>
      ),
    },
    { term: t('directory.fields.categories'), description: <CategoryBadges categories={service.categories} /> },
    {
      term: t('directory.fields.targetGroups'),
      description: service.targetGroups.length ? service.targetGroups.map(labels.targetGroup).join(t('directory.listSeparator')) : none,
    },
    { term: t('directory.fields.eligibility'), description: service.eligibility ?? none },
    { term: t('directory.fields.ages'), description: ages },
    {
      term: t('directory.fields.area'),
      description: service.nationwide ? t('directory.nationwide') : service.areaCodes.map(placeName).join(t('directory.listSeparator')) || none,
    },
    { term: t('directory.fields.languages'), description: service.languages.map(labels.language).join(t('directory.listSeparator')) },
    {
      term: t('directory.fields.fee'),
      description: service.feeNote
        ? t('directory.feeWithNote', { fee: t(`directory.fee.${service.fee}`), note: service.feeNote })
        : t(`directory.fee.${service.fee}`),
    },
    {
      term: t('directory.fields.acceptsReferrals'),
      description: service.acceptsReferrals ? t('directory.referralsYes') : t('directory.referralsNo'),
    },
    {
      term: t('directory.fields.lastReviewedOn'),
      description: service.lastReviewedOn ? formatDate(service.lastReviewedOn, i18n.language) : none,
    },
  ];

  return (
    <>
      <PageHeader
        title={service.name}
        description={service.organization.name}
        actions={
          <>
            {canEdit ? (
              <Button component={Link} to={`/directory/services/${service.id}/edit`}>
                {t('common.edit')}
              </Button>
            ) : null}
            {canDelete ? (
              <Button color="red" variant="light" onClick={() => deleting.ask(service)}>
                {t('directory.delete')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <BackLink to="/directory">{t('directory.backToDirectory')}</BackLink>
        {service.nameKana ? (
          <Text c="dimmed" fz="sm" mt={-12}>
            {service.nameKana}
          </Text>
        ) : null}
        <SectionCard id="service-about" title={t('directory.sections.about')}>
          <Stack gap="md">
            {service.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{service.description}</Text> : null}
            <DescriptionList items={basics} label={t('directory.sections.about')} />
          </Stack>
        </SectionCard>
        <SectionCard id="service-capacity" title={t('directory.sections.capacity')}>
          <Stack gap="xs">
            <Group gap="xs">
              <CapacityBadge capacity={service.capacity} />
            </Group>
            {service.capacity === 'WAITLIST' && (service.waitlistNote || service.waitlistExpectedOn) ? (
              <Alert color="yellow" variant="light">
                {service.waitlistNote ? <Text>{service.waitlistNote}</Text> : null}
                {service.waitlistExpectedOn ? (
                  <Text>{t('directory.waitlistExpected', { date: formatDate(service.waitlistExpectedOn, i18n.language) })}</Text>
                ) : null}
              </Alert>
            ) : null}
          </Stack>
        </SectionCard>
        <SectionCard id="service-hours" title={t('directory.sections.hours')}>
          {service.open24h ? (
            <Badge color="grape" variant="light" size="lg" tt="none">
              {t('directory.open24hBadge')}
            </Badge>
          ) : service.openingHours.length ? (
            <Stack gap="xs">
              <Text fz="sm" c="dimmed">
                {t('directory.hoursJapanTime')}
              </Text>
              <OpeningHoursTable periods={service.openingHours} caption={t('directory.sections.hours')} />
            </Stack>
          ) : (
            <Text c="dimmed">{t('directory.hoursUnknown')}</Text>
          )}
        </SectionCard>
        <SectionCard id="service-channels" title={t('directory.sections.channels')}>
          {service.channels.length ? (
            <ChannelList channels={service.channels} showVisibility />
          ) : (
            <Text c="dimmed">{t('directory.noChannels')}</Text>
          )}
        </SectionCard>
      </Stack>
      <ConfirmActionDialog confirmation={deleting} title={t('directory.deleteTitle')} confirmLabel={t('directory.delete')} danger>
        {(doomed) => t('directory.deleteBody', { name: doomed.name })}
      </ConfirmActionDialog>
    </>
  );
}
