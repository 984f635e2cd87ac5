// Recording a consent the person gave: which categories (ordinary ones, or — as its own,
// explicit consent — the special-care ones), to whom (named organisations of my network and/or
// every organisation of a kind), for which purposes, how long, how it was obtained and the
// evidence. A plain-language summary at the top can be read aloud to the person.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Checkbox, FileInput, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  consentInputSchema,
  endOfJapanDay,
  ORGANIZATION_KINDS,
  PERSONAL_DATA_CATEGORIES,
  SPECIAL_CARE_CATEGORIES,
  startOfJapanDay,
  type ConsentMethod,
  type ConsentPurpose,
  type OrganizationKind,
  type PersonalDataCategory,
} from '@tsunagu/domain';
import { MembersDocument, OrganizationsDocument, RecordConsentDocument, type PersonDetailFragment } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { LongTextField, TextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { organizationKindLabel } from '../../app/labels';
import { ModalFormButtons } from '../../app/modal-form-buttons';
import { formatDate } from '../directory/vocabulary';
import { japanDayYearsAhead, readFileAsBase64, usePeopleLabels } from './vocabulary';

/** What the inputs hold: the input's fields, the days as typed, and the chosen file with its content once read. */
type ConsentFormValues = {
  categories: PersonalDataCategory[];
  recipientOrganizationIds: string[];
  recipientKinds: OrganizationKind[];
  purposes: ConsentPurpose[];
  validFrom: string;
  validUntil: string;
  method: ConsentMethod;
  obtainedByMembershipId: string | null;
  evidenceNote: string;
  evidenceFile: File | null;
  evidenceContent: string | null;
  specialCareExplained: boolean;
};

export function ConsentForm({
  person,
  specialCare,
  opened,
  onClose,
}: {
  person: PersonDetailFragment;
  specialCare: boolean;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const offered = PERSONAL_DATA_CATEGORIES.codes.filter((code) => SPECIAL_CARE_CATEGORIES.includes(code) === specialCare);
  const [record] = useMutation(RecordConsentDocument, { refetchQueries: ['Consents', 'Person'] });
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: consentInputSchema,
    initialValues: {
      categories: [],
      recipientOrganizationIds: [],
      recipientKinds: [],
      purposes: ['REFERRAL'],
      validFrom: japanDayYearsAhead(),
      validUntil: japanDayYearsAhead(1),
      method: 'WRITTEN',
      obtainedByMembershipId: null,
      evidenceNote: '',
      evidenceFile: null,
      evidenceContent: null,
      specialCareExplained: false,
    } satisfies ConsentFormValues as ConsentFormValues,
    toInput: (values: ConsentFormValues) => ({
      personId: person.id,
      categories: values.categories,
      purposes: values.purposes,
      recipientOrganizationIds: values.recipientOrganizationIds,
      recipientKinds: values.recipientKinds,
      validFrom: startOfJapanDay(values.validFrom),
      validUntil: values.validUntil ? endOfJapanDay(values.validUntil) : null,
      method: values.method,
      obtainedByMembershipId: values.obtainedByMembershipId,
      evidenceNote: values.evidenceNote,
      evidenceFile: values.evidenceFile
        ? { fileName: values.evidenceFile.name, mediaType: values.evidenceFile.type, contentBase64: values.evidenceContent ?? '' }
        : null,
      specialCareExplained: specialCare && values.specialCareExplained,
    }),
  });
  const { values } = form;

  const { data: organizationsData } = useQuery(OrganizationsDocument, { variables: { first: 200 } });
  const organizations = (organizationsData?.organizations.nodes ?? []).filter((organization) => organization.id !== person.ownerOrganizationId);
  const { data: membersData } = useQuery(MembersDocument, { variables: { organizationId: person.ownerOrganizationId, first: 100 } });
  const members = (membersData?.members.nodes ?? []).filter((member) => !member.disabled);

  const recipientNames = [
    ...organizations.filter((organization) => values.recipientOrganizationIds.includes(organization.id)).map((organization) => organization.name),
    ...values.recipientKinds.map((kind) => t('people.consents.allOfKind', { kind: organizationKindLabel(t, kind) })),
  ];
  const blank = t('people.consentForm.blank');
  const summary = t('people.consentForm.summary', {
    categories: values.categories.length ? labels.list(values.categories.map(labels.category)) : blank,
    recipients: recipientNames.length ? labels.list(recipientNames) : blank,
    purposes: values.purposes.length ? labels.list(values.purposes.map(labels.purpose)) : blank,
    until: values.validUntil ? formatDate(values.validUntil, labels.language) : t('people.consentForm.noEnd'),
  });

  // The file is read when it is chosen, so the schema can weigh its content as the API will.
  const chooseFile = (file: File | null) => {
    form.setFieldValue('evidenceFile', file);
    form.setFieldValue('evidenceContent', null);
    if (file) void readFileAsBase64(file).then((content) => form.setFieldValue('evidenceContent', content));
  };

  const submit = onSubmit(async (input) => {
    await record({
      variables: {
        input: {
          ...input,
          validFrom: input.validFrom.toISOString(),
          validUntil: input.validUntil?.toISOString() ?? null,
          obtainedAt: input.obtainedAt?.toISOString() ?? null,
        },
      },
    });
    onClose();
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={specialCare ? t('people.consents.recordSpecialCare') : t('people.consents.record')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert color="blue" variant="light" title={t('people.consentForm.summaryTitle')}>
            <Text data-testid="consent-summary">{summary}</Text>
          </Alert>
          <Checkbox.Group
            label={t('people.consents.categories')}
            withAsterisk
            {...form.getInputProps('categories')}
            onChange={(codes) => form.setFieldValue('categories', offered.filter((code) => codes.includes(code)))}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {offered.map((code) => (
                <Checkbox key={code} value={code} label={labels.category(code)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <MultiSelect
            label={t('people.consentForm.organizations')}
            description={t('people.consentForm.organizationsHelp')}
            data={organizations.map((organization) => ({ value: organization.id, label: organization.name }))}
            {...form.getInputProps('recipientOrganizationIds')}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
          />
          <Checkbox.Group
            label={t('people.consentForm.kinds')}
            {...form.getInputProps('recipientKinds')}
            onChange={(codes) => form.setFieldValue('recipientKinds', ORGANIZATION_KINDS.filter((code) => codes.includes(code)))}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {ORGANIZATION_KINDS.map((kind) => (
                <Checkbox key={kind} value={kind} label={organizationKindLabel(t, kind)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('people.consents.purposes')}
            withAsterisk
            {...form.getInputProps('purposes')}
            onChange={(codes) => form.setFieldValue('purposes', CONSENT_PURPOSES.codes.filter((code) => codes.includes(code)))}
          >
            <Stack gap={6} mt={6}>
              {CONSENT_PURPOSES.codes.map((code) => (
                <Checkbox key={code} value={code} label={labels.purpose(code)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group gap="md" align="flex-start">
            <TextField
              type="date"
              label={t('people.consentForm.validFrom')}
              required
              form={form} name="validFrom"
              w={200}
            />
            <TextField
              type="date"
              label={t('people.consentForm.validUntil')}
              description={t('people.consentForm.validUntilHelp')}
              form={form} name="validUntil"
              w={200}
            />
          </Group>
          <Group gap="md" align="flex-start">
            <Select
              label={t('people.consents.method')}
              data={labels.options(CONSENT_METHODS)}
              {...form.getInputProps('method')}
              allowDeselect={false}
              w={220}
            />
            <Select
              label={t('people.consents.obtainedBy')}
              placeholder={t('people.consentForm.obtainedByMe')}
              data={members.map((member) => ({ value: member.id, label: member.user.displayName }))}
              {...form.getInputProps('obtainedByMembershipId')}
              clearable
              w={260}
            />
          </Group>
          <LongTextField
            label={t('people.consents.evidenceNote')}
            description={t('people.consentForm.evidenceNoteHelp')}
            rows={2}
            form={form} name="evidenceNote"
          />
          <FileInput
            label={t('people.consents.evidenceFile')}
            description={t('people.consentForm.evidenceFileHelp')}
            {...form.getInputProps('evidenceFile')}
            onChange={chooseFile}
            clearable
          />
          {specialCare ? (
            <Checkbox
              label={t('people.consentForm.specialCareExplained')}
              {...form.getInputProps('specialCareExplained', { type: 'checkbox' })}
            />
          ) : null}
          <ApiErrorAlert error={apiError} />
          <ModalFormButtons submitLabel={t('people.consentForm.submit')} submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
