// A module's quiz: pass mark, attempt limit and questions (single or multiple choice, 2–10
// choices, the correct ones ticked). Saving replaces the whole quiz (setModuleQuiz); the form is
// checked first the way the API checks it, and the API's own messages are shown as well.
import { useMutation } from '@apollo/client/react';
import { Button, Card, Checkbox, Group, NumberInput, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { QUESTION_KINDS, type QuestionKind } from '@tsunagu/domain';
import { EditorRemoveModuleQuizDocument, EditorSetModuleQuizDocument } from '@tsunagu/graphql-client';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { ConfirmActionDialog, useConfirmation } from '../../../app/confirm-action';
import { readApiError, type ApiError } from '../../../app/api-errors';
import {
  changeKind,
  MAX_CHOICES,
  MIN_CHOICES,
  quizFormOf,
  quizInputOf,
  quizProblems,
  removeChoice,
  toggleCorrect,
  type QuestionForm,
  type QuizForm,
  type QuizProblem,
} from './editor-logic';
import type { EditorModule } from './modules-editor';
import { useTrainingEditorLabels } from './vocabulary';

export function QuizEditor({ module, disabled }: { module: EditorModule; disabled: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const removal = useConfirmation();
  const [remove, removing] = useMutation(EditorRemoveModuleQuizDocument);
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
        loading={removing.loading}
        onConfirm={() => remove({ variables: { moduleId: module.id } })}
      >
        {t('trainingEditor.quiz.removeBody', { title: module.title })}
      </ConfirmActionDialog>
    </Stack>
  );
}

function QuizForm({ module, onDone }: { module: EditorModule; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useTrainingEditorLabels();
  const [save, saving] = useMutation(EditorSetModuleQuizDocument);
  const [form, setForm] = useState<QuizForm>(() => quizFormOf(module.quiz));
  const [problems, setProblems] = useState<QuizProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const nextKey = useRef(0);
  const newKey = () => `new-${(nextKey.current += 1)}`;

  const problemAt = (path: string): string | undefined => {
    const problem = problems.find((entry) => entry.path === path);
    return problem ? t(`trainingEditor.quiz.errors.${problem.reason}`) : error?.fields[path];
  };
  const setQuestion = (index: number, question: QuestionForm) =>
    setForm((previous) => ({ ...previous, questions: previous.questions.map((entry, at) => (at === index ? question : entry)) }));
  const addQuestion = () =>
    setForm((previous) => ({
      ...previous,
      questions: [...previous.questions, { key: newKey(), prompt: '', kind: 'SINGLE_CHOICE', choices: ['', ''], correct: [] }],
    }));
  const removeQuestion = (index: number) =>
    setForm((previous) => ({ ...previous, questions: previous.questions.filter((_, at) => at !== index) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = quizProblems(form);
    setProblems(found);
    if (found.length > 0) return;
    try {
      await save({ variables: { moduleId: module.id, input: quizInputOf(form) } });
      onDone();
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Card withBorder padding="md" bg="var(--mantine-color-gray-0)">
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('trainingEditor.quiz.formLabel', { title: module.title })}>
        <Stack gap="md">
          <Group grow align="flex-start" wrap="wrap">
            <NumberInput
              label={t('trainingEditor.quiz.passMark')}
              min={1}
              max={100}
              allowDecimal={false}
              suffix="%"
              value={form.passMarkPercent}
              onChange={(value) => setForm((previous) => ({ ...previous, passMarkPercent: value }))}
              error={problemAt('passMarkPercent')}
              miw={180}
            />
            <NumberInput
              label={t('trainingEditor.quiz.maxAttempts')}
              description={t('trainingEditor.quiz.maxAttemptsHelp')}
              min={1}
              max={100}
              allowDecimal={false}
              value={form.maxAttempts}
              onChange={(value) => setForm((previous) => ({ ...previous, maxAttempts: value }))}
              error={problemAt('maxAttempts')}
              miw={180}
            />
          </Group>
          {form.questions.map((question, index) => (
            <QuestionFields
              key={question.key}
              question={question}
              number={index + 1}
              kinds={labels.options(QUESTION_KINDS)}
              problemAt={(part) => problemAt(`questions.${index}.${part}`)}
              onChange={(next) => setQuestion(index, next)}
              onRemove={() => removeQuestion(index)}
            />
          ))}
          {problemAt('questions') ? (
            <Text c="red" fz="sm" role="alert">
              {problemAt('questions')}
            </Text>
          ) : null}
          <Group>
            <Button variant="default" onClick={addQuestion}>
              {t('trainingEditor.quiz.addQuestion')}
            </Button>
          </Group>
          {problems.length > 0 ? (
            <Text c="red" fz="sm" role="alert">
              {t('trainingEditor.quiz.fixProblems', { count: problems.length })}
            </Text>
          ) : null}
          <ApiErrorAlert error={error} />
          <Group>
            <Button type="submit" loading={saving.loading}>
              {t('trainingEditor.quiz.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function QuestionFields({
  question,
  number,
  kinds,
  problemAt,
  onChange,
  onRemove,
}: {
  question: QuestionForm;
  number: number;
  kinds: { value: string; label: string }[];
  problemAt: (part: string) => string | undefined;
  onChange: (question: QuestionForm) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const setChoice = (index: number, text: string) =>
    onChange({ ...question, choices: question.choices.map((choice, at) => (at === index ? text : choice)) });

  return (
    <fieldset style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, padding: 12, margin: 0 }}>
      <legend style={{ fontWeight: 700, padding: '0 4px' }}>{t('trainingEditor.quiz.questionNumber', { number })}</legend>
      <Stack gap="sm">
        <Textarea
          label={t('trainingEditor.quiz.prompt', { number })}
          autosize
          minRows={2}
          maxLength={1000}
          value={question.prompt}
          onChange={(event) => onChange({ ...question, prompt: event.currentTarget.value })}
          error={problemAt('prompt')}
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
          {question.choices.map((choice, index) => (
            <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('trainingEditor.quiz.choice', { number, choice: index + 1 })}
                maxLength={300}
                value={choice}
                onChange={(event) => setChoice(index, event.currentTarget.value)}
                error={problemAt(`choices.${index}`)}
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
          {problemAt('choices') ? (
            <Text c="red" fz="sm">
              {problemAt('choices')}
            </Text>
          ) : null}
          {problemAt('correctChoices') ? (
            <Text c="red" fz="sm">
              {problemAt('correctChoices')}
            </Text>
          ) : null}
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
