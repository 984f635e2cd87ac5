// A file input that uploads at once (a record's attachments and documents): the chosen file's
// progress while it is sent, a confirmation once stored and linked, and the API's reason when
// refused. The words are the feature's own, read from one i18n group so every upload field says
// the same things in the same places.
import { Alert, Input, Progress, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilePurpose, UploadedFile } from './files';
import { useFileUpload } from './use-file-upload';

/** The file types a record's attachments take (the API checks them again). */
export const DOCUMENT_TYPES = '.pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.txt,.csv';

export interface FileUploadFieldProps {
  /** Sets the file's rules (types, size limit, who may upload) in the API. */
  readonly purpose: FilePurpose;
  /** Links the stored file to its record (the attach mutation). */
  readonly link: (stored: UploadedFile) => Promise<unknown>;
  /**
   * The feature's i18n group holding the field's words: add (label), help (description),
   * uploading ({{name}}, {{percent}}), progress, uploaded ({{name}}) and failed.
   */
  readonly words: FileUploadWords;
}

/** The i18n groups that hold an upload field's words. */
export type FileUploadWords = 'grants.attachments' | 'partnerships.documents';

export function FileUploadField({ purpose, link, words }: FileUploadFieldProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const upload = useFileUpload(purpose);
  const { state, error } = upload;
  return (
    <>
      <Input.Wrapper label={t(`${words}.add`)} description={t(`${words}.help`)} id={inputId}>
        <input
          id={inputId}
          type="file"
          accept={DOCUMENT_TYPES}
          disabled={upload.uploading}
          onChange={(event) => void upload.uploadChosen(event, link)}
          style={{ display: 'block', marginTop: 6, minHeight: 44 }}
        />
      </Input.Wrapper>
      {state && !state.done ? (
        <Stack gap={4} role="status" aria-live="polite">
          <Text fz="sm">{t(`${words}.uploading`, { name: state.fileName, percent: Math.round(state.fraction * 100) })}</Text>
          <Progress value={state.fraction * 100} aria-label={t(`${words}.progress`)} />
        </Stack>
      ) : null}
      {state?.stored ? (
        <Text role="status" c="green" fz="sm">
          {t(`${words}.uploaded`, { name: state.stored.fileName })}
        </Text>
      ) : null}
      {error ? (
        <Alert role="alert" color="red" variant="light" title={t(`${words}.failed`)}>
          {error}
        </Alert>
      ) : null}
    </>
  );
}
