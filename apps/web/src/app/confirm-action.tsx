// The one way to ask before a consequential action and then run it: what is being confirmed
// (a record, an action, or simply `true`), the API's refusal shown inside the dialog, and the
// dialog closing only once the action succeeded.
import { ConfirmDialog } from '@tsunagu/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './api-error-alert';
import { readApiError, type ApiError } from './api-errors';

export interface Confirmation<T> {
  /** What the open dialog asks about; null while it is closed. */
  readonly subject: T | null;
  /** The API's answer to the last try, shown in the dialog. */
  readonly error: ApiError | null;
  readonly ask: (subject: T) => void;
  readonly close: () => void;
  /** Runs the confirmed action: closes the dialog when it succeeds, keeps the API's refusal when not. */
  readonly run: (action: (subject: T) => Promise<unknown>) => Promise<void>;
}

export function useConfirmation<T = true>(): Confirmation<T> {
  const [subject, setSubject] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  return {
    subject,
    error,
    ask: (next) => {
      setError(null);
      setSubject(next);
    },
    close: () => setSubject(null),
    run: async (action) => {
      if (subject === null) return;
      setError(null);
      try {
        await action(subject);
        setSubject(null);
      } catch (caught) {
        setError(readApiError(caught));
      }
    },
  };
}

export interface ConfirmActionDialogProps<T> {
  readonly confirmation: Confirmation<T>;
  readonly title: string;
  readonly confirmLabel: string;
  /** "Cancel" unless the dialog says what keeping things as they are means. */
  readonly cancelLabel?: string;
  readonly danger?: boolean;
  readonly loading: boolean;
  readonly onConfirm: (subject: T) => Promise<unknown>;
  readonly children: ReactNode;
}

export function ConfirmActionDialog<T>({ confirmation, title, confirmLabel, cancelLabel, danger, loading, onConfirm, children }: ConfirmActionDialogProps<T>) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      opened={confirmation.subject !== null}
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={cancelLabel ?? t('common.cancel')}
      danger={danger}
      loading={loading}
      error={<ApiErrorAlert error={confirmation.error} />}
      onConfirm={() => void confirmation.run(onConfirm)}
      onCancel={confirmation.close}
    >
      {children}
    </ConfirmDialog>
  );
}
