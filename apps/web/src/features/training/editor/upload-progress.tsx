// The progress bar of one upload, named so a screen reader (and a test) finds it by its label.
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UploadState } from '../../../app/use-file-upload';

export function UploadProgress({ state }: { state: UploadState | null }) {
  const { t } = useTranslation();
  if (!state) return null;
  const percent = Math.round(state.fraction * 100);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text fz="sm">{state.fileName}</Text>
        <Text fz="sm" c={state.done ? 'green' : 'dimmed'} role="status">
          {state.done ? t('trainingEditor.upload.done') : t('trainingEditor.upload.percent', { percent })}
        </Text>
      </Group>
      <Progress value={percent} aria-label={t('trainingEditor.upload.progress', { name: state.fileName })} color={state.done ? 'green' : undefined} />
    </Stack>
  );
}
