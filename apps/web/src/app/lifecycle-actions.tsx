// A record's life-cycle actions (publish, close, reopen, archive, …) as a row of buttons, each
// asking for confirmation first and showing the API's reason when it refuses. Which actions a
// record offers comes from its domain transitions table (e.g. GRANT_TRANSITIONS), so the buttons
// match what the API allows from the record's status. Each action is one id-taking mutation
// document, run here, so a record's actions are only a table of documents.
import type { TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { Button, Group } from '@mantine/core';
import { ConfirmActionDialog, useConfirmation } from './confirm-action';

/** The actions whose transition starts from `status`, in the order given. */
export function actionsFrom<A extends string>(transitions: Readonly<Record<A, { readonly from: readonly string[] }>>, order: readonly A[], status: string): A[] {
  return order.filter((action) => transitions[action].from.includes(status));
}

/** An action's mutation document: it takes the record's id. */
export type IdMutationDocument = TypedDocumentNode<unknown, { id: string }>;

export interface LifecycleActionsProps<A extends string> {
  /** The actions open now, in the order they are offered. */
  readonly actions: readonly A[];
  /** Names the group of buttons for assistive technology. */
  readonly label: string;
  readonly buttonLabel: (action: A) => string;
  /** The confirm button's words (the action's label unless given). */
  readonly confirmLabel?: (action: A) => string;
  readonly confirmBody: (action: A) => string;
  /** Actions that take the record away from its readers: red confirm button. */
  readonly dangerous: readonly A[];
  /** One mutation per action, each run with the record's id. */
  readonly mutations: Readonly<Record<A, IdMutationDocument>>;
  readonly recordId: string;
  /** After an action succeeded (e.g. forget the cached lists it changed). */
  readonly onDone: () => void;
  readonly disabled?: boolean;
}

/** Publishing is the step forward (a filled button), archiving the one that takes away (red). */
function buttonLook(action: string) {
  if (action === 'PUBLISH') return { variant: 'filled' } as const;
  if (action === 'ARCHIVE') return { variant: 'light', color: 'red' } as const;
  return { variant: 'default' } as const;
}

export function LifecycleActions<A extends string>({
  actions,
  label,
  buttonLabel,
  confirmLabel = buttonLabel,
  confirmBody,
  dangerous,
  mutations,
  recordId,
  onDone,
  disabled,
}: LifecycleActionsProps<A>) {
  const client = useApolloClient();
  const confirmation = useConfirmation(async (action: A) => {
    await client.mutate({ mutation: mutations[action], variables: { id: recordId } });
    onDone();
  });
  const confirming = confirmation.target;
  if (!actions.length) return null;
  return (
    <>
      <Group gap="xs" role="group" aria-label={label}>
        {actions.map((action) => (
          <Button key={action} {...buttonLook(action)} disabled={disabled} onClick={() => confirmation.ask(action)}>
            {buttonLabel(action)}
          </Button>
        ))}
      </Group>
      <ConfirmActionDialog
        confirmation={confirmation}
        title={confirming ? buttonLabel(confirming) : ''}
        confirmLabel={confirming ? confirmLabel(confirming) : ''}
        danger={confirming !== null && dangerous.includes(confirming)}
      >
        {confirmBody}
      </ConfirmActionDialog>
    </>
  );
}
