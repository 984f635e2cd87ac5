// Admit (create) or edit an organisation. The API checks the 法人番号 check digit and the
// 全国地方公共団体コード and names the faulty fields; their messages appear under each input.
// Editing also covers the public profile (description, address, contacts, logo), not the kind:
// that has its own previewed step (organization-kind-dialog.tsx).
import { useMutation } from '@apollo/client/react';
import { Button, Fieldset, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@tsunagu/domain';
import type { OrganizationRowFragment } from '@tsunagu/graphql-client';
import { CreateOrganizationDocument, OrganizationsDocument, UpdateOrganizationDocument } from '@tsunagu/graphql-client';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { organizationKindLabel } from '../../app/labels';
import { ProfileFields, profileInputOf, profileValuesOf, type ProfileValues } from './profile-fields';

interface FormValues extends ProfileValues {
  kind: OrganizationKind;
  name: string;
  nameKana: string;
  corporateNumber: string;
  municipalityCode: string;
}

const blank: FormValues = {
  kind: 'NPO',
  name: '',
  nameKana: '',
  corporateNumber: '',
  municipalityCode: '',
  ...profileValuesOf(null),
};

function valuesOf(organization: OrganizationRowFragment): FormValues {
  return {
    kind: organization.kind,
    name: organization.name,
    nameKana: organization.nameKana ?? '',
    corporateNumber: organization.corporateNumber ?? '',
    municipalityCode: organization.municipalityCode ?? '',
    ...profileValuesOf(organization),
  };
}

/** Blank optional text is sent as null, which clears the field. */
function optional(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

export interface OrganizationFormModalProps {
  organization: OrganizationRowFragment | 'new' | null;
  onClose: () => void;
}

export function OrganizationFormModal({ organization, onClose }: OrganizationFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(blank);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [createOrganization, creating] = useMutation(CreateOrganizationDocument, {
    refetchQueries: [OrganizationsDocument],
  });
  const [updateOrganization, updating] = useMutation(UpdateOrganizationDocument);

  useEffect(() => {
    setValues(organization && organization !== 'new' ? valuesOf(organization) : blank);
    setAttempted(false);
    setError(null);
  }, [organization]);

  const isNew = organization === 'new';
  const set = (field: keyof FormValues) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const nameMissing = attempted && values.name.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    if (values.name.trim() === '' || organization === null) return;
    const fields = {
      name: values.name.trim(),
      nameKana: optional(values.nameKana),
      corporateNumber: optional(values.corporateNumber),
      municipalityCode: optional(values.municipalityCode),
    };
    try {
      if (organization === 'new') await createOrganization({ variables: { input: { kind: values.kind, ...fields } } });
      else {
        // The public profile is edited here too (admitting takes only the registration fields).
        await updateOrganization({ variables: { input: { id: organization.id, ...fields, ...profileInputOf(values) } } });
      }
      onClose();
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Modal
      opened={organization !== null}
      onClose={onClose}
      title={isNew ? t('organizations.createTitle') : t('organizations.editTitle')}
      centered
      size="lg"
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <ApiErrorAlert error={error} />
          <Select
            label={t('organizations.fields.kind')}
            required
            allowDeselect={false}
            value={values.kind}
            onChange={(kind) => kind && set('kind')(kind)}
            data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: organizationKindLabel(t, kind) }))}
            // The kind changes only through its own step (organization-kind-dialog.tsx).
            disabled={!isNew}
            description={isNew ? undefined : t('organizations.kindFixed')}
            error={error?.fields['kind']}
          />
          <TextInput
            label={t('organizations.fields.name')}
            required
            value={values.name}
            onChange={(event) => set('name')(event.currentTarget.value)}
            error={nameMissing ? t('validation.required') : error?.fields['name']}
          />
          <TextInput
            label={t('organizations.fields.nameKana')}
            description={t('organizations.help.nameKana')}
            value={values.nameKana}
            onChange={(event) => set('nameKana')(event.currentTarget.value)}
            error={error?.fields['nameKana']}
          />
          <TextInput
            label={t('organizations.fields.corporateNumber')}
            description={t('organizations.help.corporateNumber')}
            inputMode="numeric"
            value={values.corporateNumber}
            onChange={(event) => set('corporateNumber')(event.currentTarget.value)}
            error={error?.fields['corporateNumber']}
          />
          <TextInput
            label={t('organizations.fields.municipalityCode')}
            description={t('organizations.help.municipalityCode')}
            inputMode="numeric"
            value={values.municipalityCode}
            onChange={(event) => set('municipalityCode')(event.currentTarget.value)}
            error={error?.fields['municipalityCode']}
          />
          {isNew ? null : (
            <Fieldset legend={t('profile.heading')} variant="filled">
              <Stack gap="md">
                <ProfileFields values={values} onChange={(field, value) => set(field)(value)} errors={error?.fields} />
              </Stack>
            </Fieldset>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={creating.loading || updating.loading}>
              {isNew ? t('organizations.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
