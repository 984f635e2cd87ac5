// Recording a consent the person gave: which categories (ordinary ones, or — as its own,
// explicit consent — the special-care ones), to whom (named organisations of my network and/or
// every organisation of a kind), for which purposes, how long, how it was obtained and the
// evidence. A plain-language summary at the top can be read aloud to the person.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Checkbox, FileInput, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Button } from '@mantine/core';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  ORGANIZATION_KINDS,
  PERSONAL_DATA_CATEGORIES,
  SPECIAL_CARE_CATEGORIES,
  type ConsentMethod,
  type ConsentPurpose,
  type OrganizationKind,
  type PersonalDataCategory,
} from '@tsunagu/domain';
import { MembersDocument, OrganizationsDocument, RecordConsentDocument, type PersonDetailFragment } from '@tsunagu/graphql-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { organizationKindLabel } from '../../app/labels';
import { formatDate } from '../directory/vocabulary';
import { endOfTokyoDay, readFileAsBase64, startOfTokyoDay, tokyoDate, usePeopleLabels } from './vocabulary';

const MAX_EVIDENCE_BYTES = 4 * 1024 * 1024;

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
  const [categories, setCategories] = useState<PersonalDataCategory[]>([]);
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [kinds, setKinds] = useState<OrganizationKind[]>([]);
  const [purposes, setPurposes] = useState<ConsentPurpose[]>(['REFERRAL']);
  const [validFrom, setValidFrom] = useState(tokyoDate());
  const [validUntil, setValidUntil] = useState(tokyoDate(1));
  const [method, setMethod] = useState<ConsentMethod>('WRITTEN');
  const [obtainedBy, setObtainedBy] = useState<string | null>(null);
  const [evidenceNote, setEvidenceNote] = useState('');
  const [evidenceFile, setEvidenceFile] = useState<File | null>(null);
  const [explained, setExplained] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [record, { loading }] = useMutation(RecordConsentDocument, { refetchQueries: ['Consents', 'Person'] });

  const { data: organizationsData } = useQuery(OrganizationsDocument, { variables: { first: 200 } });
  const organizations = (organizationsData?.organizations.nodes ?? []).filter((organization) => organization.id !== person.ownerOrganizationId);
  const { data: membersData } = useQuery(MembersDocument, { variables: { organizationId: person.ownerOrganizationId, first: 100 } });
  const members = (membersData?.members.nodes ?? []).filter((member) => !member.disabled);

  const list = (values: readonly string[]) => values.join(t('people.listSeparator'));
  const recipientNames = [
    ...organizations.filter((organization) => organizationIds.includes(organization.id)).map((organization) => organization.name),
    ...kinds.map((kind) => t('people.consents.allOfKind', { kind: organizationKindLabel(t, kind) })),
  ];
  const blank = t('people.consentForm.blank');
  const summary = t('people.consentForm.summary', {
    categories: categories.length ? list(categories.map(labels.category)) : blank,
    recipients: recipientNames.length ? list(recipientNames) : blank,
    purposes: purposes.length ? list(purposes.map(labels.purpose)) : blank,
    until: validUntil ? formatDate(validUntil, labels.language) : t('people.consentForm.noEnd'),
  });

  const problems = {
    categories: categories.length === 0,
    recipients: organizationIds.length === 0 && kinds.length === 0,
    purposes: purposes.length === 0,
    validFrom: !validFrom,
    explained: specialCare && !explained,
    evidenceFile: (evidenceFile?.size ?? 0) > MAX_EVIDENCE_BYTES,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    if (Object.values(problems).some(Boolean)) return;
    try {
      const evidence = evidenceFile
        ? {
            fileName: evidenceFile.name,
            mediaType: evidenceFile.type || 'application/octet-stream',
            contentBase64: await readFileAsBase64(evidenceFile),
          }
        : null;
      await record({
        variables: {
          input: {
            personId: person.id,
            categories,
            recipientOrganizationIds: organizationIds,
            recipientKinds: kinds,
            purposes,
            validFrom: startOfTokyoDay(validFrom),
            validUntil: validUntil ? endOfTokyoDay(validUntil) : null,
            method,
            obtainedByMembershipId: obtainedBy,
            evidenceNote: evidenceNote.trim() || null,
            evidenceFile: evidence,
            specialCareExplained: specialCare ? explained : false,
          },
        },
      });
      onClose();
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  const shown = (key: keyof typeof problems, message: string, apiField?: string) =>
    attempted && problems[key] ? message : apiField ? error?.fields[apiField] : undefined;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={specialCare ? t('people.consents.recordSpecialCare') : t('people.consents.record')}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Alert color="blue" variant="light" title={t('people.consentForm.summaryTitle')}>
            <Text data-testid="consent-summary">{summary}</Text>
          </Alert>
          <Checkbox.Group
            label={t('people.consents.categories')}
            withAsterisk
            value={categories}
            onChange={(codes) => setCategories(offered.filter((code) => codes.includes(code)))}
            error={shown('categories', t('people.consentForm.chooseCategories'), 'categories')}
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
            value={organizationIds}
            onChange={setOrganizationIds}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            error={shown('recipients', t('people.consentForm.chooseRecipients'), 'recipientOrganizationIds')}
          />
          <Checkbox.Group
            label={t('people.consentForm.kinds')}
            value={kinds}
            onChange={(codes) => setKinds(ORGANIZATION_KINDS.filter((code) => codes.includes(code)))}
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
            value={purposes}
            onChange={(codes) => setPurposes(CONSENT_PURPOSES.codes.filter((code) => codes.includes(code)))}
            error={shown('purposes', t('people.consentForm.choosePurposes'), 'purposes')}
          >
            <Stack gap={6} mt={6}>
              {CONSENT_PURPOSES.codes.map((code) => (
                <Checkbox key={code} value={code} label={labels.purpose(code)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group gap="md" align="flex-start">
            <TextInput
              type="date"
              label={t('people.consentForm.validFrom')}
              required
              value={validFrom}
              onChange={(event) => setValidFrom(event.currentTarget.value)}
              error={shown('validFrom', t('validation.required'), 'validFrom')}
              w={200}
            />
            <TextInput
              type="date"
              label={t('people.consentForm.validUntil')}
              description={t('people.consentForm.validUntilHelp')}
              value={validUntil}
              onChange={(event) => setValidUntil(event.currentTarget.value)}
              error={error?.fields['validUntil']}
              w={200}
            />
          </Group>
          <Group gap="md" align="flex-start">
            <Select
              label={t('people.consents.method')}
              data={CONSENT_METHODS.codes.map((code) => ({ value: code, label: labels.method(code) }))}
              value={method}
              allowDeselect={false}
              onChange={(value) => value && setMethod(value as ConsentMethod)}
              w={220}
            />
            <Select
              label={t('people.consents.obtainedBy')}
              placeholder={t('people.consentForm.obtainedByMe')}
              data={members.map((member) => ({ value: member.id, label: member.user.displayName }))}
              value={obtainedBy}
              clearable
              onChange={setObtainedBy}
              error={error?.fields['obtainedByMembershipId']}
              w={260}
            />
          </Group>
          <Textarea
            label={t('people.consents.evidenceNote')}
            description={t('people.consentForm.evidenceNoteHelp')}
            autosize
            minRows={2}
            value={evidenceNote}
            onChange={(event) => setEvidenceNote(event.currentTarget.value)}
            error={error?.fields['evidenceNote']}
          />
          <FileInput
            label={t('people.consents.evidenceFile')}
            description={t('people.consentForm.evidenceFileHelp')}
            value={evidenceFile}
            onChange={setEvidenceFile}
            clearable
            error={shown('evidenceFile', t('people.consentForm.fileTooLarge'), 'evidenceFile')}
          />
          {specialCare ? (
            <Checkbox
              label={t('people.consentForm.specialCareExplained')}
              checked={explained}
              onChange={(event) => setExplained(event.currentTarget.checked)}
              error={shown('explained', t('people.consentForm.explainFirst'), 'specialCareExplained')}
            />
          ) : null}
          <ApiErrorAlert error={error} />
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('people.consentForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
