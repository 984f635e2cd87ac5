// Assigning a published course with an optional due date: find members by name (trainers: the
// network audience; org admins: their own members, as courseAssignees decides), tick them and
// assign. Each assignee gets a mail and an in-app notice from the API; the dialog says how many.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { endOfJapanDay } from '@tsunagu/domain';
import { ManageAssignCourseDocument, ManageCourseAssigneesDocument } from '@tsunagu/graphql-client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError, type ApiError } from '../../../app/api-errors';

/** A button opening the assign dialog; for the course editor and the course page. */
export function AssignCourseButton({ course }: { course: { id: string; title: string } }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        {t('trainingEditor.assign.open')}
      </Button>
      {opened ? <AssignCourseDialog course={course} onClose={() => setOpened(false)} /> : null}
    </>
  );
}

/** Waits until typing pauses before a search. */
function useDebounced(value: string, delayMs: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function AssignCourseDialog({ course, onClose }: { course: { id: string; title: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const search = useDebounced(keyword.trim(), 300);
  const { data, loading, error: loadError } = useQuery(ManageCourseAssigneesDocument, {
    variables: { courseId: course.id, keyword: search || null },
    fetchPolicy: 'network-only',
  });
  const [assign, assigning] = useMutation(ManageAssignCourseDocument);
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [assignedCount, setAssignedCount] = useState<number | null>(null);
  const assignees = data?.courseAssignees ?? [];

  const toggle = (membershipId: string, name: string, checked: boolean) =>
    setChosen((previous) => {
      const next = new Map(previous);
      if (checked) next.set(membershipId, name);
      else next.delete(membershipId);
      return next;
    });

  const submit = async () => {
    setError(null);
    setAssignedCount(null);
    try {
      const result = await assign({ variables: { courseId: course.id, membershipIds: [...chosen.keys()], dueAt: endOfJapanDay(dueOn)?.toISOString() ?? null } });
      setAssignedCount(result.data?.assignCourse.length ?? 0);
      setChosen(new Map());
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('trainingEditor.assign.title', { title: course.title })} centered size="lg">
      <Stack gap="md">
        <TextInput
          label={t('trainingEditor.assign.keyword')}
          description={t('trainingEditor.assign.keywordHelp')}
          value={keyword}
          onChange={(event) => setKeyword(event.currentTarget.value)}
        />
        <ApiErrorAlert error={loadError ? readApiError(loadError) : null} />
        <Stack gap={4} role="group" aria-label={t('trainingEditor.assign.members')}>
          <Text fw={600} fz="sm">
            {t('trainingEditor.assign.members')}
          </Text>
          {loading && !data ? <Text c="dimmed">{t('common.loading')}</Text> : null}
          {data && assignees.length === 0 ? <Text c="dimmed">{t('trainingEditor.assign.noMembers')}</Text> : null}
          <ScrollArea.Autosize mah={280}>
            <Stack gap={6}>
              {assignees.map((assignee) => (
                <Checkbox
                  key={assignee.membershipId}
                  label={t('trainingEditor.assign.member', { name: assignee.displayName, organization: assignee.organizationName })}
                  description={assignee.enrolled ? t('trainingEditor.assign.enrolled') : undefined}
                  checked={chosen.has(assignee.membershipId)}
                  onChange={(event) => toggle(assignee.membershipId, assignee.displayName, event.currentTarget.checked)}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Stack>
        {chosen.size > 0 ? <Text fz="sm">{t('trainingEditor.assign.chosen', { names: [...chosen.values()].join(t('trainingEditor.listSeparator')) })}</Text> : null}
        <TextInput
          type="date"
          label={t('trainingEditor.assign.dueOn')}
          description={t('trainingEditor.assign.dueOnHelp')}
          value={dueOn}
          onChange={(event) => setDueOn(event.currentTarget.value)}
          error={error?.fields['dueAt']}
        />
        <ApiErrorAlert error={error} />
        {assignedCount !== null ? (
          <Alert color="green" variant="light" role="status">
            {t('trainingEditor.assign.done', { count: assignedCount })}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('trainingEditor.assign.close')}
          </Button>
          <Button onClick={() => void submit()} loading={assigning.loading} disabled={chosen.size === 0}>
            {t('trainingEditor.assign.submit', { count: chosen.size })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
