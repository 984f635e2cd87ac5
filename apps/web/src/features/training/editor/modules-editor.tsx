// A course's modules in order: add, edit, remove, move up or down (buttons, so the keyboard and
// screen readers can do it; focus stays with the moved module), the required toggle, and per module
// its materials and its quiz. Every change goes to the API at once and the course comes back.
import { useMutation } from '@apollo/client/react';
import { Badge, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import type { EditorCourseDetailFragment } from '@tsunagu/graphql-client';
import {
  EditorAddCourseModuleDocument,
  EditorRemoveCourseModuleDocument,
  EditorReorderCourseModulesDocument,
  EditorUpdateCourseModuleDocument,
} from '@tsunagu/graphql-client';
import { courseModuleInputSchema } from '@tsunagu/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError, type ApiError } from '../../../app/api-errors';
import { ConfirmActionDialog, useConfirmation } from '../../../app/confirm-action';
import { FormActions } from '../../../app/editor-page';
import { LongTextField, TextField } from '../../../app/form-fields';
import { useSchemaForm } from '../../../app/forms';
import { SectionCard } from '../../../app/section-card';
import { moveItem } from './editor-logic';
import { MaterialsEditor } from './materials-editor';
import { MoveButtons, RemoveButton } from './item-buttons';
import { QuizEditor } from './quiz-editor';

export type EditorModule = EditorCourseDetailFragment['modules'][number];

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

type Direction = 'up' | 'down';

/** Focuses a module's move button after a reorder; the other one when this one is now disabled (at an end). */
function focusMoveButton(moduleId: string, direction: Direction) {
  const same = document.getElementById(`module-${moduleId}-${direction}`) as HTMLButtonElement | null;
  const other = document.getElementById(`module-${moduleId}-${direction === 'up' ? 'down' : 'up'}`) as HTMLButtonElement | null;
  (same && !same.disabled ? same : other)?.focus();
}

export function ModulesEditor({ course, disabled }: { course: EditorCourseDetailFragment; disabled: boolean }) {
  const { t } = useTranslation();
  const [reorder, reordering] = useMutation(EditorReorderCourseModulesDocument);
  const [error, setError] = useState<ApiError | null>(null);
  // The module whose move button keeps focus once the new order is on screen (its DOM node moved).
  const [moved, setMoved] = useState<{ moduleId: string; direction: Direction } | null>(null);
  const modules = [...course.modules].sort((a, b) => a.position - b.position);
  const order = modules.map((module) => module.id).join();

  useEffect(() => {
    if (!moved) return;
    focusMoveButton(moved.moduleId, moved.direction);
    setMoved(null);
  }, [moved, order]);

  const move = async (index: number, delta: -1 | 1) => {
    // The buttons stay enabled while a move is saved (a disabled button would lose focus); a
    // second press meanwhile is ignored.
    if (reordering.loading) return;
    setError(null);
    const moduleIds = moveItem(
      modules.map((module) => module.id),
      index,
      delta,
    );
    try {
      await reorder({ variables: { courseId: course.id, moduleIds } });
      setMoved({ moduleId: modules[index].id, direction: delta < 0 ? 'up' : 'down' });
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <section aria-labelledby="course-editor-modules">
      <Stack gap="md">
        <Title order={2} fz="h3" id="course-editor-modules">
          {t('trainingEditor.modules.heading')}
        </Title>
        <Text c="dimmed" fz="sm">
          {t('trainingEditor.modules.help')}
        </Text>
        <ApiErrorAlert error={error} />
        {modules.length === 0 ? <Text c="dimmed">{t('trainingEditor.modules.empty')}</Text> : null}
        <Stack gap="md" component="ol" style={listStyle}>
          {modules.map((module, index) => (
            <li key={module.id}>
              <ModuleCard
                module={module}
                index={index}
                count={modules.length}
                disabled={disabled}
                onMove={(delta) => void move(index, delta)}
              />
            </li>
          ))}
        </Stack>
        {!disabled ? <AddModuleForm courseId={course.id} /> : null}
      </Stack>
    </section>
  );
}

function ModuleCard({
  module,
  index,
  count,
  disabled,
  onMove,
}: {
  module: EditorModule;
  index: number;
  count: number;
  disabled: boolean;
  onMove: (delta: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [remove] = useMutation(EditorRemoveCourseModuleDocument);
  const removal = useConfirmation(() => remove({ variables: { id: module.id } }));
  const headingId = `module-${module.id}-heading`;

  return (
    <Card withBorder padding="lg" component="section" aria-label={t('trainingEditor.modules.regionLabel', { title: module.title })}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="wrap">
            <Title order={3} fz="h4" id={headingId}>
              {t('trainingEditor.modules.numbered', { number: index + 1, title: module.title })}
            </Title>
            <Badge variant="light" color={module.required ? 'blue' : 'gray'}>
              {module.required ? t('trainingEditor.modules.required') : t('trainingEditor.modules.optional')}
            </Badge>
          </Group>
          <Group gap="xs" role="group" aria-label={t('trainingEditor.modules.actionsLabel', { title: module.title })}>
            <MoveButtons
              idPrefix={`module-${module.id}`}
              size="xs"
              disabled={disabled}
              first={index === 0}
              last={index === count - 1}
              upLabel={t('trainingEditor.modules.moveUp', { title: module.title })}
              downLabel={t('trainingEditor.modules.moveDown', { title: module.title })}
              onMove={onMove}
            />
            <Button
              size="xs"
              variant="default"
              disabled={disabled}
              aria-expanded={editing}
              aria-label={t('trainingEditor.modules.edit', { title: module.title })}
              onClick={() => setEditing((open) => !open)}
            >
              {t('common.edit')}
            </Button>
            <RemoveButton size="xs" disabled={disabled} label={t('trainingEditor.modules.remove', { title: module.title })} onClick={() => removal.ask(true)} />
          </Group>
        </Group>
        {module.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{module.description}</Text> : null}
        {editing ? <ModuleForm module={module} onDone={() => setEditing(false)} /> : null}
        <MaterialsEditor module={module} disabled={disabled} />
        <QuizEditor module={module} disabled={disabled} />
      </Stack>
      <ConfirmActionDialog
        confirmation={removal}
        title={t('trainingEditor.modules.removeTitle')}
        confirmLabel={t('trainingEditor.modules.removeConfirm')}
        danger
      >
        {() => t('trainingEditor.modules.removeBody', { title: module.title })}
      </ConfirmActionDialog>
    </Card>
  );
}

interface ModuleValues extends Record<string, unknown> {
  title: string;
  description: string;
  required: boolean;
}

const blankModule: ModuleValues = { title: '', description: '', required: true };

/** Adds (no module given) or edits a module's title, description and required flag. */
function ModuleForm({ module, courseId, onDone }: { module?: EditorModule; courseId?: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const [add, adding] = useMutation(EditorAddCourseModuleDocument);
  const [update, updating] = useMutation(EditorUpdateCourseModuleDocument);
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: courseModuleInputSchema,
    initialValues: module ? { title: module.title, description: module.description, required: module.required } : blankModule,
    toInput: (values: ModuleValues) => values,
  });
  const prefix = module ? 'edit' : 'new';

  const submit = onSubmit(async (input) => {
    if (module) await update({ variables: { id: module.id, input } });
    else if (courseId) await add({ variables: { courseId, input } });
    if (!module) form.reset();
    onDone?.();
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={module ? t('trainingEditor.modules.editFormLabel', { title: module.title }) : t('trainingEditor.modules.addFormLabel')}
    >
      <Stack gap="sm">
        <TextField label={t(`trainingEditor.modules.fields.${prefix}Title`)} required form={form} name="title" />
        <LongTextField
          label={t(`trainingEditor.modules.fields.${prefix}Description`)}
          rows={2}
          form={form} name="description"
        />
        <Switch
          label={t(`trainingEditor.modules.fields.${prefix}Required`)}
          description={t('trainingEditor.modules.fields.requiredHelp')}
          {...form.getInputProps('required', { type: 'checkbox' })}
        />
        <FormActions
          error={apiError}
          submitLabel={module ? t('trainingEditor.modules.saveModule') : t('trainingEditor.modules.addModule')}
          saving={adding.loading || updating.loading}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

function AddModuleForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="course-editor-add-module" title={t('trainingEditor.modules.addHeading')} order={3}>
      <ModuleForm courseId={courseId} />
    </SectionCard>
  );
}
