// The publisher's editor: /grants/new creates a draft (files need a saved listing), then
// /grants/:id/edit edits every field, uploads attachments (with progress and the API's reasons
// for refusing a file), previews the listing as the grant page will show it, and takes the
// life-cycle actions (publish, close, reopen, archive). Only grant editors of intermediary
// bodies and municipalities (the shared ability) get here; others see why not. The form checks
// with the API's own schema (grantInputSchema) before sending.
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Checkbox,
  Group,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
} from '@mantine/core';
import { FUNDER_KINDS, GRANT_TYPES, GRANT_VISIBILITIES, grantInputSchema, LEGAL_FORMS, ORGANIZATION_KINDS, SERVICE_CATEGORIES } from '@tsunagu/domain';
import type { FunderKind, GrantDetailFragment, GrantInput, GrantType, GrantVisibility, LegalForm, OrganizationKind, ServiceCategory } from '@tsunagu/graphql-client';
import { AttachGrantFileDocument, CreateGrantDocument, DetachGrantFileDocument, GrantDocument, UpdateGrantDocument } from '@tsunagu/graphql-client';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { AttachedFiles } from '../../app/attached-files';
import { useSession } from '../../app/auth/use-session';
import { EditRecordRoute, EditorForm, NewRecordPage, RecordEditorLayout, useCreateRecord, useUpdateRecord, type EditorFormActions } from '../../app/editor-page';
import { JapanDateTimeField, LongTextField, NumberField, TextField, YenField } from '../../app/form-fields';
import { organizationKindLabel } from '../../app/labels';
import { MunicipalityMultiSelect } from '../../app/place-names';
import { RichTextField } from '../../app/rich-text-field';
import { DetailsPreview } from './details-preview';
import { useSchemaForm, type SchemaForm } from '../../app/forms';
import { SectionCard } from '../../app/section-card';
import { GrantActions, useForgetGrantLists } from './grant-actions';
import { GrantDetailView, StatusBadge } from './grant-parts';
import { useGrantLabels } from './vocabulary';
import { fromJapanDateTimeLocal, toJapanDateTimeLocal } from '../../app/japan-time-format';

// A type, not an interface: the form layer wants values indexable by field name.
type GrantFormValues = {
  title: string;
  funderName: string;
  funderKind: FunderKind;
  grantType: GrantType;
  summary: string;
  detailsHtml: string;
  amountMin: number | string;
  amountMax: number | string;
  amountUnlimited: boolean;
  subsidyRatePercent: number | string;
  windowOpensAt: string;
  windowClosesAt: string;
  projectStartsOn: string;
  projectEndsOn: string;
  eligibleKinds: OrganizationKind[];
  legalForms: LegalForm[];
  nationwide: boolean;
  regionCodes: string[];
  themes: ServiceCategory[];
  applicationUrl: string;
  contact: string;
  visibility: GrantVisibility;
};

function blankGrant(): GrantFormValues {
  return {
    title: '',
    funderName: '',
    funderKind: 'FOUNDATION',
    grantType: 'GRANT',
    summary: '',
    detailsHtml: '',
    amountMin: '',
    amountMax: '',
    amountUnlimited: false,
    subsidyRatePercent: '',
    windowOpensAt: '',
    windowClosesAt: '',
    projectStartsOn: '',
    projectEndsOn: '',
    eligibleKinds: [],
    legalForms: [],
    nationwide: false,
    regionCodes: [],
    themes: [],
    applicationUrl: '',
    contact: '',
    visibility: 'NETWORK',
  };
}

function valuesOfGrant(grant: GrantDetailFragment): GrantFormValues {
  return {
    title: grant.title,
    funderName: grant.funderName,
    funderKind: grant.funderKind,
    grantType: grant.grantType,
    summary: grant.summary,
    detailsHtml: grant.detailsHtml,
    amountMin: grant.amountMin ?? '',
    amountMax: grant.amountMax ?? '',
    amountUnlimited: grant.amountUnlimited,
    subsidyRatePercent: grant.subsidyRatePercent ?? '',
    windowOpensAt: toJapanDateTimeLocal(grant.windowOpensAt),
    windowClosesAt: toJapanDateTimeLocal(grant.windowClosesAt),
    projectStartsOn: grant.projectStartsOn ?? '',
    projectEndsOn: grant.projectEndsOn ?? '',
    eligibleKinds: [...grant.eligibleKinds],
    legalForms: [...grant.legalForms],
    nationwide: grant.nationwide,
    regionCodes: [...grant.regionCodes],
    themes: [...grant.themes],
    applicationUrl: grant.applicationUrl ?? '',
    contact: grant.contact ?? '',
    visibility: grant.visibility,
  };
}

const numberOrNull = (value: number | string) => (typeof value === 'number' ? value : null);
const textOrNull = (value: string) => (value.trim() ? value.trim() : null);

function inputOf(values: GrantFormValues): GrantInput {
  return {
    title: values.title.trim(),
    funderName: values.funderName.trim(),
    funderKind: values.funderKind,
    grantType: values.grantType,
    summary: values.summary.trim(),
    detailsHtml: values.detailsHtml,
    amountMin: numberOrNull(values.amountMin),
    amountMax: values.amountUnlimited ? null : numberOrNull(values.amountMax),
    amountUnlimited: values.amountUnlimited,
    subsidyRatePercent: numberOrNull(values.subsidyRatePercent),
    windowOpensAt: fromJapanDateTimeLocal(values.windowOpensAt),
    windowClosesAt: fromJapanDateTimeLocal(values.windowClosesAt),
    projectStartsOn: textOrNull(values.projectStartsOn),
    projectEndsOn: textOrNull(values.projectEndsOn),
    eligibleKinds: values.eligibleKinds,
    legalForms: values.legalForms,
    nationwide: values.nationwide,
    regionCodes: values.regionCodes,
    themes: values.themes,
    applicationUrl: textOrNull(values.applicationUrl),
    contact: textOrNull(values.contact),
    visibility: values.visibility,
  };
}

type GrantSchemaForm = SchemaForm<GrantFormValues, typeof grantInputSchema>;

function useGrantForm(initialValues: GrantFormValues): GrantSchemaForm {
  return useSchemaForm({ schema: grantInputSchema, initialValues, toInput: inputOf });
}

export function NewGrantPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const navigate = useNavigate();
  const forget = useForgetGrantLists();
  const { create, saving } = useCreateRecord(CreateGrantDocument, { forget, editorPath: (data) => `/grants/${data.createGrant.id}/edit` });
  const grantForm = useGrantForm(blankGrant());

  // What is sent is the form's GraphQL input (times as ISO text); the API normalises it again.
  const submit = grantForm.onSubmit((_checked, values) => create(inputOf(values)));

  return (
    <NewRecordPage allowed={ability.can('create', 'Grant')} title={t('grants.editor.newTitle')} description={t('grants.editor.newDescription')}>
      <EditorTabs values={grantForm.form.values} publisherName={null} attachments={[]}>
        <GrantForm
          grantForm={grantForm}
          submitLabel={t('grants.editor.createDraft')}
          saving={saving}
          onSubmit={submit}
          onCancel={() => navigate('/grants/mine')}
        />
      </EditorTabs>
    </NewRecordPage>
  );
}

export function EditGrantPage() {
  const { t } = useTranslation();
  return (
    <EditRecordRoute
      query={GrantDocument}
      pick={(data) => data.grant}
      requires={['update', 'Grant']}
      title={t('grants.editor.editTitle')}
      back={{ to: '/grants/mine', label: t('grants.editor.backToMine') }}
      mayEdit={(grant) => grant.mine}
    >
      {(grant) => <GrantEditor key={grant.id} grant={grant} />}
    </EditRecordRoute>
  );
}

function GrantEditor({ grant }: { grant: GrantDetailFragment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const forget = useForgetGrantLists();
  const { save, saving, notice } = useUpdateRecord(UpdateGrantDocument, grant.id, { forget });
  const grantForm = useGrantForm(valuesOfGrant(grant));
  const editable = grant.status === 'DRAFT' || grant.status === 'PUBLISHED';

  const submit = grantForm.onSubmit((_checked, values) => save(inputOf(values)));

  return (
    <RecordEditorLayout
      title={t('grants.editor.editTitle')}
      description={grant.title}
      viewPage={{ to: `/grants/${grant.id}`, label: t('grants.editor.viewPage') }}
      status={
        <>
          <StatusBadge status={grant.status} />
          {/* A publish, close… is news of its own: an earlier 保存しました。 would read as if it were about it. */}
          <GrantActions grant={grant} onMoved={notice.hide} />
        </>
      }
      notice={notice}
      savedMessage={t('grants.editor.saved')}
      lockedNote={editable ? null : t('grants.editor.notEditable')}
    >
      <AttachmentsEditor grant={grant} />
      <EditorTabs values={grantForm.form.values} publisherName={grant.publisher.name} attachments={grant.attachments} grant={grant}>
        <GrantForm
          grantForm={grantForm}
          submitLabel={t('common.save')}
          saving={saving}
          disabled={!editable}
          onSubmit={submit}
          onCancel={() => navigate(`/grants/${grant.id}`)}
        />
      </EditorTabs>
    </RecordEditorLayout>
  );
}

/** Edit and preview, side by side as tabs. */
function EditorTabs({
  values,
  publisherName,
  attachments,
  grant,
  children,
}: {
  values: GrantFormValues;
  publisherName: string | null;
  attachments: GrantDetailFragment['attachments'];
  grant?: GrantDetailFragment;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const input = inputOf(values);
  return (
    <Tabs defaultValue="edit" keepMounted>
      <Tabs.List>
        <Tabs.Tab value="edit">{t('grants.editor.editTab')}</Tabs.Tab>
        <Tabs.Tab value="preview">{t('grants.editor.previewTab')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="edit" pt="md">
        {children}
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="md">
        <Stack gap="md">
          <Alert color="blue" variant="light">
            {t('grants.editor.previewNote')}
          </Alert>
          <Text fz="h2" fw={700}>
            {input.title || t('grants.editor.untitled')}
          </Text>
          <GrantDetailView
            grant={{
              ...input,
              id: grant?.id ?? 'preview',
              summary: input.summary ?? '',
              amountMin: input.amountMin ?? null,
              amountMax: input.amountMax ?? null,
              subsidyRatePercent: input.subsidyRatePercent ?? null,
              windowOpensAt: input.windowOpensAt ?? null,
              windowClosesAt: input.windowClosesAt ?? null,
              projectStartsOn: input.projectStartsOn ?? null,
              projectEndsOn: input.projectEndsOn ?? null,
              applicationUrl: input.applicationUrl ?? null,
              contact: input.contact ?? null,
              detailsHtml: input.detailsHtml ?? '',
              amountUnlimited: input.amountUnlimited ?? false,
              eligibleKinds: input.eligibleKinds ?? [],
              legalForms: input.legalForms ?? [],
              nationwide: input.nationwide ?? false,
              regionCodes: input.regionCodes ?? [],
              themes: input.themes ?? [],
              visibility: input.visibility ?? 'NETWORK',
              status: grant?.status ?? 'DRAFT',
              inMyNetwork: true,
              attachments,
              publisher: { name: publisherName ?? me?.activeMembership.organization.name ?? '' },
            }}
            details={<DetailsPreview html={values.detailsHtml} />}
          />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

function AttachmentsEditor({ grant }: { grant: GrantDetailFragment }) {
  const { t } = useTranslation();
  const [attach] = useMutation(AttachGrantFileDocument);
  const [detach] = useMutation(DetachGrantFileDocument);

  return (
    <SectionCard id="grant-editor-attachments" title={t('grants.sections.attachments')}>
      <AttachedFiles
        files={grant.attachments}
        words="grants.attachments"
        label={t('grants.sections.attachments')}
        onRemove={(file) => detach({ variables: { grantId: grant.id, fileId: file.fileId } })}
        attach={{ purpose: 'GRANT_ATTACHMENT', link: (stored) => attach({ variables: { grantId: grant.id, fileId: stored.id } }) }}
      />
    </SectionCard>
  );
}

function GrantForm({ grantForm: { form, apiError }, ...actions }: { grantForm: GrantSchemaForm } & EditorFormActions) {
  const { t } = useTranslation();
  const labels = useGrantLabels();
  const values = form.values;
  const unlimited = form.getInputProps('amountUnlimited', { type: 'checkbox' });

  return (
    <EditorForm label={t('grants.editor.formLabel')} error={apiError} {...actions}>
      <TextField
        label={t('grants.fields.title')}
        required
        form={form} name="title"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextField
          label={t('grants.fields.funderName')}
          required
          form={form} name="funderName"
        />
        <Select
          label={t('grants.fields.funderKind')}
          data={labels.options(FUNDER_KINDS)}
          allowDeselect={false}
          {...form.getInputProps('funderKind')}
        />
        <Select
          label={t('grants.fields.grantType')}
          data={labels.options(GRANT_TYPES)}
          allowDeselect={false}
          {...form.getInputProps('grantType')}
        />
        <Radio.Group
          label={t('grants.fields.visibility')}
          {...form.getInputProps('visibility')}
        >
          <Group mt={6}>
            {GRANT_VISIBILITIES.codes.map((code) => (
              <Radio key={code} value={code} label={labels.visibility(code)} />
            ))}
          </Group>
        </Radio.Group>
      </SimpleGrid>
      <LongTextField
        label={t('grants.fields.summary')}
        rows={2}
        form={form} name="summary"
      />
      <RichTextField label={t('grants.fields.details')} description={t('grants.editor.detailsHelp')} form={form} name="detailsHtml" />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <YenField
          label={t('grants.fields.amountMin')}
          form={form} name="amountMin"
        />
        <YenField
          label={t('grants.fields.amountMax')}
          disabled={values.amountUnlimited}
          form={form} name="amountMax"
        />
        <NumberField
          label={t('grants.fields.subsidyRate')}
          min={0}
          max={100}
          decimalScale={2}
          form={form} name="subsidyRatePercent"
        />
      </SimpleGrid>
      <Checkbox
        label={t('grants.fields.amountUnlimited')}
        {...unlimited}
        onChange={(event) => {
          // No upper limit means no maximum: the disabled field is emptied rather than kept out of sight.
          unlimited.onChange(event);
          if (event.currentTarget.checked) form.setFieldValue('amountMax', '');
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <JapanDateTimeField
          label={t('grants.fields.windowOpensAt')}
          form={form} name="windowOpensAt"
        />
        <JapanDateTimeField
          label={t('grants.fields.windowClosesAt')}
          form={form} name="windowClosesAt"
        />
        <TextField
          type="date"
          label={t('grants.fields.projectStartsOn')}
          form={form} name="projectStartsOn"
        />
        <TextField
          type="date"
          label={t('grants.fields.projectEndsOn')}
          form={form} name="projectEndsOn"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('grants.fields.eligibleKinds')}
          description={t('grants.editor.emptyMeansAny')}
          data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: organizationKindLabel(t, kind) }))}
          {...form.getInputProps('eligibleKinds')}
          clearable
        />
        <MultiSelect
          label={t('grants.fields.legalForms')}
          description={t('grants.editor.emptyMeansAny')}
          data={labels.options(LEGAL_FORMS)}
          {...form.getInputProps('legalForms')}
          clearable
        />
      </SimpleGrid>
      <Switch
        label={t('grants.fields.nationwide')}
        {...form.getInputProps('nationwide', { type: 'checkbox' })}
      />
      <MunicipalityMultiSelect
        label={t('grants.fields.regionCodes')}
        description={t('grants.editor.regionHelp')}
        disabled={values.nationwide}
        includePrefectures
        {...form.getInputProps('regionCodes')}
      />
      <MultiSelect
        label={t('grants.fields.themes')}
        data={labels.options(SERVICE_CATEGORIES)}
        {...form.getInputProps('themes')}
        searchable
        clearable
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextField
          type="url"
          label={t('grants.fields.applicationUrl')}
          form={form} name="applicationUrl"
        />
        <LongTextField
          label={t('grants.fields.contact')}
          rows={2}
          form={form} name="contact"
        />
      </SimpleGrid>
    </EditorForm>
  );
}
