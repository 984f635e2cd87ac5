// A module's quiz: pass mark, attempt limit and questions (single or multiple choice, 2–10
// choices, the correct ones ticked). Saving replaces the whole quiz (setModuleQuiz); the form is
// checked first with the API's own schema (quizInputSchema), each problem next to its question.
import { useMutation } from '@apollo/client/react';
import { Button, Card, Checkbox, Group, Radio, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { MAX_CHOICES, MIN_CHOICES, QUESTION_KINDS, quizInputSchema, type QuestionKind } from '@tsunagu/domain';
import { EditorRemoveModuleQuizDocument, EditorSetModuleQuizDocument } from '@tsunagu/graphql-client';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActionDialog, useConfirmation } from '../../../app/confirm-action';
import { FormActions } from '../../../app/editor-page';
import { LongTextField, NumberField, TextField } from '../../../app/form-fields';
import { useSchemaForm } from '../../../app/forms';
import { changeKind, quizFormOf, quizValuesInput, removeChoice, toggleCorrect, type QuestionForm, type QuizForm } from './editor-logic';
import type { EditorModule } from './modules-editor';
import { useTrainingEditorLabels } from './vocabulary';

export function QuizEditor({ module, disabled }: { module: EditorModule; disabled: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [remove] = useMutation(EditorRemoveModuleQuizDocument);
  const removal = useConfirmation(() => remove({ variables: { moduleId: module.id } }));
  const quiz = module.quiz;

  return (
    <Stack gap="xs" component="section" aria-label={t('trainingEditor.quiz.regionLabel', { title: module.title })}>
      <Title order={4} fz="h5">
        {t('trainingEditor.quiz.heading')}
      </Title>
      {quiz ? (
        <Text fz="sm">
          {t('trainingEditor.quiz.summary', {
            count: quiz.questions.length,
            passMark: quiz.passMarkPercent,
            attempts: quiz.maxAttempts ?? t('trainingEditor.quiz.unlimited'),
          })}
        </Text>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('trainingEditor.quiz.none')}
        </Text>
      )}
      {!editing && !disabled ? (
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setEditing(true)} aria-label={t(quiz ? 'trainingEditor.quiz.editFor' : 'trainingEditor.quiz.createFor', { title: module.title })}>
            {quiz ? t('trainingEditor.quiz.edit') : t('trainingEditor.quiz.create')}
          </Button>
          {quiz ? (
            <Button size="xs" variant="subtle" color="red" onClick={() => removal.ask(true)} aria-label={t('trainingEditor.quiz.removeFor', { title: module.title })}>
              {t('trainingEditor.quiz.remove')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {editing ? <QuizForm module={module} onDone={() => setEditing(false)} /> : null}
      <ConfirmActionDialog
        confirmation={removal}
        title={t('trainingEditor.quiz.remove')}
        confirmLabel={t('trainingEditor.quiz.removeConfirm')}
        danger
      >
        {() => t('trainingEditor.quiz.removeBody', { title: module.title })}
      </ConfirmActionDialog>
    </Stack>
  );
}

function QuizForm({ module, onDone }: { module: EditorModule; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useTrainingEditorLabels();
  const [save, saving] = useMutation(EditorSetModuleQuizDocument);
  const { form, apiError, onSubmit } = useSchemaForm({ schema: quizInputSchema, initialValues: quizFormOf(module.quiz), toInput: quizValuesInput });
  const nextKey = useRef(0);
  const newKey = () => `new-${(nextKey.current += 1)}`;
  const problemCount = Object.keys(form.errors).length;

  const addQuestion = () => form.insertListItem('questions', { key: newKey(), prompt: '', kind: 'SINGLE_CHOICE', choices: ['', ''], correct: [] });

  const submit = onSubmit(async (input) => {
    await save({ variables: { moduleId: module.id, input } });
    onDone();
  });

  return (
    <Card withBorder padding="md" bg="var(--mantine-color-gray-0)">
      <form onSubmit={submit} noValidate aria-label={t('trainingEditor.quiz.formLabel', { title: module.title })}>
        <Stack gap="md">
          <Group grow align="flex-start" wrap="wrap">
            <NumberField
              label={t('trainingEditor.quiz.passMark')}
              min={1}
              max={100}
              allowDecimal={false}
              suffix="%"
              form={form} name="passMarkPercent"
              miw={180}
            />
            <NumberField
              label={t('trainingEditor.quiz.maxAttempts')}
              description={t('trainingEditor.quiz.maxAttemptsHelp')}
              min={1}
              max={100}
              allowDecimal={false}
              form={form} name="maxAttempts"
              miw={180}
            />
          </Group>
          {form.values.questions.map((question, index) => (
            <QuestionFields
              key={question.key}
              form={form}
              at={index}
              question={question}
              number={index + 1}
              kinds={labels.options(QUESTION_KINDS)}
              problemAt={(part) => form.errors[`questions.${index}.${part}`]}
              onChange={(next) => form.setFieldValue(`questions.${index}`, next)}
              onRemove={() => form.removeListItem('questions', index)}
            />
          ))}
          <ProblemText problem={form.errors['questions']} role="alert" />
          <Group>
            <Button variant="default" onClick={addQuestion}>
              {t('trainingEditor.quiz.addQuestion')}
            </Button>
          </Group>
          {problemCount > 0 ? (
            <Text c="red" fz="sm" role="alert">
              {t('trainingEditor.quiz.fixProblems', { count: problemCount })}
            </Text>
          ) : null}
          <FormActions error={apiError} submitLabel={t('trainingEditor.quiz.save')} saving={saving.loading} onCancel={onDone} />
        </Stack>
      </form>
    </Card>
  );
}

/** A problem of the form as a whole or of a group of inputs, where no single input shows it. */
function ProblemText({ problem, role }: { problem: ReactNode; role?: 'alert' }) {
  if (!problem) return null;
  return (
    <Text c="red" fz="sm" role={role}>
      {problem}
    </Text>
  );
}

function QuestionFields({
  form,
  at,
  question,
  number,
  kinds,
  problemAt,
  onChange,
  onRemove,
}: {
  form: UseFormReturnType<QuizForm>;
  /** The question's place in the form's list. */
  at: number;
  question: QuestionForm;
  number: number;
  kinds: { value: string; label: string }[];
  problemAt: (part: string) => ReactNode;
  onChange: (question: QuestionForm) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();

  return (
    <fieldset style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, padding: 12, margin: 0 }}>
      <legend style={{ fontWeight: 700, padding: '0 4px' }}>{t('trainingEditor.quiz.questionNumber', { number })}</legend>
      <Stack gap="sm">
        <LongTextField
          label={t('trainingEditor.quiz.prompt', { number })}
          rows={2}
          form={form} name={`questions.${at}.prompt`}
        />
        <Radio.Group
          label={t('trainingEditor.quiz.kind', { number })}
          value={question.kind}
          onChange={(value) => onChange(changeKind(question, value as QuestionKind))}
        >
          <Group mt={4}>
            {kinds.map((kind) => (
              <Radio key={kind.value} value={kind.value} label={kind.label} />
            ))}
          </Group>
        </Radio.Group>
        <Stack gap="xs">
          {question.choices.map((_choice, index) => (
            <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
              <TextField
                style={{ flex: 1 }}
                label={t('trainingEditor.quiz.choice', { number, choice: index + 1 })}
                form={form} name={`questions.${at}.choices.${index}`}
              />
              <Checkbox
                mb={8}
                label={t('trainingEditor.quiz.correct')}
                aria-label={t('trainingEditor.quiz.markCorrect', { number, choice: index + 1 })}
                checked={question.correct.includes(index)}
                onChange={(event) => onChange({ ...question, correct: toggleCorrect(question, index, event.currentTarget.checked) })}
              />
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                mb={6}
                disabled={question.choices.length <= MIN_CHOICES}
                aria-label={t('trainingEditor.quiz.removeChoice', { number, choice: index + 1 })}
                onClick={() => onChange(removeChoice(question, index))}
              >
                {t('trainingEditor.remove')}
              </Button>
            </Group>
          ))}
          <ProblemText problem={problemAt('choices')} />
          <ProblemText problem={problemAt('correctChoices')} />
        </Stack>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            disabled={question.choices.length >= MAX_CHOICES}
            onClick={() => onChange({ ...question, choices: [...question.choices, ''] })}
            aria-label={t('trainingEditor.quiz.addChoiceFor', { number })}
          >
            {t('trainingEditor.quiz.addChoice')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={onRemove} aria-label={t('trainingEditor.quiz.removeQuestion', { number })}>
            {t('trainingEditor.quiz.removeQuestionShort')}
          </Button>
        </Group>
      </Stack>
    </fieldset>
  );
}
