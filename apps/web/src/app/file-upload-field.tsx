// A file input that uploads at once (a record's attachments and documents): the chosen file's
// progress while it is sent, a confirmation once stored and linked, and the API's reason when
// refused. The words are the feature's own.
import { Alert, Input, Progress, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { UploadedFile } from './files';
import type { FileUpload } from './use-file-upload';

/** The file types a record's attachments take (the API checks them again). */
export const DOCUMENT_TYPES = '.pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.txt,.csv';

export interface FileUploadFieldProps {
  readonly upload: FileUpload;
  /** Links the stored file to its record (the attach mutation). */
  readonly link: (stored: UploadedFile) => Promise<unknown>;
  readonly label: string;
  readonly description: string;
  /** False where the person may not add files: only the feedback (e.g. a failed download) shows. */
  readonly mayUpload?: boolean;
  readonly words: {
    readonly uploading: (fileName: string, percent: number) => string;
    readonly progress: string;
    readonly uploaded: (stored: UploadedFile) => string;
    readonly failed: string;
  };
}

export function FileUploadField({ upload, link, label, description, mayUpload = true, words }: FileUploadFieldProps) {
  const inputId = useId();
  const { state, error } = upload;
  return (
    <>
      {mayUpload ? (
        <Input.Wrapper label={label} description={description} id={inputId}>
          <input
            id={inputId}
            type="file"
            accept={DOCUMENT_TYPES}
            disabled={upload.uploading}
            onChange={(event) => void upload.uploadChosen(event, link)}
            style={{ display: 'block', marginTop: 6, minHeight: 44 }}
          />
        </Input.Wrapper>
      ) : null}
      {state && !state.done ? (
        <Stack gap={4} role="status" aria-live="polite">
          <Text fz="sm">{words.uploading(state.fileName, Math.round(state.fraction * 100))}</Text>
          <Progress value={state.fraction * 100} aria-label={words.progress} />
        </Stack>
      ) : null}
      {state?.stored ? (
        <Text role="status" c="green" fz="sm">
          {words.uploaded(state.stored)}
        </Text>
      ) : null}
      {error ? (
        <Alert role="alert" color="red" variant="light" title={words.failed}>
          {error}
        </Alert>
      ) : null}
    </>
  );
}
