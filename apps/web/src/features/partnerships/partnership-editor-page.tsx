// The liaison's editor for a partnership (/partnerships/new and /partnerships/:id/edit): the
// partner organisation from the network, type, title, description, period, review date, budget in
// yen and the contacts of both sides (the list given replaces the stored one). The form checks with
// the API's own schema (partnershipInputSchema); messages appear next to the fields they concern.
import { ActionIcon, Button, Card, Fieldset, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { partnershipInputSchema, type ContactSide, type PartnershipType } from '@tsunagu/domain';
import {
  CreatePartnershipDocument,
  PartnershipDocument,
  UpdatePartnershipDocument,
  type PartnershipDetailFragment,
  type PartnershipInput,
} from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { useSession } from '../../app/auth/use-session';
import { useForgetQueries } from '../../app/cache';
import { EditRecordRoute, FormActions, useCreateRecord, useUpdateRecord } from '../../app/editor-page';
import { LongTextField, TextField, YenField } from '../../app/form-fields';
import { useSchemaForm, type SchemaForm } from '../../app/forms';
import { usePartnerOptions } from './partner-options';
import { usePartnershipLabels } from './vocabulary';

type ContactValues = {
  key: number;
  side: ContactSide;
  name: string;
  jobTitle: string;
  email: string;
  phone: string;
};

type FormValues = {
  partnerOrganizationId: string | null;
  type: PartnershipType | null;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  reviewOn: string;
  budgetYen: number | string;
  contacts: ContactValues[];
};

let nextContactKey = 1;
const blankContact = (side: ContactSide): ContactValues => ({ key: nextContactKey++, side, name: '', jobTitle: '', email: '', phone: '' });

const emptyForm: FormValues = {
  partnerOrganizationId: null,
  type: null,
  title: '',
  description: '',
  startsOn: '',
  endsOn: '',
  reviewOn: '',
  budgetYen: '',
  contacts: [],
};

function valuesOf(partnership: PartnershipDetailFragment): FormValues {
  return {
    partnerOrganizationId: partnership.partner.id,
    type: partnership.type,
    title: partnership.title,
    description: partnership.description,
    startsOn: partnership.startsOn ?? '',
    endsOn: partnership.endsOn ?? '',
    reviewOn: partnership.reviewOn ?? '',
    budgetYen: partnership.budgetYen ?? '',
    contacts: partnership.contacts.map((contact) => ({
      key: nextContactKey++,
      side: contact.side,
      name: contact.name,
      jobTitle: contact.jobTitle ?? '',
      email: contact.email ?? '',
      phone: contact.phone ?? '',
    })),
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : null);

/** The input as the form holds it: an unchosen type stays null, so the schema names it. */
type PartnershipDraft = Omit<PartnershipInput, 'type'> & { type: PartnershipType | null };

function inputOf(values: FormValues): PartnershipDraft {
  return {
    partnerOrganizationId: values.partnerOrganizationId ?? '',
    type: values.type,
    title: values.title.trim(),
    description: values.description.trim(),
    startsOn: optional(values.startsOn),
    endsOn: optional(values.endsOn),
    reviewOn: optional(values.reviewOn),
    budgetYen: typeof values.budgetYen === 'number' ? values.budgetYen : null,
    // Rows left completely empty are not contacts.
    contacts: values.contacts
      .filter((contact) => contact.name.trim() || contact.jobTitle.trim() || contact.email.trim() || contact.phone.trim())
      .map((contact) => ({
        side: contact.side,
        name: contact.name.trim(),
        jobTitle: optional(contact.jobTitle),
        email: optional(contact.email),
        phone: optional(contact.phone),
      })),
  };
}

const partnershipListFields = ['partnerships', 'networkMap'];

/** Forget the cached lists and the map: they are asked again when next shown. */
export function useForgetPartnershipLists() {
  return useForgetQueries(partnershipListFields);
}

type PartnershipSchemaForm = SchemaForm<FormValues, typeof partnershipInputSchema>;

function usePartnershipForm(initialValues: FormValues): PartnershipSchemaForm {
  return useSchemaForm({ schema: partnershipInputSchema, initialValues, toInput: inputOf });
}

export function NewPartnershipPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const navigate = useNavigate();
  const forget = useForgetPartnershipLists();
  const { create, saving } = useCreateRecord(CreatePartnershipDocument, { forget, recordPath: (data) => `/partnerships/${data.createPartnership.id}` });
  const partnershipForm = usePartnershipForm(emptyForm);
  if (!ability.can('create', 'Partnership')) return <Navigate to="/partnerships" replace />;

  const submit = partnershipForm.onSubmit((checked, values) => create({ ...inputOf(values), type: checked.type }));

  return (
    <>
      <PageHeader title={t('partnerships.editor.newTitle')} description={t('partnerships.editor.help')} />
      <PartnershipForm
        partnershipForm={partnershipForm}
        submitLabel={t('partnerships.editor.create')}
        saving={saving}
        onSubmit={submit}
        onCancel={() => navigate('/partnerships')}
      />
    </>
  );
}

export function EditPartnershipPage() {
  return (
    <EditRecordRoute
      query={PartnershipDocument}
      pick={(data) => data.partnership}
      mayEdit={(partnership) => partnership.mayManage}
      denied={(id) => <Navigate to={`/partnerships/${id}`} replace />}
    >
      {(partnership) => <PartnershipEditor key={partnership.id} partnership={partnership} />}
    </EditRecordRoute>
  );
}

function PartnershipEditor({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const forget = useForgetPartnershipLists();
  const recordPath = `/partnerships/${partnership.id}`;
  const { save, saving } = useUpdateRecord(UpdatePartnershipDocument, partnership.id, { forget, recordPath });
  const partnershipForm = usePartnershipForm(valuesOf(partnership));

  const submit = partnershipForm.onSubmit((checked, values) => save({ ...inputOf(values), type: checked.type }));

  return (
    <>
      <PageHeader title={t('partnerships.editor.editTitle', { title: partnership.title })} description={t('partnerships.editor.help')} />
      <PartnershipForm
        partnershipForm={partnershipForm}
        submitLabel={t('common.save')}
        saving={saving}
        onSubmit={submit}
        onCancel={() => navigate(recordPath)}
      />
    </>
  );
}

function PartnershipForm({
  partnershipForm: { form, apiError },
  submitLabel,
  saving,
  onSubmit,
  onCancel,
}: {
  partnershipForm: PartnershipSchemaForm;
  submitLabel: string;
  saving: boolean;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const labels = usePartnershipLabels();
  // A municipality does not partner with itself.
  const partners = usePartnerOptions().filter((option) => option.value !== actor?.organizationId);
  const values = form.values;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('partnerships.editor.formLabel')}>
      <Stack gap="lg" maw={900}>
        <Card withBorder padding="lg">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('partnerships.fields.partner')}
                data={partners}
                {...form.getInputProps('partnerOrganizationId')}
                searchable
                required
                nothingFoundMessage={t('common.nothingFound')}
              />
              <Select
                label={t('partnerships.fields.type')}
                data={labels.typeOptions}
                {...form.getInputProps('type')}
                required
                allowDeselect={false}
              />
            </SimpleGrid>
            <TextField
              label={t('partnerships.fields.title')}
              form={form} name="title"
              required
            />
            <LongTextField
              label={t('partnerships.fields.description')}
              form={form} name="description"
              rows={3}
            />
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <TextField
                type="date"
                label={t('partnerships.fields.startsOn')}
                form={form} name="startsOn"
              />
              <TextField
                type="date"
                label={t('partnerships.fields.endsOn')}
                form={form} name="endsOn"
              />
              <TextField
                type="date"
                label={t('partnerships.fields.reviewOn')}
                description={t('partnerships.fields.reviewOnHelp')}
                form={form} name="reviewOn"
              />
              <YenField
                label={t('partnerships.fields.budgetYen')}
                step={10000}
                form={form} name="budgetYen"
              />
            </SimpleGrid>
          </Stack>
        </Card>

        <Fieldset legend={t('partnerships.contacts.title')}>
          <Stack gap="md">
            {values.contacts.length === 0 ? <Text c="dimmed">{t('partnerships.contacts.none')}</Text> : null}
            {values.contacts.map((contact, index) => (
              <Card key={contact.key} withBorder padding="sm" role="group" aria-label={t('partnerships.contacts.number', { number: index + 1 })}>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                  <Select
                    label={t('partnerships.contacts.side')}
                    data={(['MUNICIPALITY', 'PARTNER'] as const).map((side) => ({ value: side, label: labels.contactSide(side) }))}
                    allowDeselect={false}
                    {...form.getInputProps(`contacts.${index}.side`)}
                  />
                  <TextField
                    label={t('partnerships.contacts.name')}
                    required
                    form={form} name={`contacts.${index}.name`}
                  />
                  <TextField
                    label={t('partnerships.contacts.jobTitle')}
                    form={form} name={`contacts.${index}.jobTitle`}
                  />
                  <TextField
                    type="email"
                    label={t('partnerships.contacts.email')}
                    form={form} name={`contacts.${index}.email`}
                  />
                  <TextField
                    type="tel"
                    label={t('partnerships.contacts.phone')}
                    form={form} name={`contacts.${index}.phone`}
                  />
                  <Group align="flex-end">
                    <ActionIcon
                      variant="light"
                      color="red"
                      size="lg"
                      aria-label={t('partnerships.contacts.remove', { number: index + 1 })}
                      onClick={() => form.removeListItem('contacts', index)}
                    >
                      <span aria-hidden="true">{'×'}</span>
                    </ActionIcon>
                  </Group>
                </SimpleGrid>
              </Card>
            ))}
            <Group gap="sm">
              <Button variant="default" onClick={() => form.insertListItem('contacts', blankContact('MUNICIPALITY'))}>
                {t('partnerships.contacts.addMunicipality')}
              </Button>
              <Button variant="default" onClick={() => form.insertListItem('contacts', blankContact('PARTNER'))}>
                {t('partnerships.contacts.addPartner')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <FormActions error={apiError} submitLabel={submitLabel} saving={saving} onCancel={onCancel} cancelDisabled={saving} />
      </Stack>
    </form>
  );
}
