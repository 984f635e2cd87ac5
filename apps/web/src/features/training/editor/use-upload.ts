// One file upload with its progress, for the cover image and the materials: the bar follows the
// bytes sent and stays at 100 % once the file is stored, so the trainer sees it arrived. The
// API's reason for refusing a file (too large, a type the purpose does not take) is shown as sent.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileRequestError, uploadFile, type FilePurpose, type UploadedFile } from '../../../app/files';

export type TrainingFilePurpose = Extract<FilePurpose, 'TRAINING_MATERIAL' | 'COURSE_COVER'>;

export interface UploadState {
  readonly fileName: string;
  /** 0–1 of the bytes sent. */
  readonly fraction: number;
  readonly done: boolean;
}

export function useUpload(purpose: TrainingFilePurpose) {
  const { t } = useTranslation();
  const [state, setState] = useState<UploadState | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Uploads the file; resolves to the stored file, or null when it failed (the error is set). */
  const upload = useCallback(
    async (file: File): Promise<UploadedFile | null> => {
      setError(null);
      setState({ fileName: file.name, fraction: 0, done: false });
      try {
        const uploaded = await uploadFile(file, purpose, (fraction) => setState({ fileName: file.name, fraction, done: false }));
        setState({ fileName: file.name, fraction: 1, done: true });
        return uploaded;
      } catch (caught) {
        setState(null);
        setError(caught instanceof FileRequestError && caught.apiMessage ? caught.apiMessage : t('errors.generic'));
        return null;
      }
    },
    [purpose, t],
  );

  const reset = useCallback(() => {
    setState(null);
    setError(null);
  }, []);

  return { state, error, setError, upload, reset, uploading: state !== null && !state.done };
}
