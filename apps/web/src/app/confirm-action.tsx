// An action that is asked about first (removing a document, revoking an invitation, deleting a
// service…): useConfirmation remembers what is being asked about, runs the action on "confirm"
// and keeps the dialog open with the API's reason when it is refused; ConfirmActionDialog is the
// dialog for it, with Cancel and the refusal in their usual places.
import { ConfirmDialog } from '@tsunagu/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './api-error-alert';
import { readApiError, type ApiError } from './api-errors';

export interface Confirmation<Target> {
  /** What the dialog asks about, or null while it is closed. */
  readonly target: Target | null;
  readonly error: ApiError | null;
  readonly running: boolean;
  /** Opens the dialog about this target. */
  readonly ask: (target: Target) => void;
  readonly cancel: () => void;
  readonly confirm: () => Promise<void>;
}

/** `action` runs on confirm; the dialog closes when it succeeds. */
export function useConfirmation<Target>(action: (target: Target) => Promise<unknown>): Confirmation<Target> {
  const [target, setTarget] = useState<Target | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  const confirm = async () => {
    if (target === null) return;
    setError(null);
    setRunning(true);
    try {
      await action(target);
      setTarget(null);
    } catch (caught) {
      setError(readApiError(caught));
    } finally {
      setRunning(false);
    }
  };
  const ask = (next: Target) => {
    setError(null);
    setTarget(next);
  };
  const cancel = () => {
    setError(null);
    setTarget(null);
  };
  return { target, error, running, ask, cancel, confirm };
}

export interface ConfirmActionDialogProps<Target> {
  confirmation: Confirmation<Target>;
  title: string;
  /** Says what will happen, e.g. "Delete". */
  confirmLabel: string;
  /** "Cancel" unless the dialog says what keeping things as they are means. */
  cancelLabel?: string;
  /** Red for actions that take something away. */
  danger?: boolean;
  /** The question, about the target. */
  children: (target: Target) => ReactNode;
}

export function ConfirmActionDialog<Target>({ confirmation, title, confirmLabel, cancelLabel, danger = false, children }: ConfirmActionDialogProps<Target>) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      opened={confirmation.target !== null}
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={cancelLabel ?? t('common.cancel')}
      danger={danger}
      loading={confirmation.running}
      error={<ApiErrorAlert error={confirmation.error} />}
      onConfirm={() => void confirmation.confirm()}
      onCancel={confirmation.cancel}
    >
      {confirmation.target === null ? null : children(confirmation.target)}
    </ConfirmDialog>
  );
}
