// An organisation's page (団体プロフィール): its public profile — editable by its admins and by
// network admins, read-only for everyone else — and its services in the directory, with a link
// to add one for those who may. The active organisation by default; ?organization=<id> shows
// another organisation of the network (linked from services and the organisations admin).
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Image, Stack, Text } from '@mantine/core';
import type { OrganizationRowFragment } from '@tsunagu/graphql-client';
import { OrganizationDocument, SearchDirectoryDocument, UpdateOrganizationDocument } from '@tsunagu/graphql-client';
import { DescriptionList, LoadingState, PageHeader } from '@tsunagu/ui';
import { organizationInputSchema } from '@tsunagu/domain';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { ConnectionList } from '../../app/connection-list';
import { useSchemaForm } from '../../app/forms';
import { organizationKindLabel } from '../../app/labels';
import { SectionCard } from '../../app/section-card';
import { SectionForm } from '../../app/section-form';
import { CapacityBadge, CategoryBadges } from '../directory/service-parts';
import { ProfileFields, profileInputOf, profileValuesOf } from './profile-fields';

export function OrganizationProfilePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params] = useSearchParams();
  const organizationId = params.get('organization') ?? me?.activeMembership.organization.id ?? '';
  const { data, loading, error } = useQuery(OrganizationDocument, { variables: { id: organizationId } });

  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (!data) {
    return (
      <>
        <PageHeader title={t('profile.title')} />
        <ApiErrorAlert error={readApiError(error)} />
      </>
    );
  }
  return <OrganizationProfile key={data.organization.id} organization={data.organization} />;
}

function OrganizationProfile({ organization }: { organization: OrganizationRowFragment }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const canEdit = ability.can('update', { __typename: 'Organization', id: organization.id });
  return (
    <>
      <PageHeader
        title={organization.name}
        description={t('profile.description', { kind: organizationKindLabel(t, organization.kind) })}
      />
      <Stack gap="lg">
        {canEdit ? <ProfileForm organization={organization} /> : <ProfileView organization={organization} />}
        <OrganizationServices organizationId={organization.id} />
      </Stack>
    </>
  );
}

function ProfileView({ organization }: { organization: OrganizationRowFragment }) {
  const { t } = useTranslation();
  const none = t('directory.notSet');
  return (
    <SectionCard id="profile-heading" title={t('profile.heading')}>
      <Stack gap="md">
        {organization.logoUrl ? <Image src={organization.logoUrl} alt="" h={64} w="auto" fit="contain" /> : null}
        {organization.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{organization.description}</Text> : null}
        <DescriptionList
          label={t('profile.heading')}
          items={[
            { term: t('profile.fields.postalCode'), description: organization.postalCode ?? none },
            { term: t('profile.fields.address'), description: organization.address ?? none },
            {
              term: t('profile.fields.website'),
              description: organization.website ? (
                <Anchor href={organization.website} target="_blank" rel="noopener noreferrer">
                  {organization.website}
                </Anchor>
              ) : (
                none
              ),
            },
            {
              term: t('profile.fields.phone'),
              description: organization.phone ? <Anchor href={`tel:${organization.phone}`}>{organization.phone}</Anchor> : none,
            },
            {
              term: t('profile.fields.email'),
              description: organization.email ? <Anchor href={`mailto:${organization.email}`}>{organization.email}</Anchor> : none,
            },
          ]}
        />
      </Stack>
    </SectionCard>
  );
}

function ProfileForm({ organization }: { organization: OrganizationRowFragment }) {
  const { t } = useTranslation();
  const [updateOrganization] = useMutation(UpdateOrganizationDocument);
  const profileForm = useSchemaForm({
    schema: organizationInputSchema,
    initialValues: profileValuesOf(organization),
    toInput: profileInputOf,
  });
  const { form } = profileForm;

  return (
    <SectionForm
      id="profile-heading"
      title={t('profile.heading')}
      description={t('profile.editHelp')}
      schemaForm={profileForm}
      send={(input) => updateOrganization({ variables: { input: { id: organization.id, ...input } } })}
      done={t('profile.saved')}
      submitLabel={t('common.save')}
      maw={640}
    >
      <ProfileFields inputProps={form.getInputProps} />
    </SectionForm>
  );
}

function OrganizationServices({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const canCreate = ability.can('create', { __typename: 'Service', organizationId });
  const query = useQuery(SearchDirectoryDocument, {
    variables: { input: { organizationId }, first: 50 },
  });
  const addLink = `/directory/services/new?organization=${encodeURIComponent(organizationId)}`;
  return (
    <SectionCard
      id="organization-services-heading"
      title={t('profile.services')}
      actions={
        canCreate ? (
          <Button component={Link} to={addLink} size="sm">
            {t('directory.addService')}
          </Button>
        ) : null
      }
    >
      <ConnectionList
        query={query}
        connection={query.data?.searchDirectory.services}
        label={t('profile.services')}
        empty={t('profile.noServices')}
        gap="xs"
        renderItem={(service) => (
          <Group gap="sm" wrap="wrap" justify="space-between">
            <Anchor component={Link} to={`/directory/services/${service.id}`} fw={600}>
              {service.name}
            </Anchor>
            <Group gap={4}>
              <CategoryBadges categories={service.categories} />
              <CapacityBadge capacity={service.capacity} />
            </Group>
          </Group>
        )}
      />
    </SectionCard>
  );
}
