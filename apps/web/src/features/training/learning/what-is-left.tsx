// What a learner still has to do, as the API reports it (Enrolment.modulesLeft, and per module
// materialsLeft and quizLeft, read from the same rule that decides completion): the course lists
// the modules left with a link to each, and each module lists its unticked materials and its quiz.
// Learners passed a quiz and saw 0 % without knowing that each material must be ticked (issue 16).
import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import type { CourseDetailFragment, EnrolmentProgressFragment } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';

type CourseModule = CourseDetailFragment['modules'][number];
type ModuleProgress = EnrolmentProgressFragment['modules'][number];

/** The modules left before the course is complete; nothing once it is complete. */
export function CourseLeft({ modules, enrolment }: { modules: readonly CourseModule[]; enrolment: EnrolmentProgressFragment }) {
  const { t } = useTranslation();
  if (enrolment.completedAt || enrolment.modulesLeft.length === 0) return null;
  const left = enrolment.modulesLeft.flatMap((id) => {
    const index = modules.findIndex((module) => module.id === id);
    return index < 0 ? [] : [{ id, number: index + 1, title: modules[index].title }];
  });
  return (
    <Alert color="blue" variant="light" title={t('training.left.courseTitle', { count: enrolment.modulesLeft.length })}>
      <Stack gap="xs">
        <Text fz="sm">{t('training.left.courseHow')}</Text>
        <List fz="sm" spacing={2} aria-label={t('training.left.courseModules')}>
          {left.map((module) => (
            <List.Item key={module.id}>
              <Anchor href={`#module-${module.id}`} fz="sm">
                {t('training.module.heading', { number: module.number, title: module.title })}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}

/** The materials to tick and the quiz to pass before this module is complete; nothing once it is. */
export function ModuleLeft({ module, progress }: { module: CourseModule; progress: ModuleProgress | null }) {
  const { t } = useTranslation();
  if (!progress || progress.complete) return null;
  const headingId = `module-${module.id}-left`;
  const materials = module.materials.filter((material) => progress.materialsLeft.includes(material.id));
  return (
    <Stack gap={4} p="sm" bg="var(--mantine-color-blue-light)" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
      <Text fz="sm" fw={700} id={headingId}>
        {t('training.left.moduleTitle')}
      </Text>
      <List fz="sm" spacing={2} aria-labelledby={headingId}>
        {materials.map((material) => (
          <List.Item key={material.id}>{t('training.left.material', { title: material.title })}</List.Item>
        ))}
        {progress.quizLeft && module.quiz ? <List.Item>{t('training.left.quiz', { value: module.quiz.passMarkPercent })}</List.Item> : null}
      </List>
    </Stack>
  );
}
