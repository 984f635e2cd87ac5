// The one shell of an editor page (/…/:id/edit): the ability gate, the loading state, a load
// error with a way back, and the record's own "may this person edit it" check. Features name
// the record's query and render the editor for the loaded record; they never spell these states.
// Creating and saving go through one pair of hooks too, so every "new" page and every editor
// forgets the same cached lists and lands where its kind of record lands.
import type { TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Stack, type MantineSpacing } from '@mantine/core';
import type { Action, SubjectType } from '@tsunagu/authz';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiErrorAlert } from './api-error-alert';
import { readApiError, type ApiError } from './api-errors';
import { FormErrorSummary } from './form-error-summary';
import { AbilityPage } from './ability-page';
import { RequireAbility } from './auth/require-auth';
import { useSession } from './auth/use-session';

export interface EditorPageProps<T> {
  /** What the ability allows for this kind of record; when false the record is not even asked for. */
  readonly allowed: boolean;
  readonly loading: boolean;
  readonly error: unknown;
  /** The loaded record, once there. */
  readonly record: T | null | undefined;
  /** The page's title, shown above a load error (omit to show the error alone). */
  readonly title?: string;
  /** Where a person goes back to when the record cannot be loaded (omit to show the error alone). */
  readonly back?: { readonly to: string; readonly label: string };
  /** Whether this person may edit this very record (e.g. its organisation's own). */
  readonly mayEdit: (record: T) => boolean;
  /** What a person who may not edit sees instead; the "not allowed" notice unless given (e.g. a redirect). */
  readonly denied?: ReactNode;
  readonly children: (record: T) => ReactNode;
}

export function EditorPage<T>({ allowed, loading, error, record, title, back, mayEdit, denied, children }: EditorPageProps<T>) {
  const { t } = useTranslation();
  const gate = (may: boolean, content: ReactNode) => (may || denied === undefined ? <RequireAbility allowed={may}>{content}</RequireAbility> : denied);
  if (!allowed) return gate(false, null);
  if (loading && !record) return <LoadingState label={t('common.loading')} />;
  if (!record) {
    return (
      <>
        {title ? <PageHeader title={title} /> : null}
        <ApiErrorAlert error={readApiError(error)} />
        {back ? (
          <Anchor component={Link} to={back.to}>
            {back.label}
          </Anchor>
        ) : null}
      </>
    );
  }
  return gate(mayEdit(record), children(record));
}

/** The ability an editor route asks for, as the shared ability names it (e.g. ['update', 'Grant']). */
export type RequiredAbility = readonly [Action, SubjectType];

export type EditRecordRouteProps<TData, T> = Omit<EditorPageProps<T>, 'allowed' | 'loading' | 'error' | 'record' | 'denied'> & {
  /** The record's query, asked with the route's :id. */
  readonly query: TypedDocumentNode<TData, { id: string }>;
  /** The record in the query's answer. */
  readonly pick: (data: TData) => T | null | undefined;
  /** The ability the page needs; without it the record is not even asked for. Omit when the record alone decides (mayEdit). */
  readonly requires?: RequiredAbility;
  /** What a person who may not edit sees instead, given the route's :id (e.g. a redirect to the record's page). */
  readonly denied?: (id: string) => ReactNode;
};

/** An editor route (/…/:id/edit): reads :id, asks for the record when the ability allows, and shows it in the EditorPage shell. */
export function EditRecordRoute<TData, T>({ query, pick, requires, denied, ...page }: EditRecordRouteProps<TData, T>) {
  const { id = '' } = useParams();
  const { ability } = useSession();
  const allowed = requires === undefined || ability.can(...requires);
  const { data, loading, error } = useQuery(query, { variables: { id }, skip: !allowed });
  return <EditorPage {...page} allowed={allowed} loading={loading} error={error} record={data ? pick(data) : undefined} denied={denied?.(id)} />;
}

/** The page that creates a record: the ability gate, the page's header and the form. */
export function NewRecordPage({ allowed, title, description, children }: { allowed: boolean; title: string; description: string; children: ReactNode }) {
  return (
    <AbilityPage allowed={allowed} title={title} description={description}>
      {children}
    </AbilityPage>
  );
}

/**
 * Goes from the "new" page to the created record's editor, which greets with the "saved" notice
 * (a draft must exist before files or modules are added, so creating is only the first save).
 */
export function useOpenCreated(): (editorPath: string) => void {
  const navigate = useNavigate();
  return (editorPath) => navigate(`${editorPath}?created=1`, { replace: true });
}

/** Where a created record opens: its editor (a draft, greeted with the "saved" notice), or its own page. */
export type CreatedRecordTarget<TData> =
  | { readonly editorPath: (created: TData) => string; readonly recordPath?: never }
  | { readonly recordPath: (created: TData) => string; readonly editorPath?: never };

/**
 * Creating a record from a "new" page: sends the create mutation with the form's input,
 * forgets the cached lists the record enters, and opens it. Errors reach the form (useSchemaForm).
 */
export function useCreateRecord<TData, TInput>(
  mutation: TypedDocumentNode<TData, { input: TInput }>,
  { forget, ...target }: { readonly forget: () => void } & CreatedRecordTarget<TData>,
) {
  const navigate = useNavigate();
  const openCreated = useOpenCreated();
  const [send, { loading }] = useMutation(mutation);
  const create = async (input: TInput) => {
    const result = await send({ variables: { input } });
    forget();
    if (!result.data) return;
    if (target.editorPath) openCreated(target.editorPath(result.data));
    else navigate(target.recordPath(result.data));
  };
  return { create, saving: loading };
}

/**
 * Saving a record from its editor: sends the update mutation, forgets the cached lists the
 * change may move it in or out of, then either shows the "saved" notice on the editor or, given
 * a recordPath, goes back to the record's own page.
 */
export function useUpdateRecord<TData, TInput>(
  mutation: TypedDocumentNode<TData, { id: string; input: TInput }>,
  id: string,
  { forget, recordPath }: { readonly forget: () => void; readonly recordPath?: string },
) {
  const navigate = useNavigate();
  const notice = useSavedNotice();
  const [send, { loading }] = useMutation(mutation);
  const save = async (input: TInput) => {
    notice.hide();
    await send({ variables: { id, input } });
    forget();
    if (recordPath === undefined) notice.show();
    else navigate(recordPath);
  };
  return { save, saving: loading, notice };
}

/** The "saved" notice of an editor: shown after each save, and on arrival from the "new" page (useOpenCreated). */
export function useSavedNotice() {
  const [shown, setShown] = useState(() => new URLSearchParams(window.location.search).get('created') === '1');
  return { shown, show: () => setShown(true), hide: () => setShown(false) };
}

export function SavedNotice({ notice, children }: { notice: ReturnType<typeof useSavedNotice>; children: ReactNode }) {
  if (!notice.shown) return null;
  return (
    <Alert color="green" variant="light" role="status" withCloseButton onClose={notice.hide}>
      {children}
    </Alert>
  );
}

interface FormActionsProps {
  error: ApiError | null;
  submitLabel: string;
  saving: boolean;
  /** Leaves the form; without it there is no cancel button (the form stays on the page). */
  onCancel?: () => void;
  cancelDisabled?: boolean;
}

/**
 * The end of a form whose page has no shell around it: the summary of a failed submit (here,
 * beside the button that was pressed, as the form's top belongs to its page), the API's refusal,
 * then submit and, where the form can be left, cancel.
 */
export function FormActions(props: FormActionsProps) {
  return (
    <>
      <FormErrorSummary />
      <FormButtons {...props} />
    </>
  );
}

/** The API's refusal, then submit and, where the form can be left, cancel. */
function FormButtons({ error, submitLabel, saving, onCancel, cancelDisabled }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ApiErrorAlert error={error} />
      <Group gap="sm">
        <Button type="submit" loading={saving}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </Group>
    </>
  );
}

/** What the page around an editor's form decides: the submit handler, its words, the saving state, and whether the record may change. */
export interface EditorFormActions {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  disabled?: boolean;
  submitLabel: string;
  saving: boolean;
  onCancel: () => void;
}

/**
 * An editor's form: named for assistive technology, disabled as a whole when the record may not
 * change, opening with the summary of a failed submit and ending in its actions.
 */
export function EditorForm({
  label,
  onSubmit,
  disabled,
  error,
  submitLabel,
  saving,
  onCancel,
  children,
}: EditorFormActions & {
  label: string;
  error: ApiError | null;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label}>
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          <FormErrorSummary />
          {children}
          <FormButtons error={error} submitLabel={submitLabel} saving={saving} onCancel={onCancel} />
        </Stack>
      </fieldset>
    </form>
  );
}

/**
 * The page of one saved record's editor: its header with the way to the record's own page, its
 * status and life-cycle actions, the "saved" notice, and why it can no longer be changed.
 */
export function RecordEditorLayout({
  title,
  description,
  headerActions,
  viewPage,
  status,
  notice,
  savedMessage,
  lockedNote,
  gap = 'md',
  children,
}: {
  title: string;
  description: string;
  /** Shown before the link to the record's page. */
  headerActions?: ReactNode;
  viewPage: { readonly to: string; readonly label: string };
  /** The status badge and the actions beside it. */
  status: ReactNode;
  notice: ReturnType<typeof useSavedNotice>;
  savedMessage: string;
  /** Why the record cannot be changed any more; null while it can. */
  lockedNote: string | null;
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <Group gap="xs">
            {headerActions}
            <Button component={Link} to={viewPage.to} variant="default">
              {viewPage.label}
            </Button>
          </Group>
        }
      />
      <Stack gap={gap}>
        <Group gap="sm" wrap="wrap">
          {status}
        </Group>
        <SavedNotice notice={notice}>{savedMessage}</SavedNotice>
        {lockedNote ? (
          <Alert color="yellow" variant="light">
            {lockedNote}
          </Alert>
        ) : null}
        {children}
      </Stack>
    </>
  );
}
