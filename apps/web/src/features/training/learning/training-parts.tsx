// Pieces shared by the learner's pages: format badges, the enrolment state of a course, a
// labelled progress bar and a titled section card.
import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatGlyphs, useTrainingLabels } from './vocabulary';
import { formatInstantDate } from '../../../app/japan-time-format';

export function FormatBadges({ formats }: { formats: readonly string[] }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  if (!formats.length) return null;
  return (
    <Group gap={4} wrap="wrap" role="list" aria-label={t('training.course.formats')}>
      {formats.map((format) => (
        <Badge key={format} role="listitem" variant="light" color="gray" tt="none" radius="sm">
          <span aria-hidden="true">{formatGlyphs[format] ?? ''} </span>
          {labels.format(format)}
        </Badge>
      ))}
    </Group>
  );
}

/** 受講中 / 修了 for a course I am enrolled in; nothing otherwise. */
export function EnrolmentBadge({ enrolment }: { enrolment: { completedAt?: string | null; overdue?: boolean } | null | undefined }) {
  const { t } = useTranslation();
  if (!enrolment) return null;
  if (enrolment.completedAt) {
    return (
      <Badge color="green" variant="filled" tt="none" radius="sm">
        {t('training.badges.completed')}
      </Badge>
    );
  }
  return (
    <Group gap={4}>
      <Badge color="blue" variant="light" tt="none" radius="sm">
        {t('training.badges.enrolled')}
      </Badge>
      {enrolment.overdue ? (
        <Badge color="red" variant="light" tt="none" radius="sm">
          {t('training.badges.overdue')}
        </Badge>
      ) : null}
    </Group>
  );
}

export function ProgressLine({ percent, label }: { percent: number; label: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text fz="sm">{label}</Text>
        <Text fz="sm" fw={600}>
          {t('training.progress.percent', { value: percent })}
        </Text>
      </Group>
      <Progress value={percent} aria-label={label} aria-valuetext={t('training.progress.percent', { value: percent })} />
    </Stack>
  );
}

/** "約30分" */
export function EstimatedTime({ minutes }: { minutes: number | null | undefined }) {
  const { t } = useTranslation();
  if (minutes == null) return null;
  return <Text fz="sm">{t('training.course.estimated', { count: minutes })}</Text>;
}

/** When an enrolment began (and how), and its due date while it is not completed (red once overdue). */
export function EnrolmentDates({
  enrolment,
}: {
  enrolment: { enrolledAt: string; source: string; dueAt?: string | null; overdue: boolean; completedAt?: string | null };
}) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const date = (value: string) => formatInstantDate(value, labels.language);
  return (
    <>
      <Text fz="sm">{t('training.enrolment.enrolledOn', { date: date(enrolment.enrolledAt), source: labels.source(enrolment.source) })}</Text>
      {enrolment.dueAt && !enrolment.completedAt ? (
        <Text fz="sm" c={enrolment.overdue ? 'red' : undefined} fw={enrolment.overdue ? 700 : undefined}>
          {enrolment.overdue ? t('training.enrolment.overdueOn', { date: date(enrolment.dueAt) }) : t('training.enrolment.dueOn', { date: date(enrolment.dueAt) })}
        </Text>
      ) : null}
    </>
  );
}
