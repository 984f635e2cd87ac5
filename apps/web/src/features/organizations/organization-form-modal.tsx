// Admit (create) or edit an organisation. The shared organisation schema checks the 法人番号
// check digit and the 全国地方公共団体コード before anything is sent, with the API's words,
// under each input. Editing also covers the public profile (description, address, contacts,
// logo), not the kind: that has its own previewed step (organization-kind-dialog.tsx).
import { useMutation } from '@apollo/client/react';
import { Fieldset, Modal, Select, Stack } from '@mantine/core';
import { ORGANIZATION_KINDS, organizationInputSchema, type OrganizationKind } from '@tsunagu/domain';
import type { OrganizationRowFragment } from '@tsunagu/graphql-client';
import { CreateOrganizationDocument, OrganizationsDocument, UpdateOrganizationDocument } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { TextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { organizationKindLabel } from '../../app/labels';
import { ModalFormButtons } from '../../app/modal-form-buttons';
import { MunicipalitySelect } from '../../app/place-names';
import { ProfileFields, profileInputOf, profileValuesOf, type ProfileValues } from './profile-fields';

type FormValues = ProfileValues & {
  kind: OrganizationKind;
  name: string;
  nameKana: string;
  corporateNumber: string;
  municipalityCode: string;
};

function valuesOf(organization: OrganizationRowFragment | null): FormValues {
  return {
    kind: organization?.kind ?? 'NPO',
    name: organization?.name ?? '',
    nameKana: organization?.nameKana ?? '',
    corporateNumber: organization?.corporateNumber ?? '',
    municipalityCode: organization?.municipalityCode ?? '',
    ...profileValuesOf(organization),
  };
}

export interface OrganizationFormModalProps {
  organization: OrganizationRowFragment | 'new' | null;
  onClose: () => void;
}

export function OrganizationFormModal({ organization, onClose }: OrganizationFormModalProps) {
  const { t } = useTranslation();
  const isNew = organization === 'new';
  return (
    <Modal
      opened={organization !== null}
      onClose={onClose}
      title={isNew ? t('organizations.createTitle') : t('organizations.editTitle')}
      centered
      size="lg"
    >
      {organization === null ? null : (
        // Keyed so that each organisation (or a new one) starts from its own values.
        <OrganizationForm key={isNew ? 'new' : organization.id} organization={isNew ? null : organization} onClose={onClose} />
      )}
    </Modal>
  );
}

function OrganizationForm({ organization, onClose }: { organization: OrganizationRowFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [createOrganization] = useMutation(CreateOrganizationDocument, { refetchQueries: [OrganizationsDocument] });
  const [updateOrganization] = useMutation(UpdateOrganizationDocument);
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: organizationInputSchema.required({ name: true }),
    initialValues: valuesOf(organization),
    // Admitting takes only the registration fields; editing covers the public profile too.
    toInput: ({ name, nameKana, corporateNumber, municipalityCode, ...rest }: FormValues) => ({
      name,
      nameKana,
      corporateNumber,
      municipalityCode,
      ...(organization ? profileInputOf(rest) : {}),
    }),
  });

  const save = onSubmit(async (input, values) => {
    if (organization) await updateOrganization({ variables: { input: { id: organization.id, ...input } } });
    else await createOrganization({ variables: { input: { kind: values.kind, ...input } } });
    onClose();
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={apiError} />
        <Select
          label={t('organizations.fields.kind')}
          required
          allowDeselect={false}
          data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: organizationKindLabel(t, kind) }))}
          // The kind changes only through its own step (organization-kind-dialog.tsx).
          disabled={organization !== null}
          description={organization ? t('organizations.kindFixed') : undefined}
          {...form.getInputProps('kind')}
        />
        <TextField label={t('organizations.fields.name')} required form={form} name="name" />
        <TextField label={t('organizations.fields.nameKana')} description={t('organizations.help.nameKana')} form={form} name="nameKana" />
        <TextField
          label={t('organizations.fields.corporateNumber')}
          description={t('organizations.help.corporateNumber')}
          inputMode="numeric"
          form={form} name="corporateNumber"
        />
        <MunicipalitySelect
          label={t('organizations.fields.municipalityCode')}
          description={t('organizations.help.municipalityCode')}
          {...form.getInputProps('municipalityCode')}
          onChange={(code) => form.setFieldValue('municipalityCode', code ?? '')}
        />
        {organization ? (
          <Fieldset legend={t('profile.heading')} variant="filled">
            <Stack gap="md">
              <ProfileFields inputProps={form.getInputProps} />
            </Stack>
          </Fieldset>
        ) : null}
        <ModalFormButtons submitLabel={organization ? t('common.save') : t('organizations.create')} submitting={form.submitting} onCancel={onClose} />
      </Stack>
    </form>
  );
}
