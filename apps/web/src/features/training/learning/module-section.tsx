// One module of the player: its materials in order and its quiz. Each material can be opened
// (files download with the session, external links open in a new tab), video, audio and images
// show inline from a blob URL, and an enrolled learner marks each one done.
import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Checkbox, Group, Image, Stack, Text, Title } from '@mantine/core';
import { MarkMaterialDoneDocument, type CourseDetailFragment, type EnrolmentProgressFragment } from '@tsunagu/graphql-client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError, type ApiError } from '../../../app/api-errors';
import { downloadApiPath, downloadErrorMessage, fetchApiBlob, formatFileSize, storedFilePath } from '../../../app/files';
import { QuizPanel } from './quiz-panel';
import { ModuleLeft } from './what-is-left';
import { formatGlyphs, useTrainingLabels } from './vocabulary';

type CourseModule = CourseDetailFragment['modules'][number];
type CourseMaterial = CourseModule['materials'][number];

export function ModuleSection({ module, number, enrolment }: { module: CourseModule; number: number; enrolment: EnrolmentProgressFragment | null }) {
  const { t } = useTranslation();
  const headingId = `module-${module.id}-heading`;
  const progress = enrolment?.modules.find((entry) => entry.moduleId === module.id) ?? null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} id={`module-${module.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} fz="h4" id={headingId}>
            {t('training.module.heading', { number, title: module.title })}
          </Title>
          <Group gap={4}>
            {module.required ? null : (
              <Badge color="gray" variant="outline" tt="none" radius="sm">
                {t('training.module.optional')}
              </Badge>
            )}
            {progress?.complete ? (
              <Badge color="green" variant="light" tt="none" radius="sm">
                {t('training.module.complete')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {module.description ? (
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {module.description}
          </Text>
        ) : null}
        <ModuleLeft module={module} progress={progress} />
        {module.materials.length ? (
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('training.module.materials', { title: module.title })}>
            {module.materials.map((material) => (
              <li key={material.id}>
                <MaterialItem material={material} enrolment={enrolment} />
              </li>
            ))}
          </Stack>
        ) : null}
        {module.quiz ? (
          // Answers are kept by question order: a quiz replaced by its trainer while the page is
          // open starts a fresh form rather than moving picked answers onto other questions.
          <QuizPanel key={module.quiz.questions.map((question) => question.id).join()} module={module} quiz={module.quiz} enrolment={enrolment} progress={progress} />
        ) : null}
      </Stack>
    </Card>
  );
}

const inlineFormats = new Set(['VIDEO', 'AUDIO', 'IMAGE']);

function MaterialItem({ material, enrolment }: { material: CourseMaterial; enrolment: EnrolmentProgressFragment | null }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const [downloading, setDownloading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [mediaUrl, setMediaUrl] = useState<string | null>(null);
  const [loadingMedia, setLoadingMedia] = useState(false);
  const file = material.file;

  // The blob URL holds the whole file: let it go when the player closes or the page changes.
  useEffect(() => {
    return () => {
      if (mediaUrl) URL.revokeObjectURL(mediaUrl);
    };
  }, [mediaUrl]);

  const download = async () => {
    if (!file) return;
    setFailure(null);
    setDownloading(true);
    try {
      await downloadApiPath(storedFilePath(file.id), file.fileName);
    } catch (caught) {
      setFailure(downloadErrorMessage(caught, t('errors.generic')));
    } finally {
      setDownloading(false);
    }
  };

  const play = async () => {
    if (!file) return;
    setFailure(null);
    setLoadingMedia(true);
    try {
      const blob = await fetchApiBlob(storedFilePath(file.id));
      setMediaUrl(URL.createObjectURL(blob));
    } catch (caught) {
      setFailure(downloadErrorMessage(caught, t('errors.generic')));
    } finally {
      setLoadingMedia(false);
    }
  };

  return (
    <Stack gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}>
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Badge variant="light" color="gray" tt="none" radius="sm" style={{ flexShrink: 0 }}>
            <span aria-hidden="true">{formatGlyphs[material.format] ?? ''} </span>
            {labels.format(material.format)}
          </Badge>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ wordBreak: 'break-word' }}>
              {material.title}
            </Text>
            {file ? (
              <Text fz="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {t('training.material.fileLine', { name: file.fileName, size: formatFileSize(file.byteSize) })}
              </Text>
            ) : null}
          </Stack>
        </Group>
        <Group gap="xs" wrap="wrap">
          {material.url ? (
            <Button
              component="a"
              href={material.url}
              target="_blank"
              rel="noopener noreferrer"
              size="xs"
              variant="light"
              aria-label={t('training.material.openLinkNamed', { title: material.title })}
            >
              {t('training.material.openLink')}
            </Button>
          ) : null}
          {file && inlineFormats.has(material.format) && !mediaUrl ? (
            <Button
              size="xs"
              variant="light"
              loading={loadingMedia}
              aria-label={t(material.format === 'IMAGE' ? 'training.material.showNamed' : 'training.material.playNamed', { title: material.title })}
              onClick={() => void play()}
            >
              {material.format === 'IMAGE' ? t('training.material.show') : t('training.material.play')}
            </Button>
          ) : null}
          {file ? (
            <Button
              size="xs"
              variant="default"
              loading={downloading}
              aria-label={t('training.material.downloadNamed', { title: material.title })}
              onClick={() => void download()}
            >
              {t('training.material.download')}
            </Button>
          ) : null}
          {enrolment ? <DoneToggle material={material} enrolment={enrolment} /> : null}
        </Group>
      </Group>
      {mediaUrl ? <InlineMedia format={material.format} url={mediaUrl} title={material.title} onClose={() => setMediaUrl(null)} /> : null}
      {failure ? (
        <Text role="alert" c="red" fz="sm">
          {failure}
        </Text>
      ) : null}
    </Stack>
  );
}

function InlineMedia({ format, url, title, onClose }: { format: string; url: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {format === 'VIDEO' ? (
        <video src={url} controls aria-label={title} style={{ width: '100%', maxHeight: '60vh', background: 'black' }}>
          <track kind="captions" />
        </video>
      ) : null}
      {format === 'AUDIO' ? <audio src={url} controls aria-label={title} style={{ width: '100%' }} /> : null}
      {format === 'IMAGE' ? <Image src={url} alt={title} fit="contain" mah="60vh" /> : null}
      <Group>
        <Anchor component="button" type="button" fz="sm" onClick={onClose}>
          {t('training.material.close')}
        </Anchor>
      </Group>
    </Stack>
  );
}

function DoneToggle({ material, enrolment }: { material: CourseMaterial; enrolment: EnrolmentProgressFragment }) {
  const { t } = useTranslation();
  const [markDone, marking] = useMutation(MarkMaterialDoneDocument);
  const [error, setError] = useState<ApiError | null>(null);
  // The box follows the click at once; the API's answer (or a failure) then decides.
  const [pending, setPending] = useState<boolean | null>(null);
  const done = pending ?? enrolment.completedMaterialIds.includes(material.id);
  const toggle = async (next: boolean) => {
    setError(null);
    setPending(next);
    try {
      await markDone({ variables: { enrolmentId: enrolment.id, materialId: material.id, done: next } });
    } catch (caught) {
      setError(readApiError(caught));
    } finally {
      setPending(null);
    }
  };
  return (
    <Stack gap={2}>
      <Checkbox
        label={t('training.material.done')}
        aria-label={t('training.material.doneNamed', { title: material.title })}
        checked={done}
        disabled={marking.loading}
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      <ApiErrorAlert error={error} />
    </Stack>
  );
}
