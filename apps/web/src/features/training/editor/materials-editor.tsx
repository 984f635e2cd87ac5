// A module's materials in order: files (uploaded with a progress bar, purpose TRAINING_MATERIAL)
// and external links; move up or down and remove. A file becomes a material as soon as it is
// stored, titled by the title field or, when that is empty, by the file's name.
import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Input, Radio, Stack, Text, Title } from '@mantine/core';
import {
  EditorAddCourseMaterialDocument,
  EditorRemoveCourseMaterialDocument,
  EditorReorderCourseMaterialsDocument,
} from '@tsunagu/graphql-client';
import { courseMaterialInputSchema } from '@tsunagu/domain';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError, type ApiError } from '../../../app/api-errors';
import { TextField } from '../../../app/form-fields';
import { useSchemaForm } from '../../../app/forms';
import { moveItem } from './editor-logic';
import type { EditorModule } from './modules-editor';
import { MoveButtons, RemoveButton } from './item-buttons';
import { UploadProgress } from './upload-progress';
import { useFileUpload } from '../../../app/use-file-upload';
import { formatFileSize, useTrainingEditorLabels } from './vocabulary';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

export function MaterialsEditor({ module, disabled }: { module: EditorModule; disabled: boolean }) {
  const { t } = useTranslation();
  const labels = useTrainingEditorLabels();
  const [reorder, reordering] = useMutation(EditorReorderCourseMaterialsDocument);
  const [remove, removing] = useMutation(EditorRemoveCourseMaterialDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const materials = [...module.materials].sort((a, b) => a.position - b.position);
  const busy = disabled || reordering.loading || removing.loading;

  const move = async (index: number, delta: -1 | 1) => {
    setError(null);
    try {
      await reorder({ variables: { moduleId: module.id, materialIds: moveItem(materials.map((material) => material.id), index, delta) } });
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  const removeMaterial = async (id: string) => {
    setError(null);
    try {
      await remove({ variables: { id } });
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Stack gap="sm" component="section" aria-label={t('trainingEditor.materials.regionLabel', { title: module.title })}>
      <Title order={4} fz="h5">
        {t('trainingEditor.materials.heading')}
      </Title>
      <ApiErrorAlert error={error} />
      {materials.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('trainingEditor.materials.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" style={listStyle} aria-label={t('trainingEditor.materials.listLabel', { title: module.title })}>
          {materials.map((material, index) => (
            <Group key={material.id} component="li" justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs" wrap="wrap">
                <Badge variant="outline">{labels.materialFormat(material.format)}</Badge>
                <Text fw={600}>{material.title}</Text>
                {material.file ? (
                  <Text fz="sm" c="dimmed">
                    {t('trainingEditor.fileItem', { name: material.file.fileName, size: formatFileSize(material.file.byteSize) })}
                  </Text>
                ) : material.url ? (
                  <Anchor href={material.url} target="_blank" rel="noreferrer" fz="sm">
                    {material.url}
                  </Anchor>
                ) : null}
              </Group>
              <Group gap={4}>
                <MoveButtons
                  size="compact-sm"
                  disabled={busy}
                  first={index === 0}
                  last={index === materials.length - 1}
                  upLabel={t('trainingEditor.materials.moveUp', { title: material.title })}
                  downLabel={t('trainingEditor.materials.moveDown', { title: material.title })}
                  onMove={(delta) => void move(index, delta)}
                />
                <RemoveButton
                  size="compact-sm"
                  disabled={busy}
                  label={t('trainingEditor.materials.remove', { title: material.title })}
                  onClick={() => void removeMaterial(material.id)}
                />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {!disabled ? <AddMaterialForm module={module} /> : null}
    </Stack>
  );
}

type Source = 'FILE' | 'LINK';

interface MaterialValues extends Record<string, unknown> {
  source: Source;
  title: string;
  url: string;
}

function AddMaterialForm({ module }: { module: EditorModule }) {
  const { t } = useTranslation();
  const fileInputId = useId();
  const [add, adding] = useMutation(EditorAddCourseMaterialDocument);
  const upload = useFileUpload('TRAINING_MATERIAL');
  // A link is checked by the material's schema as it is submitted; a file is added as soon as it
  // is stored, so the API's answer to that is kept here.
  const [fileError, setFileError] = useState<ApiError | null>(null);
  const { form, apiError, onSubmit, clearApiError } = useSchemaForm({
    schema: courseMaterialInputSchema,
    initialValues: { source: 'FILE', title: '', url: '' } as MaterialValues,
    toInput: (values: MaterialValues) => ({ title: values.title, url: values.url }),
  });
  const source = form.values.source;

  const addFile = async (event: ChangeEvent<HTMLInputElement>) => {
    setFileError(null);
    clearApiError();
    form.clearErrors();
    const uploaded = await upload.uploadChosen(event);
    if (!uploaded) return;
    try {
      await add({ variables: { moduleId: module.id, input: { title: form.values.title.trim() || uploaded.fileName, fileId: uploaded.id } } });
      form.setFieldValue('title', '');
    } catch (caught) {
      const error = readApiError(caught);
      setFileError(error);
      form.setErrors(error.fields);
    }
  };

  const addLink = onSubmit(async ({ title, url }) => {
    setFileError(null);
    upload.reset();
    await add({ variables: { moduleId: module.id, input: { title, url } } });
    form.setValues({ title: '', url: '' });
  });

  return (
    <form
      // Only a link is submitted; a file is added once it is chosen and stored.
      onSubmit={source === 'LINK' ? addLink : (event) => event.preventDefault()}
      noValidate
      aria-label={t('trainingEditor.materials.addFormLabel', { title: module.title })}
    >
      <Stack gap="xs">
        <Radio.Group label={t('trainingEditor.materials.source')} {...form.getInputProps('source')}>
          <Group mt={4}>
            <Radio value="FILE" label={t('trainingEditor.materials.sourceFile')} />
            <Radio value="LINK" label={t('trainingEditor.materials.sourceLink')} />
          </Group>
        </Radio.Group>
        <TextField
          label={t('trainingEditor.materials.title')}
          description={source === 'FILE' ? t('trainingEditor.materials.titleFileHelp') : undefined}
          form={form} name="title"
        />
        {source === 'FILE' ? (
          <Input.Wrapper
            label={t('trainingEditor.materials.file')}
            description={t('trainingEditor.materials.fileHelp')}
            id={fileInputId}
            error={upload.error ?? form.errors['fileId']}
          >
            <input
              id={fileInputId}
              type="file"
              accept=".pdf,.pptx,.docx,.xlsx,.mp4,.webm,.mp3,.m4a,.wav,.png,.jpg,.jpeg,.txt"
              disabled={upload.uploading || adding.loading}
              onChange={(event) => void addFile(event)}
              style={{ display: 'block', marginTop: 6, minHeight: 44 }}
            />
          </Input.Wrapper>
        ) : (
          <>
            <TextField type="url" label={t('trainingEditor.materials.url')} placeholder="https://" form={form} name="url" />
            <Group>
              <Button type="submit" variant="light" loading={adding.loading}>
                {t('trainingEditor.materials.addLink')}
              </Button>
            </Group>
          </>
        )}
        <UploadProgress state={upload.state} />
        <ApiErrorAlert error={apiError ?? fileError} />
      </Stack>
    </form>
  );
}
