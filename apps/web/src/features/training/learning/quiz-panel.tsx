// A module's quiz in the player: one radio group per single-choice question, checkboxes for
// multiple choice; submitting scores it on the API (the web never sees the correct choices)
// and shows the score, pass or fail and the attempts left. When no attempt is left and the quiz
// is not passed, the form gives way to a clear explanation.
import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Checkbox, Group, Radio, Stack, Text, Title } from '@mantine/core';
import {
  SubmitQuizAttemptDocument,
  type CourseDetailFragment,
  type EnrolmentProgressFragment,
  type SubmitQuizAttemptMutation,
} from '@tsunagu/graphql-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError, type ApiError } from '../../../app/api-errors';
import { answersInput, chooseAnswer, unansweredQuestions, type QuizAnswers } from './quiz-answers';

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
  const [answers, setAnswers] = useState<QuizAnswers>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [submit, submitting] = useMutation(SubmitQuizAttemptDocument);
  const questions = [...quiz.questions].sort((a, b) => a.position - b.position);
  const passed = progress?.quizPassed === true;
  const exhausted = !passed && progress?.attemptsLeft === 0;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!enrolment) return;
    setError(null);
    const unanswered = unansweredQuestions(questions, answers);
    setMissing(unanswered.map((question) => question.id));
    if (unanswered.length) return;
    try {
      const response = await submit({ variables: { enrolmentId: enrolment.id, moduleId: module.id, answers: answersInput(questions, answers) } });
      if (response.data) {
        setResult(response.data.submitQuizAttempt);
        if (!response.data.submitQuizAttempt.passed) setAnswers({});
      }
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

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
        <form onSubmit={(event) => void send(event)} aria-labelledby={headingId} noValidate>
          <Stack gap="md">
            {questions.map((question, index) => {
              const chosen = answers[question.id] ?? [];
              const label = t('training.quiz.question', { number: index + 1, prompt: question.prompt });
              const hint = question.kind === 'MULTIPLE_CHOICE' ? t('training.quiz.chooseAll') : t('training.quiz.chooseOne');
              const questionError = missing.includes(question.id) && chosen.length === 0 ? t('training.quiz.answerThis') : undefined;
              return question.kind === 'SINGLE_CHOICE' ? (
                <Radio.Group
                  key={question.id}
                  label={label}
                  description={hint}
                  error={questionError}
                  value={chosen.length ? String(chosen[0]) : null}
                  onChange={(value) => setAnswers((current) => chooseAnswer(current, question, Number(value)))}
                >
                  <Stack gap={6} mt={6}>
                    {question.choices.map((choice, choiceIndex) => (
                      <Radio key={choiceIndex} value={String(choiceIndex)} label={choice} />
                    ))}
                  </Stack>
                </Radio.Group>
              ) : (
                <Checkbox.Group key={question.id} label={label} description={hint} error={questionError} value={chosen.map(String)}>
                  <Stack gap={6} mt={6}>
                    {question.choices.map((choice, choiceIndex) => (
                      <Checkbox
                        key={choiceIndex}
                        value={String(choiceIndex)}
                        label={choice}
                        onChange={(event) => {
                          const checked = event.currentTarget.checked;
                          setAnswers((current) => chooseAnswer(current, question, choiceIndex, checked));
                        }}
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
              );
            })}
            <ApiErrorAlert error={error} />
            <Group>
              <Button type="submit" loading={submitting.loading}>
                {t('training.quiz.submit')}
              </Button>
            </Group>
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
