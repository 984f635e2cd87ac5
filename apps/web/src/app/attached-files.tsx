// The files attached to a record (a grant's attachments, a partnership's documents): each one's
// name and size, a download, and for those who may edit, a remove that is asked about first and
// the upload field that adds more. A refused download shows under the list, a refused removal in
// its dialog. The words are the feature's own, one i18n group for the list and its upload field.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmActionDialog, useConfirmation } from './confirm-action';
import { FileUploadField, type FileUploadWords } from './file-upload-field';
import { formatFileSize, storedFilePath, type FilePurpose, type UploadedFile } from './files';
import { FailureText, useDownload } from './use-download';

export interface AttachedFile {
  readonly fileId: string;
  readonly fileName: string;
  readonly byteSize: number;
}

export interface AttachedFilesProps<File extends AttachedFile> {
  readonly files: readonly File[];
  /**
   * The feature's i18n group: none, meta ({{size}}, and what `metaOf` adds), download,
   * downloadNamed ({{name}}), remove, removeNamed ({{name}}), removeTitle and confirmRemove ({{name}}),
   * and the upload field's (see FileUploadField).
   */
  readonly words: FileUploadWords;
  /** The list's accessible name. */
  readonly label: string;
  /** More words for a file's meta line than its size (e.g. when it was added). */
  readonly metaOf?: (file: File) => Record<string, string>;
  /** Removes a file from its record; left out where the person may not. */
  readonly onRemove?: (file: File) => Promise<unknown>;
  /** Adds files: uploads for `purpose`, then `link`s the stored file to the record; left out where the person may not. */
  readonly attach?: { readonly purpose: FilePurpose; readonly link: (stored: UploadedFile) => Promise<unknown> };
}

export function AttachedFiles<File extends AttachedFile>({ files, words, label, metaOf, onRemove, attach }: AttachedFilesProps<File>) {
  const { t } = useTranslation();
  // Kept above the list, so the dialog and a refused download outlive the last file's removal.
  const { downloading, failure, download } = useDownload();
  const removal = useConfirmation((file: File) => (onRemove ? onRemove(file) : Promise.resolve()));
  return (
    <Stack gap="sm">
      {files.length ? (
        <FileList
          files={files}
          words={words}
          label={label}
          metaOf={metaOf}
          downloading={downloading}
          onDownload={(file) => void download(storedFilePath(file.fileId), file.fileName)}
          onRemove={onRemove ? (file) => removal.ask(file) : undefined}
        />
      ) : (
        <NoFiles words={words} />
      )}
      <FailureText message={failure} />
      <ConfirmActionDialog confirmation={removal} title={t(`${words}.removeTitle`)} confirmLabel={t(`${words}.removeTitle`)} danger>
        {(file) => t(`${words}.confirmRemove`, { name: file.fileName })}
      </ConfirmActionDialog>
      {attach ? <FileUploadField purpose={attach.purpose} link={attach.link} words={words} /> : null}
    </Stack>
  );
}

function NoFiles({ words }: { words: FileUploadWords }) {
  const { t } = useTranslation();
  return <Text c="dimmed">{t(`${words}.none`)}</Text>;
}

function FileList<File extends AttachedFile>({
  files,
  words,
  label,
  metaOf,
  downloading,
  onDownload,
  onRemove,
}: Pick<AttachedFilesProps<File>, 'files' | 'words' | 'label' | 'metaOf'> & {
  readonly downloading: string | null;
  readonly onDownload: (file: File) => void;
  /** Asks whether to remove the file; left out where the person may not. */
  readonly onRemove?: (file: File) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={label}>
      {files.map((file) => (
        <Group component="li" key={file.fileId} justify="space-between" wrap="wrap" gap="xs">
          <Text style={{ wordBreak: 'break-all' }}>
            {file.fileName}{' '}
            <Text span c="dimmed" fz="sm">
              {t(`${words}.meta`, { size: formatFileSize(file.byteSize), ...metaOf?.(file) })}
            </Text>
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              loading={downloading === storedFilePath(file.fileId)}
              aria-label={t(`${words}.downloadNamed`, { name: file.fileName })}
              onClick={() => onDownload(file)}
            >
              {t(`${words}.download`)}
            </Button>
            {onRemove ? (
              <Button
                size="xs"
                variant="light"
                color="red"
                aria-label={t(`${words}.removeNamed`, { name: file.fileName })}
                onClick={() => onRemove(file)}
              >
                {t(`${words}.remove`)}
              </Button>
            ) : null}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
