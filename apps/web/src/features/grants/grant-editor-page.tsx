// The publisher's editor: /grants/new creates a draft (files need a saved listing), then
// /grants/:id/edit edits every field, uploads attachments (with progress and the API's reasons
// for refusing a file), previews the listing as the grant page will show it, and takes the
// life-cycle actions (publish, close, reopen, archive). Only grant editors of intermediary
// bodies and municipalities (mayPublishGrants) get here; others see why not.
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { FUNDER_KINDS, GRANT_TYPES, GRANT_VISIBILITIES, LEGAL_FORMS, mayPublishGrants, ORGANIZATION_KINDS, SERVICE_CATEGORIES } from '@tsunagu/domain';
import type { FunderKind, GrantDetailFragment, GrantInput, GrantType, GrantVisibility, LegalForm, OrganizationKind, ServiceCategory } from '@tsunagu/graphql-client';
import { AttachGrantFileDocument, CreateGrantDocument, DetachGrantFileDocument, GrantDocument, UpdateGrantDocument } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useId, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { organizationKindLabel } from '../../app/labels';
import { DetailsPreview } from './details-preview';
import { FileUploadField } from '../../app/file-upload-field';
import { useFileUpload } from '../../app/use-file-upload';
import { GrantActions, useForgetGrantLists } from './grant-actions';
import { AttachmentList, GrantDetailView, StatusBadge } from './grant-parts';
import { fromTokyoLocal, toTokyoLocal, useGrantLabels } from './vocabulary';

interface GrantFormValues {
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
  regionCodes: string;
  themes: ServiceCategory[];
  applicationUrl: string;
  contact: string;
  visibility: GrantVisibility;
}

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
    regionCodes: '',
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
    windowOpensAt: toTokyoLocal(grant.windowOpensAt),
    windowClosesAt: toTokyoLocal(grant.windowClosesAt),
    projectStartsOn: grant.projectStartsOn ?? '',
    projectEndsOn: grant.projectEndsOn ?? '',
    eligibleKinds: [...grant.eligibleKinds],
    legalForms: [...grant.legalForms],
    nationwide: grant.nationwide,
    regionCodes: grant.regionCodes.join(' '),
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
    windowOpensAt: fromTokyoLocal(values.windowOpensAt),
    windowClosesAt: fromTokyoLocal(values.windowClosesAt),
    projectStartsOn: textOrNull(values.projectStartsOn),
    projectEndsOn: textOrNull(values.projectEndsOn),
    eligibleKinds: values.eligibleKinds,
    legalForms: values.legalForms,
    nationwide: values.nationwide,
    regionCodes: values.regionCodes.split(/[\s,、，]+/).filter(Boolean),
    themes: values.themes,
    applicationUrl: textOrNull(values.applicationUrl),
    contact: textOrNull(values.contact),
    visibility: values.visibility,
  };
}

function usePublisher(): boolean {
  const { actor } = useSession();
  return !!actor && mayPublishGrants(actor.organizationKind, actor.roles);
}

export function NewGrantPage() {
  const { t } = useTranslation();
  const allowed = usePublisher();
  const navigate = useNavigate();
  const forget = useForgetGrantLists();
  const [create, creating] = useMutation(CreateGrantDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const [values, setValues] = useState<GrantFormValues>(blankGrant);

  const save = async () => {
    setError(null);
    try {
      const result = await create({ variables: { input: inputOf(values) } });
      forget();
      if (result.data) navigate(`/grants/${result.data.createGrant.id}/edit?created=1`, { replace: true });
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <RequireAbility allowed={allowed}>
      <PageHeader title={t('grants.editor.newTitle')} description={t('grants.editor.newDescription')} />
      <EditorTabs values={values} publisherName={null} attachments={[]}>
        <GrantForm
          values={values}
          onChange={setValues}
          submitLabel={t('grants.editor.createDraft')}
          saving={creating.loading}
          error={error}
          onSubmit={() => void save()}
          onCancel={() => navigate('/grants/mine')}
        />
      </EditorTabs>
    </RequireAbility>
  );
}

export function EditGrantPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const allowed = usePublisher();
  const { data, loading, error } = useQuery(GrantDocument, { variables: { id }, skip: !allowed });
  if (!allowed) return <RequireAbility allowed={false}>{null}</RequireAbility>;
  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (!data) {
    return (
      <>
        <PageHeader title={t('grants.editor.editTitle')} />
        <ApiErrorAlert error={readApiError(error)} />
        <Anchor component={Link} to="/grants/mine">
          {t('grants.editor.backToMine')}
        </Anchor>
      </>
    );
  }
  return (
    <RequireAbility allowed={data.grant.mine}>
      <GrantEditor key={data.grant.id} grant={data.grant} />
    </RequireAbility>
  );
}

function GrantEditor({ grant }: { grant: GrantDetailFragment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const forget = useForgetGrantLists();
  const [update, updating] = useMutation(UpdateGrantDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const [values, setValues] = useState<GrantFormValues>(() => valuesOfGrant(grant));
  const [savedNotice, setSavedNotice] = useState(() => new URLSearchParams(window.location.search).get('created') === '1');
  const editable = grant.status === 'DRAFT' || grant.status === 'PUBLISHED';

  const save = async () => {
    setError(null);
    setSavedNotice(false);
    try {
      await update({ variables: { id: grant.id, input: inputOf(values) } });
      forget();
      setSavedNotice(true);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <>
      <PageHeader
        title={t('grants.editor.editTitle')}
        description={grant.title}
        actions={
          <Button component={Link} to={`/grants/${grant.id}`} variant="default">
            {t('grants.editor.viewPage')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <StatusBadge status={grant.status} />
          <GrantActions grant={grant} />
        </Group>
        {savedNotice ? (
          <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setSavedNotice(false)}>
            {t('grants.editor.saved')}
          </Alert>
        ) : null}
        {!editable ? (
          <Alert color="yellow" variant="light">
            {t('grants.editor.notEditable')}
          </Alert>
        ) : null}
        <AttachmentsEditor grant={grant} />
        <EditorTabs values={values} publisherName={grant.publisher.name} attachments={grant.attachments} grant={grant}>
          <GrantForm
            values={values}
            onChange={setValues}
            submitLabel={t('common.save')}
            saving={updating.loading}
            disabled={!editable}
            error={error}
            onSubmit={() => void save()}
            onCancel={() => navigate(`/grants/${grant.id}`)}
          />
        </EditorTabs>
      </Stack>
    </>
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
  const upload = useFileUpload('GRANT_ATTACHMENT');
  const [detaching, setDetaching] = useState<string | null>(null);

  const remove = async (fileId: string) => {
    upload.setError(null);
    setDetaching(fileId);
    try {
      await detach({ variables: { grantId: grant.id, fileId } });
    } catch (caught) {
      upload.setError(readApiError(caught).message ?? t('errors.generic'));
    } finally {
      setDetaching(null);
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="grant-editor-attachments">
      <Stack gap="sm">
        <Text fw={700} fz="h4" id="grant-editor-attachments">
          {t('grants.sections.attachments')}
        </Text>
        <AttachmentList attachments={grant.attachments} onDetach={(fileId) => void remove(fileId)} detaching={detaching} />
        <FileUploadField
          upload={upload}
          link={(stored) => attach({ variables: { grantId: grant.id, fileId: stored.id } })}
          label={t('grants.attachments.add')}
          description={t('grants.attachments.help')}
          words={{
            uploading: (name, percent) => t('grants.attachments.uploading', { name, percent }),
            progress: t('grants.attachments.progress'),
            uploaded: (stored) => t('grants.attachments.uploaded', { name: stored.fileName }),
            failed: t('grants.attachments.failed'),
          }}
        />
      </Stack>
    </Card>
  );
}

function GrantForm({
  values,
  onChange,
  submitLabel,
  saving,
  disabled,
  error,
  onSubmit,
  onCancel,
}: {
  values: GrantFormValues;
  onChange: (values: GrantFormValues) => void;
  submitLabel: string;
  saving: boolean;
  disabled?: boolean;
  error: ApiError | null;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useGrantLabels();
  const set = <K extends keyof GrantFormValues>(key: K, value: GrantFormValues[K]) => onChange({ ...values, [key]: value });
  const fieldError = (name: string) => error?.fields[name];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={submit} aria-label={t('grants.editor.formLabel')}>
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          <TextInput
            label={t('grants.fields.title')}
            required
            maxLength={200}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={fieldError('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('grants.fields.funderName')}
              required
              maxLength={200}
              value={values.funderName}
              onChange={(event) => set('funderName', event.currentTarget.value)}
              error={fieldError('funderName')}
            />
            <Select
              label={t('grants.fields.funderKind')}
              data={labels.options(FUNDER_KINDS)}
              value={values.funderKind}
              allowDeselect={false}
              onChange={(value) => value && set('funderKind', value as FunderKind)}
              error={fieldError('funderKind')}
            />
            <Select
              label={t('grants.fields.grantType')}
              data={labels.options(GRANT_TYPES)}
              value={values.grantType}
              allowDeselect={false}
              onChange={(value) => value && set('grantType', value as GrantType)}
              error={fieldError('grantType')}
            />
            <Radio.Group
              label={t('grants.fields.visibility')}
              value={values.visibility}
              onChange={(value) => set('visibility', value as GrantVisibility)}
              error={fieldError('visibility')}
            >
              <Group mt={6}>
                {GRANT_VISIBILITIES.codes.map((code) => (
                  <Radio key={code} value={code} label={labels.visibility(code)} />
                ))}
              </Group>
            </Radio.Group>
          </SimpleGrid>
          <Textarea
            label={t('grants.fields.summary')}
            autosize
            minRows={2}
            maxLength={1000}
            value={values.summary}
            onChange={(event) => set('summary', event.currentTarget.value)}
            error={fieldError('summary')}
          />
          <Textarea
            label={t('grants.fields.details')}
            description={t('grants.editor.detailsHelp')}
            autosize
            minRows={6}
            value={values.detailsHtml}
            onChange={(event) => set('detailsHtml', event.currentTarget.value)}
            error={fieldError('detailsHtml')}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('grants.fields.amountMin')}
              min={0}
              thousandSeparator=","
              allowDecimal={false}
              value={values.amountMin}
              onChange={(value) => set('amountMin', value)}
              error={fieldError('amountMin')}
            />
            <NumberInput
              label={t('grants.fields.amountMax')}
              min={0}
              thousandSeparator=","
              allowDecimal={false}
              disabled={values.amountUnlimited}
              value={values.amountUnlimited ? '' : values.amountMax}
              onChange={(value) => set('amountMax', value)}
              error={fieldError('amountMax')}
            />
            <NumberInput
              label={t('grants.fields.subsidyRate')}
              min={0}
              max={100}
              decimalScale={2}
              value={values.subsidyRatePercent}
              onChange={(value) => set('subsidyRatePercent', value)}
              error={fieldError('subsidyRatePercent')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('grants.fields.amountUnlimited')}
            checked={values.amountUnlimited}
            onChange={(event) => set('amountUnlimited', event.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('grants.fields.windowOpensAt')}
              description={t('grants.editor.japanTime')}
              value={values.windowOpensAt}
              onChange={(event) => set('windowOpensAt', event.currentTarget.value)}
              error={fieldError('windowOpensAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('grants.fields.windowClosesAt')}
              description={t('grants.editor.japanTime')}
              value={values.windowClosesAt}
              onChange={(event) => set('windowClosesAt', event.currentTarget.value)}
              error={fieldError('windowClosesAt')}
            />
            <TextInput
              type="date"
              label={t('grants.fields.projectStartsOn')}
              value={values.projectStartsOn}
              onChange={(event) => set('projectStartsOn', event.currentTarget.value)}
              error={fieldError('projectStartsOn')}
            />
            <TextInput
              type="date"
              label={t('grants.fields.projectEndsOn')}
              value={values.projectEndsOn}
              onChange={(event) => set('projectEndsOn', event.currentTarget.value)}
              error={fieldError('projectEndsOn')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('grants.fields.eligibleKinds')}
              description={t('grants.editor.emptyMeansAny')}
              data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: organizationKindLabel(t, kind) }))}
              value={values.eligibleKinds}
              onChange={(value) => set('eligibleKinds', value as OrganizationKind[])}
              error={fieldError('eligibleKinds')}
              clearable
            />
            <MultiSelect
              label={t('grants.fields.legalForms')}
              description={t('grants.editor.emptyMeansAny')}
              data={labels.options(LEGAL_FORMS)}
              value={values.legalForms}
              onChange={(value) => set('legalForms', value as LegalForm[])}
              error={fieldError('legalForms')}
              clearable
            />
          </SimpleGrid>
          <Switch
            label={t('grants.fields.nationwide')}
            checked={values.nationwide}
            onChange={(event) => set('nationwide', event.currentTarget.checked)}
          />
          <TextInput
            label={t('grants.fields.regionCodes')}
            description={t('grants.editor.regionHelp')}
            disabled={values.nationwide}
            value={values.regionCodes}
            onChange={(event) => set('regionCodes', event.currentTarget.value)}
            error={fieldError('regionCodes')}
          />
          <MultiSelect
            label={t('grants.fields.themes')}
            data={labels.options(SERVICE_CATEGORIES)}
            value={values.themes}
            onChange={(value) => set('themes', value as ServiceCategory[])}
            error={fieldError('themes')}
            searchable
            clearable
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="url"
              label={t('grants.fields.applicationUrl')}
              maxLength={500}
              value={values.applicationUrl}
              onChange={(event) => set('applicationUrl', event.currentTarget.value)}
              error={fieldError('applicationUrl')}
            />
            <Textarea
              label={t('grants.fields.contact')}
              autosize
              minRows={2}
              maxLength={500}
              value={values.contact}
              onChange={(event) => set('contact', event.currentTarget.value)}
              error={fieldError('contact')}
            />
          </SimpleGrid>
          <ApiErrorAlert error={error} />
          <Group>
            <Button type="submit" loading={saving}>
              {submitLabel}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
