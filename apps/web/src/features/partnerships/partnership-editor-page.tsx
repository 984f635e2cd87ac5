// The liaison's editor for a partnership (/partnerships/new and /partnerships/:id/edit): the
// partner organisation from the network, type, title, description, period, review date, budget in
// yen and the contacts of both sides (the list given replaces the stored one). The API checks
// everything again; its messages appear next to the fields they concern.
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Button, Card, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { mayManagePartnerships, type ContactSide, type PartnershipType } from '@tsunagu/domain';
import {
  CreatePartnershipDocument,
  PartnershipDocument,
  UpdatePartnershipDocument,
  type PartnershipDetailFragment,
  type PartnershipInput,
} from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { usePartnerOptions } from './partner-options';
import { usePartnershipLabels } from './vocabulary';

interface ContactValues {
  key: number;
  side: ContactSide;
  name: string;
  jobTitle: string;
  email: string;
  phone: string;
}

interface FormValues {
  partnerOrganizationId: string | null;
  type: PartnershipType | null;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  reviewOn: string;
  budgetYen: number | string;
  contacts: ContactValues[];
}

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

function inputOf(values: FormValues): PartnershipInput {
  return {
    partnerOrganizationId: values.partnerOrganizationId ?? '',
    type: values.type ?? 'INFORMAL',
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

/** Forget the cached lists and the map: they are asked again when next shown. */
export function useForgetPartnershipLists() {
  const client = useApolloClient();
  return () => {
    for (const fieldName of ['partnerships', 'networkMap']) client.cache.evict({ fieldName });
    client.cache.gc();
  };
}

export function NewPartnershipPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const navigate = useNavigate();
  const forget = useForgetPartnershipLists();
  const [create, { loading }] = useMutation(CreatePartnershipDocument);
  const [error, setError] = useState<ApiError | null>(null);
  if (actor && !mayManagePartnerships(actor.organizationKind, actor.roles)) return <Navigate to="/partnerships" replace />;

  const save = async (values: FormValues) => {
    setError(null);
    try {
      const result = await create({ variables: { input: inputOf(values) } });
      forget();
      if (result.data) navigate(`/partnerships/${result.data.createPartnership.id}`);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <>
      <PageHeader title={t('partnerships.editor.newTitle')} description={t('partnerships.editor.help')} />
      <PartnershipForm
        initial={emptyForm}
        submitLabel={t('partnerships.editor.create')}
        saving={loading}
        error={error}
        onSubmit={(values) => void save(values)}
        onCancel={() => navigate('/partnerships')}
      />
    </>
  );
}

export function EditPartnershipPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const forget = useForgetPartnershipLists();
  const { data, loading, error: loadError } = useQuery(PartnershipDocument, { variables: { id } });
  const [update, { loading: saving }] = useMutation(UpdatePartnershipDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const partnership = data?.partnership;

  if (loadError) return <ApiErrorAlert error={readApiError(loadError)} />;
  if (loading || !partnership) return <LoadingState label={t('partnerships.loading')} />;
  if (!partnership.mayManage) return <Navigate to={`/partnerships/${partnership.id}`} replace />;

  const save = async (values: FormValues) => {
    setError(null);
    try {
      await update({ variables: { id: partnership.id, input: inputOf(values) } });
      forget();
      navigate(`/partnerships/${partnership.id}`);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <>
      <PageHeader title={t('partnerships.editor.editTitle', { title: partnership.title })} description={t('partnerships.editor.help')} />
      <PartnershipForm
        initial={valuesOf(partnership)}
        submitLabel={t('common.save')}
        saving={saving}
        error={error}
        onSubmit={(values) => void save(values)}
        onCancel={() => navigate(`/partnerships/${partnership.id}`)}
      />
    </>
  );
}

function PartnershipForm({
  initial,
  submitLabel,
  saving,
  error,
  onSubmit,
  onCancel,
}: {
  initial: FormValues;
  submitLabel: string;
  saving: boolean;
  error: ApiError | null;
  onSubmit: (values: FormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const labels = usePartnershipLabels();
  // A municipality does not partner with itself.
  const partners = usePartnerOptions().filter((option) => option.value !== actor?.organizationId);
  const [values, setValues] = useState<FormValues>(initial);
  const set = (next: Partial<FormValues>) => setValues((current) => ({ ...current, ...next }));
  const setContact = (key: number, next: Partial<ContactValues>) =>
    set({ contacts: values.contacts.map((contact) => (contact.key === key ? { ...contact, ...next } : contact)) });
  const fieldError = (name: string) => error?.fields[name];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('partnerships.editor.formLabel')}>
      <Stack gap="lg" maw={900}>
        <Card withBorder padding="lg">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('partnerships.fields.partner')}
                data={partners}
                value={values.partnerOrganizationId}
                onChange={(value) => set({ partnerOrganizationId: value })}
                searchable
                required
                nothingFoundMessage={t('common.nothingFound')}
                error={fieldError('partnerOrganizationId')}
              />
              <Select
                label={t('partnerships.fields.type')}
                data={labels.typeOptions}
                value={values.type}
                onChange={(value) => set({ type: value as PartnershipType | null })}
                required
                allowDeselect={false}
                error={fieldError('type')}
              />
            </SimpleGrid>
            <TextInput
              label={t('partnerships.fields.title')}
              value={values.title}
              onChange={(event) => set({ title: event.currentTarget.value })}
              required
              maxLength={200}
              error={fieldError('title')}
            />
            <Textarea
              label={t('partnerships.fields.description')}
              value={values.description}
              onChange={(event) => set({ description: event.currentTarget.value })}
              autosize
              minRows={3}
              maxLength={5000}
              error={fieldError('description')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <TextInput
                type="date"
                label={t('partnerships.fields.startsOn')}
                value={values.startsOn}
                onChange={(event) => set({ startsOn: event.currentTarget.value })}
                error={fieldError('startsOn')}
              />
              <TextInput
                type="date"
                label={t('partnerships.fields.endsOn')}
                value={values.endsOn}
                onChange={(event) => set({ endsOn: event.currentTarget.value })}
                error={fieldError('endsOn')}
              />
              <TextInput
                type="date"
                label={t('partnerships.fields.reviewOn')}
                description={t('partnerships.fields.reviewOnHelp')}
                value={values.reviewOn}
                onChange={(event) => set({ reviewOn: event.currentTarget.value })}
                error={fieldError('reviewOn')}
              />
              <NumberInput
                label={t('partnerships.fields.budgetYen')}
                min={0}
                step={10000}
                thousandSeparator=","
                allowDecimal={false}
                value={values.budgetYen}
                onChange={(value) => set({ budgetYen: value })}
                error={fieldError('budgetYen')}
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
                    value={contact.side}
                    allowDeselect={false}
                    onChange={(value) => value && setContact(contact.key, { side: value as ContactSide })}
                  />
                  <TextInput
                    label={t('partnerships.contacts.name')}
                    value={contact.name}
                    required
                    maxLength={200}
                    onChange={(event) => setContact(contact.key, { name: event.currentTarget.value })}
                    error={fieldError(`contacts.${index}.name`)}
                  />
                  <TextInput
                    label={t('partnerships.contacts.jobTitle')}
                    value={contact.jobTitle}
                    maxLength={200}
                    onChange={(event) => setContact(contact.key, { jobTitle: event.currentTarget.value })}
                  />
                  <TextInput
                    type="email"
                    label={t('partnerships.contacts.email')}
                    value={contact.email}
                    maxLength={320}
                    onChange={(event) => setContact(contact.key, { email: event.currentTarget.value })}
                    error={fieldError(`contacts.${index}.email`)}
                  />
                  <TextInput
                    type="tel"
                    label={t('partnerships.contacts.phone')}
                    value={contact.phone}
                    maxLength={40}
                    onChange={(event) => setContact(contact.key, { phone: event.currentTarget.value })}
                    error={fieldError(`contacts.${index}.phone`)}
                  />
                  <Group align="flex-end">
                    <ActionIcon
                      variant="light"
                      color="red"
                      size="lg"
                      aria-label={t('partnerships.contacts.remove', { number: index + 1 })}
                      onClick={() => set({ contacts: values.contacts.filter((entry) => entry.key !== contact.key) })}
                    >
                      <span aria-hidden="true">{'×'}</span>
                    </ActionIcon>
                  </Group>
                </SimpleGrid>
              </Card>
            ))}
            <Group gap="sm">
              <Button variant="default" onClick={() => set({ contacts: [...values.contacts, blankContact('MUNICIPALITY')] })}>
                {t('partnerships.contacts.addMunicipality')}
              </Button>
              <Button variant="default" onClick={() => set({ contacts: [...values.contacts, blankContact('PARTNER')] })}>
                {t('partnerships.contacts.addPartner')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <ApiErrorAlert error={error} />
        <Group gap="sm">
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
