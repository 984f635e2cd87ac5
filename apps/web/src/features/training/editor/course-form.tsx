// The course's own fields: title, summary, estimated time, cover image, audience (the whole
// network, or roles and/or organisations of the network) and visibility, checked with the API's
// own schema (courseInputSchema); the API's field errors land next to the matching input too.
import { useQuery } from '@apollo/client/react';
import { Button, Group, Input, MultiSelect, Radio, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { COURSE_VISIBILITIES, courseInputSchema, ORGANIZATION_ROLES, type Role } from '@tsunagu/domain';
import type { CourseInput, CourseVisibility, EditorCourseDetailFragment } from '@tsunagu/graphql-client';
import { NetworkOrganizationOptionsDocument } from '@tsunagu/graphql-client';
import { useEffect, useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorForm, type EditorFormActions } from '../../../app/editor-page';
import { LongTextField, NumberField, TextField } from '../../../app/form-fields';
import { useSchemaForm, type SchemaForm } from '../../../app/forms';
import { roleOptions } from '../../../app/labels';
import { UploadProgress } from './upload-progress';
import { useFileUpload } from '../../../app/use-file-upload';
import { formatFileSize, useTrainingEditorLabels } from './vocabulary';

export interface CoverFile {
  readonly id: string;
  readonly fileName: string;
  readonly byteSize: number;
}

export type CourseFormValues = {
  title: string;
  summary: string;
  estimatedMinutes: number | string;
  cover: CoverFile | null;
  audienceAll: boolean;
  audienceRoles: Role[];
  audienceOrganizationIds: string[];
  visibility: CourseVisibility;
};

export function blankCourse(): CourseFormValues {
  return {
    title: '',
    summary: '',
    estimatedMinutes: '',
    cover: null,
    audienceAll: true,
    audienceRoles: [],
    audienceOrganizationIds: [],
    visibility: 'NETWORK',
  };
}

export function valuesOfCourse(course: EditorCourseDetailFragment): CourseFormValues {
  return {
    title: course.title,
    summary: course.summary,
    estimatedMinutes: course.estimatedMinutes ?? '',
    cover: course.coverFile ? { id: course.coverFile.id, fileName: course.coverFile.fileName, byteSize: course.coverFile.byteSize } : null,
    audienceAll: course.audienceAll,
    audienceRoles: [...course.audienceRoles],
    audienceOrganizationIds: [...course.audienceOrganizationIds],
    visibility: course.visibility,
  };
}

export function courseInputOf(values: CourseFormValues): CourseInput {
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    estimatedMinutes: typeof values.estimatedMinutes === 'number' ? values.estimatedMinutes : null,
    coverFileId: values.cover?.id ?? null,
    audienceAll: values.audienceAll,
    audienceRoles: values.audienceAll ? [] : values.audienceRoles,
    audienceOrganizationIds: values.audienceAll ? [] : values.audienceOrganizationIds,
    visibility: values.visibility,
  };
}

/** Every organisation of the network, for the audience picker (pages of 200 until the end). */
function useNetworkOrganizations() {
  const { data, fetchMore } = useQuery(NetworkOrganizationOptionsDocument, { variables: { first: 200 } });
  const pageInfo = data?.organizations.pageInfo;
  useEffect(() => {
    if (pageInfo?.hasNextPage && pageInfo.endCursor) void fetchMore({ variables: { after: pageInfo.endCursor } });
  }, [pageInfo?.hasNextPage, pageInfo?.endCursor, fetchMore]);
  return (data?.organizations.nodes ?? []).map((organization) => ({ value: organization.id, label: organization.name }));
}

export type CourseSchemaForm = SchemaForm<CourseFormValues, typeof courseInputSchema>;

export function useCourseForm(initialValues: CourseFormValues): CourseSchemaForm {
  return useSchemaForm({ schema: courseInputSchema, initialValues, toInput: courseInputOf });
}

export function CourseForm({ courseForm: { form, apiError }, ...actions }: { courseForm: CourseSchemaForm } & EditorFormActions) {
  const { t } = useTranslation();
  const labels = useTrainingEditorLabels();
  const organizations = useNetworkOrganizations();
  const coverInputId = useId();
  const cover = useFileUpload('COURSE_COVER');
  const values = form.values;

  const uploadCover = async (event: ChangeEvent<HTMLInputElement>) => {
    const uploaded = await cover.uploadChosen(event);
    if (uploaded) form.setFieldValue('cover', { id: uploaded.id, fileName: uploaded.fileName, byteSize: uploaded.byteSize });
  };

  return (
    <EditorForm label={t('trainingEditor.course.formLabel')} error={apiError} {...actions}>
      <TextField
        label={t('trainingEditor.course.fields.title')}
        required
        form={form} name="title"
      />
      <LongTextField
        label={t('trainingEditor.course.fields.summary')}
        rows={3}
        form={form} name="summary"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberField
          label={t('trainingEditor.course.fields.estimatedMinutes')}
          description={t('trainingEditor.course.fields.estimatedMinutesHelp')}
          min={1}
          max={10000}
          allowDecimal={false}
          form={form} name="estimatedMinutes"
        />
        <Radio.Group
          label={t('trainingEditor.course.fields.visibility')}
          {...form.getInputProps('visibility')}
        >
          <Group mt={6}>
            {COURSE_VISIBILITIES.codes.map((code) => (
              <Radio key={code} value={code} label={labels.visibility(code)} />
            ))}
          </Group>
        </Radio.Group>
      </SimpleGrid>
      <Input.Wrapper
        label={t('trainingEditor.course.fields.cover')}
        description={t('trainingEditor.course.fields.coverHelp')}
        id={coverInputId}
        error={cover.error ?? form.errors['coverFileId']}
      >
        <Stack gap="xs" mt={6}>
          {values.cover ? (
            <Group gap="sm">
              <Text fz="sm">
                {t('trainingEditor.fileItem', { name: values.cover.fileName, size: formatFileSize(values.cover.byteSize) })}
              </Text>
              <Button size="xs" variant="subtle" color="red" onClick={() => form.setFieldValue('cover', null)}>
                {t('trainingEditor.course.fields.removeCover')}
              </Button>
            </Group>
          ) : null}
          <input
            id={coverInputId}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            disabled={cover.uploading}
            onChange={(event) => void uploadCover(event)}
            style={{ display: 'block', minHeight: 44 }}
          />
          <UploadProgress state={cover.state} />
        </Stack>
      </Input.Wrapper>
      <Stack gap="xs">
        <Text fw={600} fz="sm" id="course-audience-heading">
          {t('trainingEditor.course.fields.audience')}
        </Text>
        <Switch
          label={t('trainingEditor.course.fields.audienceAll')}
          {...form.getInputProps('audienceAll', { type: 'checkbox' })}
        />
        {!values.audienceAll ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('trainingEditor.course.fields.audienceRoles')}
              description={t('trainingEditor.course.fields.audienceOr')}
              data={roleOptions(t, ORGANIZATION_ROLES)}
              {...form.getInputProps('audienceRoles')}
              clearable
            />
            <MultiSelect
              label={t('trainingEditor.course.fields.audienceOrganizations')}
              description={t('trainingEditor.course.fields.audienceOr')}
              data={organizations}
              {...form.getInputProps('audienceOrganizationIds')}
              searchable
              clearable
            />
          </SimpleGrid>
        ) : null}
        {form.errors['audienceAll'] ? (
          <Text c="red" fz="sm">
            {form.errors['audienceAll']}
          </Text>
        ) : null}
      </Stack>
    </EditorForm>
  );
}
