// My organisation's courses in every status (trainers): status, audience reach, module count,
// with links to edit each and to start a new one.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { EditorMyCoursesDocument } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AbilityPage } from '../../../app/ability-page';
import { useSession } from '../../../app/auth/use-session';
import { ConnectionList, useConnectionQuery } from '../../../app/connection-list';
import { statusColor, useTrainingEditorLabels } from './vocabulary';
import { formatDateTime } from '../../../app/japan-time-format';

const pageSize = 20;

export function MyCoursesPage() {
  const { t, i18n } = useTranslation();
  const labels = useTrainingEditorLabels();
  const { ability } = useSession();
  const allowed = ability.can('create', 'Course');
  const { query, connection: result } = useConnectionQuery(EditorMyCoursesDocument, { first: pageSize }, (data) => data.courses, { skip: !allowed });
  return (
    <AbilityPage
      allowed={allowed}
      title={t('trainingEditor.mine.title')}
      description={t('trainingEditor.mine.description')}
      actions={
        <Group gap="xs">
          <Button component={Link} to="/training/sessions/new" variant="default">
            {t('trainingEditor.mine.newSession')}
          </Button>
          <Button component={Link} to="/training/manage/new">
            {t('trainingEditor.mine.newCourse')}
          </Button>
        </Group>
      }
    >
      <ConnectionList query={query} connection={result}
        label={t('trainingEditor.mine.listLabel')}
        empty={t('trainingEditor.mine.empty')}
        renderItem={(course) => (
          <Card withBorder padding="md">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
                <Group gap="xs" wrap="wrap">
                  <Title order={2} fz="h4">
                    {course.title}
                  </Title>
                  <Badge color={statusColor(course.status)} variant="light">
                    {labels.courseStatus(course.status)}
                  </Badge>
                  <Badge color="gray" variant="outline">
                    {labels.visibility(course.visibility)}
                  </Badge>
                </Group>
                {course.summary ? (
                  <Text fz="sm" lineClamp={2}>
                    {course.summary}
                  </Text>
                ) : null}
                <Text fz="sm" c="dimmed">
                  {t('trainingEditor.mine.meta', {
                    modules: course.moduleCount,
                    minutes: course.estimatedMinutes ?? '—',
                    date: formatDateTime(course.publishedAt ?? course.createdAt, i18n.language),
                  })}
                </Text>
              </Stack>
              <Button
                component={Link}
                to={`/training/manage/${course.id}`}
                variant="default"
                size="sm"
                aria-label={t('trainingEditor.mine.editCourse', { title: course.title })}
              >
                {t('common.edit')}
              </Button>
            </Group>
          </Card>
        )}
      />
    </AbilityPage>
  );
}
