// Training sessions (研修会) for the running organisation's trainers: /training/sessions/new
// creates one, /training/sessions/:id/edit edits it, cancels it (registrants are told by the
// API) and shows the registrations with attendance. Times are entered and shown in Japan time.
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Select, SimpleGrid } from '@mantine/core';
import { trainingSessionInputSchema, type TrainingSessionFields } from '@tsunagu/domain';
import type { ManageTrainingSessionFragment, TrainingSessionInput } from '@tsunagu/graphql-client';
import {
  EditorMyCoursesDocument,
  ManageCancelTrainingSessionDocument,
  ManageCreateTrainingSessionDocument,
  ManageTrainingSessionDocument,
  ManageUpdateTrainingSessionDocument,
} from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../../app/auth/use-session';
import { useForgetQueries } from '../../../app/cache';
import { ConfirmActionDialog, useConfirmation } from '../../../app/confirm-action';
import { EditRecordRoute, EditorForm, NewRecordPage, RecordEditorLayout, useCreateRecord, useUpdateRecord, type EditorFormActions } from '../../../app/editor-page';
import { JapanDateTimeField, LongTextField, NumberField, TextField } from '../../../app/form-fields';
import { useSchemaForm, type SchemaForm } from '../../../app/forms';
import { SessionRegistrationsPanel } from './session-registrations-panel';
import { statusColor, useTrainingEditorLabels } from './vocabulary';
import { fromJapanDateTimeLocal, toJapanDateTimeLocal } from '../../../app/japan-time-format';

type SessionFormValues = {
  title: string;
  description: string;
  courseId: string | null;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  capacity: number | string;
};

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
    startsAt: toJapanDateTimeLocal(session.startsAt),
    endsAt: toJapanDateTimeLocal(session.endsAt),
    place: session.place ?? '',
    onlineUrl: session.onlineUrl ?? '',
    capacity: session.capacity,
  };
}

/** What the form holds, as the schema checks it (times from Japan time to moments). */
function sessionValuesInput(values: SessionFormValues) {
  return {
    title: values.title,
    description: values.description,
    courseId: values.courseId,
    startsAt: fromJapanDateTimeLocal(values.startsAt),
    endsAt: fromJapanDateTimeLocal(values.endsAt),
    place: values.place,
    onlineUrl: values.onlineUrl,
    capacity: typeof values.capacity === 'number' ? values.capacity : 0,
  };
}

/** The checked session as the API takes it. */
function sessionInputOf(checked: TrainingSessionFields): TrainingSessionInput {
  return { ...checked, startsAt: checked.startsAt.toISOString(), endsAt: checked.endsAt.toISOString() };
}

type SessionSchemaForm = SchemaForm<SessionFormValues, typeof trainingSessionInputSchema>;

function useSessionForm(initialValues: SessionFormValues): SessionSchemaForm {
  return useSchemaForm({ schema: trainingSessionInputSchema, initialValues, toInput: sessionValuesInput });
}

const sessionListFields = ['trainingSessions'];

/** Forget cached session lists, which a new, changed or cancelled session may enter or leave. */
function useForgetSessionLists() {
  return useForgetQueries(sessionListFields);
}

export function NewSessionPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const navigate = useNavigate();
  const forget = useForgetSessionLists();
  const { create, saving } = useCreateRecord(ManageCreateTrainingSessionDocument, {
    forget,
    editorPath: (data) => `/training/sessions/${data.createTrainingSession.id}/edit`,
  });
  const sessionForm = useSessionForm(blankSession());

  const submit = sessionForm.onSubmit((checked) => create(sessionInputOf(checked)));

  return (
    <NewRecordPage allowed={ability.can('create', 'TrainingSession')} title={t('trainingEditor.session.newTitle')} description={t('trainingEditor.session.newDescription')}>
      <SessionForm
        sessionForm={sessionForm}
        submitLabel={t('trainingEditor.session.create')}
        saving={saving}
        onSubmit={submit}
        onCancel={() => navigate('/training/manage')}
      />
    </NewRecordPage>
  );
}

export function SessionEditorPage() {
  const { t } = useTranslation();
  return (
    <EditRecordRoute
      query={ManageTrainingSessionDocument}
      pick={(data) => data.trainingSession}
      requires={['create', 'TrainingSession']}
      title={t('trainingEditor.session.editTitle')}
      back={{ to: '/training/sessions', label: t('trainingEditor.session.backToSessions') }}
      mayEdit={(session) => session.mayManage}
    >
      {(session) => <SessionEditor key={session.id} session={session} />}
    </EditRecordRoute>
  );
}

function SessionEditor({ session }: { session: ManageTrainingSessionFragment }) {
  const { t } = useTranslation();
  const labels = useTrainingEditorLabels();
  const navigate = useNavigate();
  const forget = useForgetSessionLists();
  const { save, saving, notice } = useUpdateRecord(ManageUpdateTrainingSessionDocument, session.id, { forget });
  const [cancelSession] = useMutation(ManageCancelTrainingSessionDocument);
  const sessionForm = useSessionForm(valuesOfSession(session));
  const cancelConfirmation = useConfirmation(async () => {
    await cancelSession({ variables: { id: session.id } });
    forget();
  });
  const cancelled = session.status === 'CANCELLED';

  const submit = sessionForm.onSubmit((checked) => save(sessionInputOf(checked)));

  return (
    <RecordEditorLayout
      title={t('trainingEditor.session.editTitle')}
      description={session.title}
      viewPage={{ to: `/training/sessions/${session.id}`, label: t('trainingEditor.session.viewPage') }}
      status={
        <>
          <Badge color={statusColor(session.status)} variant="light" size="lg">
            {labels.sessionStatus(session.status)}
          </Badge>
          {!cancelled ? (
            <Button variant="light" color="red" onClick={() => cancelConfirmation.ask(true)}>
              {t('trainingEditor.session.cancelSession')}
            </Button>
          ) : null}
        </>
      }
      notice={notice}
      savedMessage={t('trainingEditor.session.saved')}
      lockedNote={cancelled ? t('trainingEditor.session.cancelledNote') : null}
      gap="lg"
    >
      <SessionForm
        sessionForm={sessionForm}
        submitLabel={t('common.save')}
        saving={saving}
        disabled={cancelled}
        onSubmit={submit}
        onCancel={() => navigate(`/training/sessions/${session.id}`)}
      />
      <SessionRegistrationsPanel sessionId={session.id} />
      <ConfirmActionDialog
        confirmation={cancelConfirmation}
        title={t('trainingEditor.session.cancelSession')}
        confirmLabel={t('trainingEditor.session.cancelConfirm')}
        cancelLabel={t('trainingEditor.session.keepSession')}
        danger
      >
        {() => t('trainingEditor.session.cancelBody', { title: session.title, count: session.registeredCount + session.waitlistCount })}
      </ConfirmActionDialog>
    </RecordEditorLayout>
  );
}

/** My organisation's courses that are not archived, to link a session to one of them. */
function useMyCourseOptions() {
  const { data } = useQuery(EditorMyCoursesDocument, { variables: { first: 200 } });
  return (data?.courses.nodes ?? []).filter((course) => course.status !== 'ARCHIVED').map((course) => ({ value: course.id, label: course.title }));
}

function SessionForm({ sessionForm: { form, apiError }, ...actions }: { sessionForm: SessionSchemaForm } & EditorFormActions) {
  const { t } = useTranslation();
  const courses = useMyCourseOptions();

  return (
    <EditorForm label={t('trainingEditor.session.formLabel')} error={apiError} {...actions}>
      <TextField
        label={t('trainingEditor.session.fields.title')}
        required
        form={form} name="title"
      />
      <LongTextField
        label={t('trainingEditor.session.fields.description')}
        rows={3}
        form={form} name="description"
      />
      <Select
        label={t('trainingEditor.session.fields.course')}
        description={t('trainingEditor.session.fields.courseHelp')}
        data={courses}
        {...form.getInputProps('courseId')}
        searchable
        clearable
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <JapanDateTimeField
          label={t('trainingEditor.session.fields.startsAt')}
          required
          form={form} name="startsAt"
        />
        <JapanDateTimeField
          label={t('trainingEditor.session.fields.endsAt')}
          required
          form={form} name="endsAt"
        />
        <TextField
          label={t('trainingEditor.session.fields.place')}
          description={t('trainingEditor.session.fields.placeHelp')}
          form={form} name="place"
        />
        <TextField
          type="url"
          label={t('trainingEditor.session.fields.onlineUrl')}
          placeholder="https://"
          form={form} name="onlineUrl"
        />
        <NumberField
          label={t('trainingEditor.session.fields.capacity')}
          required
          min={1}
          max={10000}
          allowDecimal={false}
          form={form} name="capacity"
        />
      </SimpleGrid>
    </EditorForm>
  );
}
