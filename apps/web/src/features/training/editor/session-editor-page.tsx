// Training sessions (研修会) for the running organisation's trainers: /training/sessions/new
// creates one, /training/sessions/:id/edit edits it, cancels it (registrants are told by the
// API) and shows the registrations with attendance. Times are entered and shown in Japan time.
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { ManageTrainingSessionFragment, TrainingSessionInput } from '@tsunagu/graphql-client';
import {
  EditorMyCoursesDocument,
  ManageCancelTrainingSessionDocument,
  ManageCreateTrainingSessionDocument,
  ManageTrainingSessionDocument,
  ManageUpdateTrainingSessionDocument,
} from '@tsunagu/graphql-client';
import { ConfirmDialog, LoadingState, PageHeader } from '@tsunagu/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError, type ApiError } from '../../../app/api-errors';
import { RequireAbility } from '../../../app/auth/require-auth';
import { useSession } from '../../../app/auth/use-session';
import { sessionTimeProblem } from './editor-logic';
import { SessionRegistrationsPanel } from './session-registrations-panel';
import { fromTokyoLocal, statusColor, toTokyoLocal, useTrainingEditorLabels } from './vocabulary';

interface SessionFormValues {
  title: string;
  description: string;
  courseId: string | null;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  capacity: number | string;
}

const blankSession = (): SessionFormValues => ({
  title: '',
  description: '',
  courseId: null,
  startsAt: '',
  endsAt: '',
  place: '',
  onlineUrl: '',
  capacity: 20,
});

function valuesOfSession(session: ManageTrainingSessionFragment): SessionFormValues {
  return {
    title: session.title,
    description: session.description,
    courseId: session.course?.id ?? null,
    startsAt: toTokyoLocal(session.startsAt),
    endsAt: toTokyoLocal(session.endsAt),
    place: session.place ?? '',
    onlineUrl: session.onlineUrl ?? '',
    capacity: session.capacity,
  };
}

type TimeProblem = ReturnType<typeof sessionTimeProblem>;

/** The input of a form, or the first time problem found before asking the API. */
function sessionInputOf(values: SessionFormValues): { input: TrainingSessionInput } | { problem: NonNullable<TimeProblem> } {
  const startsAt = fromTokyoLocal(values.startsAt);
  const endsAt = fromTokyoLocal(values.endsAt);
  const problem = sessionTimeProblem(startsAt, endsAt);
  if (problem || !startsAt || !endsAt) return { problem: problem ?? 'startsAt' };
  return {
    input: {
      title: values.title.trim(),
      description: values.description.trim(),
      courseId: values.courseId,
      startsAt,
      endsAt,
      place: values.place.trim() || null,
      onlineUrl: values.onlineUrl.trim() || null,
      capacity: typeof values.capacity === 'number' ? values.capacity : 0,
    },
  };
}

/** Forget cached session lists, which a new, changed or cancelled session may enter or leave. */
function useForgetSessionLists() {
  const client = useApolloClient();
  return () => {
    client.cache.evict({ fieldName: 'trainingSessions' });
    client.cache.gc();
  };
}

export function NewSessionPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const navigate = useNavigate();
  const forget = useForgetSessionLists();
  const [create, creating] = useMutation(ManageCreateTrainingSessionDocument);
  const [values, setValues] = useState<SessionFormValues>(blankSession);
  const [error, setError] = useState<ApiError | null>(null);
  const [timeProblem, setTimeProblem] = useState<TimeProblem>(null);

  const save = async () => {
    setError(null);
    const checked = sessionInputOf(values);
    setTimeProblem('problem' in checked ? checked.problem : null);
    if ('problem' in checked) return;
    try {
      const result = await create({ variables: { input: checked.input } });
      forget();
      if (result.data) navigate(`/training/sessions/${result.data.createTrainingSession.id}/edit?created=1`, { replace: true });
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <RequireAbility allowed={ability.can('create', 'TrainingSession')}>
      <PageHeader title={t('trainingEditor.session.newTitle')} description={t('trainingEditor.session.newDescription')} />
      <SessionForm
        values={values}
        onChange={setValues}
        submitLabel={t('trainingEditor.session.create')}
        saving={creating.loading}
        error={error}
        timeProblem={timeProblem}
        onSubmit={() => void save()}
        onCancel={() => navigate('/training/manage')}
      />
    </RequireAbility>
  );
}

export function SessionEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { ability } = useSession();
  const allowed = ability.can('create', 'TrainingSession');
  const { data, loading, error } = useQuery(ManageTrainingSessionDocument, { variables: { id }, skip: !allowed });
  if (!allowed) return <RequireAbility allowed={false}>{null}</RequireAbility>;
  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (!data) {
    return (
      <>
        <PageHeader title={t('trainingEditor.session.editTitle')} />
        <ApiErrorAlert error={readApiError(error)} />
        <Anchor component={Link} to="/training/sessions">
          {t('trainingEditor.session.backToSessions')}
        </Anchor>
      </>
    );
  }
  return (
    <RequireAbility allowed={data.trainingSession.mayManage}>
      <SessionEditor key={data.trainingSession.id} session={data.trainingSession} />
    </RequireAbility>
  );
}

function SessionEditor({ session }: { session: ManageTrainingSessionFragment }) {
  const { t } = useTranslation();
  const labels = useTrainingEditorLabels();
  const navigate = useNavigate();
  const forget = useForgetSessionLists();
  const [update, updating] = useMutation(ManageUpdateTrainingSessionDocument);
  const [cancelSession, cancelling] = useMutation(ManageCancelTrainingSessionDocument);
  const [values, setValues] = useState<SessionFormValues>(() => valuesOfSession(session));
  const [error, setError] = useState<ApiError | null>(null);
  const [timeProblem, setTimeProblem] = useState<TimeProblem>(null);
  const [savedNotice, setSavedNotice] = useState(() => new URLSearchParams(window.location.search).get('created') === '1');
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [cancelError, setCancelError] = useState<ApiError | null>(null);
  const cancelled = session.status === 'CANCELLED';

  const save = async () => {
    setError(null);
    setSavedNotice(false);
    const checked = sessionInputOf(values);
    setTimeProblem('problem' in checked ? checked.problem : null);
    if ('problem' in checked) return;
    try {
      await update({ variables: { id: session.id, input: checked.input } });
      forget();
      setSavedNotice(true);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  const runCancel = async () => {
    setCancelError(null);
    try {
      await cancelSession({ variables: { id: session.id } });
      forget();
      setConfirmingCancel(false);
    } catch (caught) {
      setCancelError(readApiError(caught));
    }
  };

  return (
    <>
      <PageHeader
        title={t('trainingEditor.session.editTitle')}
        description={session.title}
        actions={
          <Button component={Link} to={`/training/sessions/${session.id}`} variant="default">
            {t('trainingEditor.session.viewPage')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Group gap="sm">
          <Badge color={statusColor(session.status)} variant="light" size="lg">
            {labels.sessionStatus(session.status)}
          </Badge>
          {!cancelled ? (
            <Button variant="light" color="red" onClick={() => setConfirmingCancel(true)}>
              {t('trainingEditor.session.cancelSession')}
            </Button>
          ) : null}
        </Group>
        {savedNotice ? (
          <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setSavedNotice(false)}>
            {t('trainingEditor.session.saved')}
          </Alert>
        ) : null}
        {cancelled ? (
          <Alert color="yellow" variant="light">
            {t('trainingEditor.session.cancelledNote')}
          </Alert>
        ) : null}
        <SessionForm
          values={values}
          onChange={setValues}
          submitLabel={t('common.save')}
          saving={updating.loading}
          disabled={cancelled}
          error={error}
          timeProblem={timeProblem}
          onSubmit={() => void save()}
          onCancel={() => navigate(`/training/sessions/${session.id}`)}
        />
        <SessionRegistrationsPanel sessionId={session.id} />
      </Stack>
      <ConfirmDialog
        opened={confirmingCancel}
        title={t('trainingEditor.session.cancelSession')}
        confirmLabel={t('trainingEditor.session.cancelConfirm')}
        cancelLabel={t('trainingEditor.session.keepSession')}
        danger
        loading={cancelling.loading}
        error={<ApiErrorAlert error={cancelError} />}
        onConfirm={() => void runCancel()}
        onCancel={() => setConfirmingCancel(false)}
      >
        {t('trainingEditor.session.cancelBody', { title: session.title, count: session.registeredCount + session.waitlistCount })}
      </ConfirmDialog>
    </>
  );
}

/** My organisation's courses that are not archived, to link a session to one of them. */
function useMyCourseOptions() {
  const { data } = useQuery(EditorMyCoursesDocument, { variables: { first: 200 } });
  return (data?.courses.nodes ?? []).filter((course) => course.status !== 'ARCHIVED').map((course) => ({ value: course.id, label: course.title }));
}

function SessionForm({
  values,
  onChange,
  submitLabel,
  saving,
  disabled,
  error,
  timeProblem,
  onSubmit,
  onCancel,
}: {
  values: SessionFormValues;
  onChange: (values: SessionFormValues) => void;
  submitLabel: string;
  saving: boolean;
  disabled?: boolean;
  error: ApiError | null;
  timeProblem: TimeProblem;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const courses = useMyCourseOptions();
  const set = <K extends keyof SessionFormValues>(key: K, value: SessionFormValues[K]) => onChange({ ...values, [key]: value });
  const fieldError = (name: string) => error?.fields[name];
  const timeError = (name: 'startsAt' | 'endsAt') => {
    if (timeProblem === name) return t(`trainingEditor.session.problems.${name}`);
    if (name === 'endsAt' && timeProblem === 'order') return t('trainingEditor.session.problems.order');
    return fieldError(name);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('trainingEditor.session.formLabel')}>
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <TextInput
            label={t('trainingEditor.session.fields.title')}
            required
            maxLength={200}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={fieldError('title')}
          />
          <Textarea
            label={t('trainingEditor.session.fields.description')}
            autosize
            minRows={3}
            maxLength={4000}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={fieldError('description')}
          />
          <Select
            label={t('trainingEditor.session.fields.course')}
            description={t('trainingEditor.session.fields.courseHelp')}
            data={courses}
            value={values.courseId}
            onChange={(value) => set('courseId', value)}
            error={fieldError('courseId')}
            searchable
            clearable
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('trainingEditor.session.fields.startsAt')}
              description={t('trainingEditor.japanTime')}
              required
              value={values.startsAt}
              onChange={(event) => set('startsAt', event.currentTarget.value)}
              error={timeError('startsAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('trainingEditor.session.fields.endsAt')}
              description={t('trainingEditor.japanTime')}
              required
              value={values.endsAt}
              onChange={(event) => set('endsAt', event.currentTarget.value)}
              error={timeError('endsAt')}
            />
            <TextInput
              label={t('trainingEditor.session.fields.place')}
              description={t('trainingEditor.session.fields.placeHelp')}
              maxLength={300}
              value={values.place}
              onChange={(event) => set('place', event.currentTarget.value)}
              error={fieldError('place')}
            />
            <TextInput
              type="url"
              label={t('trainingEditor.session.fields.onlineUrl')}
              placeholder="https://"
              maxLength={1000}
              value={values.onlineUrl}
              onChange={(event) => set('onlineUrl', event.currentTarget.value)}
              error={fieldError('onlineUrl')}
            />
            <NumberInput
              label={t('trainingEditor.session.fields.capacity')}
              required
              min={1}
              max={10000}
              allowDecimal={false}
              value={values.capacity}
              onChange={(value) => set('capacity', value)}
              error={fieldError('capacity')}
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
