// The one upload with progress, for every feature that takes a file (grant attachments,
// partnership documents, training materials, course covers): the state follows the bytes sent
// and ends "done" once the file is stored (and, where the feature links it to a record, linked).
// The API's reason for refusing a file (too large, a type the purpose does not take) is kept as
// sent; anything else reads as the generic error.
import { useCallback, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from './api-errors';
import { FileRequestError, uploadFile, type FilePurpose, type UploadedFile } from './files';

export interface UploadState {
  /** The name of the file as chosen. */
  readonly fileName: string;
  /** 0–1 of the bytes sent. */
  readonly fraction: number;
  readonly done: boolean;
  /** The stored file, once done. */
  readonly stored: UploadedFile | null;
}

export interface FileUpload {
  readonly state: UploadState | null;
  readonly error: string | null;
  readonly setError: (error: string | null) => void;
  readonly uploading: boolean;
  /**
   * Uploads the file, then runs `link` (e.g. the mutation attaching it to a record) before
   * calling it done. Resolves to the stored file, or null when it failed (the error is set).
   */
  readonly upload: (file: File, link?: (stored: UploadedFile) => Promise<unknown>) => Promise<UploadedFile | null>;
  /** An `<input type="file">` change handler: uploads the chosen file, then empties the input for the next one. */
  readonly uploadChosen: (event: ChangeEvent<HTMLInputElement>, link?: (stored: UploadedFile) => Promise<unknown>) => Promise<UploadedFile | null>;
  readonly reset: () => void;
}

export function useFileUpload(purpose: FilePurpose): FileUpload {
  const { t } = useTranslation();
  const [state, setState] = useState<UploadState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = useCallback(
    async (file: File, link?: (stored: UploadedFile) => Promise<unknown>): Promise<UploadedFile | null> => {
      setError(null);
      setState({ fileName: file.name, fraction: 0, done: false, stored: null });
      try {
        const stored = await uploadFile(file, purpose, (fraction) => setState({ fileName: file.name, fraction, done: false, stored: null }));
        if (link) await link(stored);
        setState({ fileName: file.name, fraction: 1, done: true, stored });
        return stored;
      } catch (caught) {
        setState(null);
        const message = caught instanceof FileRequestError ? caught.apiMessage : readApiError(caught).message;
        setError(message ?? t('errors.generic'));
        return null;
      }
    },
    [purpose, t],
  );

  const uploadChosen = useCallback(
    async (event: ChangeEvent<HTMLInputElement>, link?: (stored: UploadedFile) => Promise<unknown>): Promise<UploadedFile | null> => {
      const input = event.currentTarget;
      const file = input.files?.[0];
      if (!file) return null;
      try {
        return await upload(file, link);
      } finally {
        input.value = '';
      }
    },
    [upload],
  );

  const reset = useCallback(() => {
    setState(null);
    setError(null);
  }, []);

  return { state, error, setError, uploading: state !== null && !state.done, upload, uploadChosen, reset };
}
