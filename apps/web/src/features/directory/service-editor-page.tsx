// Adding a service (/directory/services/new, for the active organisation or ?organization=<id>)
// and editing one (/directory/services/:id/edit). Only the organisation's admins and
// coordinators may; others see why not. After saving, the service page opens. Editing goes
// through the shared editor route (app/editor-page), like every other record's editor.
import { useMutation, useQuery } from '@apollo/client/react';
import type { ServiceDetailFragment, ServiceInput } from '@tsunagu/graphql-client';
import { CreateServiceDocument, OrganizationDocument, ServiceDocument, UpdateServiceDocument } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { AbilityPage } from '../../app/ability-page';
import { useSession } from '../../app/auth/use-session';
import { useForgetQueries } from '../../app/cache';
import { EditRecordRoute, useUpdateRecord } from '../../app/editor-page';
import { blankService, ServiceForm, valuesOfService } from './service-form';

const searchFields = ['searchDirectory'];

/** Cached searches may now be out of date: they are asked again when next shown. */
function useForgetSearches() {
  return useForgetQueries(searchFields);
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
    <AbilityPage
      allowed={allowed}
      title={t('directory.createTitle')}
      description={loaded ? t('directory.createDescription', { organization: loaded.name }) : undefined}
    >
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
    </AbilityPage>
  );
}

export function EditServicePage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <EditRecordRoute
      query={ServiceDocument}
      pick={(data) => data.service}
      title={t('directory.editTitle')}
      back={{ to: '/directory', label: t('directory.backToDirectory') }}
      mayEdit={(service) => ability.can('update', { __typename: 'Service', organizationId: service.organization.id })}
    >
      {(service) => <ServiceEditor key={service.id} service={service} />}
    </EditRecordRoute>
  );
}

function ServiceEditor({ service }: { service: ServiceDetailFragment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const forget = useForgetSearches();
  const recordPath = `/directory/services/${service.id}`;
  const { save } = useUpdateRecord(UpdateServiceDocument, service.id, { forget, recordPath });
  return (
    <>
      <PageHeader title={t('directory.editTitle')} description={`${service.name} — ${service.organization.name}`} />
      <ServiceForm initial={valuesOfService(service)} submitLabel={t('common.save')} onSave={save} onCancel={() => navigate(recordPath)} />
    </>
  );
}
