// A record's life-cycle actions (publish, close, reopen, archive, …) as a row of buttons, each
// asking for confirmation first and showing the API's reason when it refuses. Which actions a
// record offers comes from its domain transitions table (e.g. GRANT_TRANSITIONS), so the buttons
// match what the API allows from the record's status.
import { Button, Group } from '@mantine/core';
import { ConfirmActionDialog, useConfirmation } from './confirm-action';

/** The actions whose transition starts from `status`, in the order given. */
export function actionsFrom<A extends string>(transitions: Readonly<Record<A, { readonly from: readonly string[] }>>, order: readonly A[], status: string): A[] {
  return order.filter((action) => transitions[action].from.includes(status));
}

/** An action's mutation as useMutation gives it: it takes the record's id. */
export type IdMutation = readonly [(options: { variables: { id: string } }) => Promise<unknown>, { readonly loading: boolean }];

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
  readonly mutations: Readonly<Record<A, IdMutation>>;
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
  const confirmation = useConfirmation(async (action: A) => {
    const [mutate] = mutations[action];
    await mutate({ variables: { id: recordId } });
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
