// Adding a service (/directory/services/new, for the active organisation or ?organization=<id>)
// and editing one (/directory/services/:id/edit). Only the organisation's admins and
// coordinators may; others see why not. After saving, the service page opens.
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Anchor } from '@mantine/core';
import type { ServiceInput } from '@tsunagu/graphql-client';
import { CreateServiceDocument, OrganizationDocument, ServiceDocument, UpdateServiceDocument } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { blankService, ServiceForm, valuesOfService } from './service-form';

/** Cached searches may now be out of date: they are asked again when next shown. */
function useForgetSearches() {
  const client = useApolloClient();
  return () => {
    client.cache.evict({ fieldName: 'searchDirectory' });
    client.cache.gc();
  };
}

export function NewServicePage() {
  const { t } = useTranslation();
  const { me, ability } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const forgetSearches = useForgetSearches();
  const organizationId = params.get('organization') ?? me?.activeMembership.organization.id ?? '';
  const allowed = ability.can('create', { __typename: 'Service', organizationId });
  const organization = useQuery(OrganizationDocument, { variables: { id: organizationId }, skip: !allowed });
  const [createService] = useMutation(CreateServiceDocument);

  const save = async (input: ServiceInput) => {
    const result = await createService({ variables: { input, organizationId } });
    forgetSearches();
    if (result.data) navigate(`/directory/services/${result.data.createService.id}`, { replace: true });
  };

  const loaded = organization.data?.organization;
  return (
    <RequireAbility allowed={allowed}>
      <PageHeader
        title={t('directory.createTitle')}
        description={loaded ? t('directory.createDescription', { organization: loaded.name }) : undefined}
      />
      {organization.error ? <ApiErrorAlert error={readApiError(organization.error)} /> : null}
      {organization.loading ? <LoadingState label={t('common.loading')} /> : null}
      {loaded ? (
        <ServiceForm
          initial={blankService(loaded.municipalityCode ?? null)}
          submitLabel={t('directory.create')}
          onSave={save}
          onCancel={() => navigate(-1)}
        />
      ) : null}
    </RequireAbility>
  );
}

export function EditServicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { ability } = useSession();
  const navigate = useNavigate();
  const forgetSearches = useForgetSearches();
  const { data, loading, error: loadError } = useQuery(ServiceDocument, { variables: { id } });
  const [updateService] = useMutation(UpdateServiceDocument);

  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (!data) {
    return (
      <>
        <PageHeader title={t('directory.editTitle')} />
        <ApiErrorAlert error={readApiError(loadError)} />
        <Anchor component={Link} to="/directory">
          {t('directory.backToDirectory')}
        </Anchor>
      </>
    );
  }
  const service = data.service;
  const allowed = ability.can('update', { __typename: 'Service', organizationId: service.organization.id });

  const save = async (input: ServiceInput) => {
    await updateService({ variables: { id: service.id, input } });
    forgetSearches();
    navigate(`/directory/services/${service.id}`);
  };

  return (
    <RequireAbility allowed={allowed}>
      <PageHeader title={t('directory.editTitle')} description={`${service.name} — ${service.organization.name}`} />
      <ServiceForm
        initial={valuesOfService(service)}
        submitLabel={t('common.save')}
        onSave={save}
        onCancel={() => navigate(`/directory/services/${service.id}`)}
      />
    </RequireAbility>
  );
}
