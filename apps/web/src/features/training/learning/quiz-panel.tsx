// A module's quiz in the player: one radio group per single-choice question, checkboxes for
// multiple choice; submitting scores it on the API (the web never sees the correct choices)
// and shows the score, pass or fail and the attempts left. The form asks for every question
// first (quizSubmissionSchema, the API's own answer rules plus that one). When no attempt is left
// and the quiz is not passed, the form gives way to a clear explanation.
import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Checkbox, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { quizSubmissionSchema } from '@tsunagu/domain';
import {
  SubmitQuizAttemptDocument,
  type CourseDetailFragment,
  type EnrolmentProgressFragment,
  type SubmitQuizAttemptMutation,
} from '@tsunagu/graphql-client';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../app/editor-page';
import { useSchemaForm } from '../../../app/forms';

type CourseModule = CourseDetailFragment['modules'][number];
type Quiz = NonNullable<CourseModule['quiz']>;
type ModuleProgress = EnrolmentProgressFragment['modules'][number];
type AttemptResult = SubmitQuizAttemptMutation['submitQuizAttempt'];

export function QuizPanel({
  module,
  quiz,
  enrolment,
  progress,
}: {
  module: CourseModule;
  quiz: Quiz;
  enrolment: EnrolmentProgressFragment | null;
  progress: ModuleProgress | null;
}) {
  const { t } = useTranslation();
  const headingId = `quiz-${module.id}-heading`;
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [submit, submitting] = useMutation(SubmitQuizAttemptDocument);
  const questions = useMemo(() => [...quiz.questions].sort((a, b) => a.position - b.position), [quiz.questions]);
  const schema = useMemo(() => quizSubmissionSchema(questions), [questions]);
  // The chosen choice indexes (0-based, as the API scores them) of each question, in the quiz's order.
  const { form, apiError, onSubmit } = useSchemaForm({
    schema,
    initialValues: { answers: questions.map((): number[] => []) },
    toInput: (values) => ({ answers: questions.map((question, index) => ({ questionId: question.id, choices: values.answers[index] ?? [] })) }),
  });
  const passed = progress?.quizPassed === true;
  const exhausted = !passed && progress?.attemptsLeft === 0;

  const send = onSubmit(async (input) => {
    if (!enrolment) return;
    const response = await submit({ variables: { enrolmentId: enrolment.id, moduleId: module.id, answers: input.answers } });
    if (response.data) {
      setResult(response.data.submitQuizAttempt);
      if (!response.data.submitQuizAttempt.passed) form.reset();
    }
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={4} fz="h5" id={headingId}>
          {t('training.quiz.title', { title: module.title })}
        </Title>
        {passed ? (
          <Badge color="green" variant="filled" tt="none" radius="sm">
            {t('training.quiz.passedBadge')}
          </Badge>
        ) : null}
      </Group>
      <Group gap="lg" wrap="wrap">
        <Text fz="sm">{t('training.quiz.passMark', { value: quiz.passMarkPercent })}</Text>
        <Text fz="sm">
          {quiz.maxAttempts == null ? t('training.quiz.unlimited') : t('training.quiz.maxAttempts', { count: quiz.maxAttempts })}
        </Text>
        {progress && progress.attemptsUsed > 0 ? (
          <Text fz="sm" data-testid={`quiz-${module.id}-status`}>
            {t('training.quiz.used', { count: progress.attemptsUsed })}
            {progress.bestScorePercent != null ? ` ${t('training.quiz.best', { value: progress.bestScorePercent })}` : ''}
            {progress.attemptsLeft != null ? ` ${t('training.quiz.left', { count: progress.attemptsLeft })}` : ''}
          </Text>
        ) : null}
      </Group>
      {result ? <AttemptResultAlert result={result} /> : null}
      {!enrolment ? (
        <Text fz="sm" c="dimmed">
          {t('training.quiz.enrolFirst')}
        </Text>
      ) : exhausted ? (
        <Alert color="red" variant="light" role="alert" title={t('training.quiz.exhaustedTitle')}>
          {t('training.quiz.exhausted')}
        </Alert>
      ) : passed ? null : (
        <form onSubmit={send} aria-labelledby={headingId} noValidate>
          <Stack gap="md">
            {questions.map((question, index) => {
              const field = `answers.${index}`;
              const chosen = form.values.answers[index] ?? [];
              const label = t('training.quiz.question', { number: index + 1, prompt: question.prompt });
              const hint = question.kind === 'MULTIPLE_CHOICE' ? t('training.quiz.chooseAll') : t('training.quiz.chooseOne');
              const questionError = form.errors[field];
              return question.kind === 'SINGLE_CHOICE' ? (
                <Radio.Group
                  key={question.id}
                  label={label}
                  description={hint}
                  error={questionError}
                  value={chosen.length ? String(chosen[0]) : null}
                  onChange={(value) => form.setFieldValue(field, [Number(value)])}
                >
                  <Stack gap={6} mt={6}>
                    {question.choices.map((choice, choiceIndex) => (
                      <Radio key={choiceIndex} value={String(choiceIndex)} label={choice} />
                    ))}
                  </Stack>
                </Radio.Group>
              ) : (
                <Checkbox.Group
                  key={question.id}
                  label={label}
                  description={hint}
                  error={questionError}
                  value={chosen.map(String)}
                  onChange={(values) => form.setFieldValue(field, values.map(Number))}
                >
                  <Stack gap={6} mt={6}>
                    {question.choices.map((choice, choiceIndex) => (
                      <Checkbox key={choiceIndex} value={String(choiceIndex)} label={choice} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              );
            })}
            <FormActions error={apiError} submitLabel={t('training.quiz.submit')} saving={submitting.loading} />
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function AttemptResultAlert({ result }: { result: AttemptResult }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={result.passed ? 'green' : 'orange'}
      variant="light"
      role="status"
      title={result.passed ? t('training.quiz.passed') : t('training.quiz.failed')}
    >
      <Stack gap={2}>
        <Text fz="sm">
          {t('training.quiz.score', {
            attempt: result.attemptNumber,
            score: result.scorePercent,
            correct: result.correctCount,
            total: result.questionCount,
          })}
        </Text>
        {!result.passed && result.attemptsLeft != null ? <Text fz="sm">{t('training.quiz.left', { count: result.attemptsLeft })}</Text> : null}
        {!result.passed && result.attemptsLeft !== 0 ? <Text fz="sm">{t('training.quiz.tryAgain')}</Text> : null}
      </Stack>
    </Alert>
  );
}
