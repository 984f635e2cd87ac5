// The course's life-cycle actions: publish (DRAFT), archive (DRAFT, PUBLISHED) and unarchive
// (ARCHIVED, back to a draft); each asks first and shows the API's reason for refusing, e.g.
// publishing a course without modules.
import { useMutation } from '@apollo/client/react';
import { Button, Group } from '@mantine/core';
import { COURSE_TRANSITIONS } from '@tsunagu/domain';
import { EditorArchiveCourseDocument, EditorPublishCourseDocument, EditorUnarchiveCourseDocument } from '@tsunagu/graphql-client';
import { ConfirmDialog } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError, type ApiError } from '../../../app/api-errors';
import { useForgetCourseLists } from './course-cache';

type Action = keyof typeof COURSE_TRANSITIONS;
const actionOrder: readonly Action[] = ['PUBLISH', 'UNARCHIVE', 'ARCHIVE'];

export function CourseActions({ course }: { course: { id: string; title: string; status: string } }) {
  const { t } = useTranslation();
  const forget = useForgetCourseLists();
  const [publish, publishing] = useMutation(EditorPublishCourseDocument);
  const [archive, archiving] = useMutation(EditorArchiveCourseDocument);
  const [unarchive, unarchiving] = useMutation(EditorUnarchiveCourseDocument);
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const loading = publishing.loading || archiving.loading || unarchiving.loading;
  const available = actionOrder.filter((action) => (COURSE_TRANSITIONS[action].from as readonly string[]).includes(course.status));

  const run = async (action: Action) => {
    setError(null);
    const variables = { id: course.id };
    try {
      if (action === 'PUBLISH') await publish({ variables });
      else if (action === 'ARCHIVE') await archive({ variables });
      else await unarchive({ variables });
      forget();
      setConfirming(null);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  if (!available.length) return null;
  return (
    <>
      <Group gap="xs" role="group" aria-label={t('trainingEditor.actions.label')}>
        {available.map((action) => (
          <Button
            key={action}
            variant={action === 'PUBLISH' ? 'filled' : action === 'ARCHIVE' ? 'light' : 'default'}
            color={action === 'ARCHIVE' ? 'red' : undefined}
            onClick={() => {
              setError(null);
              setConfirming(action);
            }}
          >
            {t(`trainingEditor.actions.${action}`)}
          </Button>
        ))}
      </Group>
      <ConfirmDialog
        opened={confirming !== null}
        title={confirming ? t(`trainingEditor.actions.${confirming}`) : ''}
        confirmLabel={confirming ? t(`trainingEditor.actions.confirmButton.${confirming}`) : ''}
        cancelLabel={t('common.cancel')}
        danger={confirming === 'ARCHIVE'}
        loading={loading}
        error={<ApiErrorAlert error={error} />}
        onConfirm={() => confirming && void run(confirming)}
        onCancel={() => setConfirming(null)}
      >
        {confirming ? t(`trainingEditor.actions.confirm.${confirming}`, { title: course.title }) : null}
      </ConfirmDialog>
    </>
  );
}
