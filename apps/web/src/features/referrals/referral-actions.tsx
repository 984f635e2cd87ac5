// The actions I may take on a referral now (Referral.availableActions, decided by the API with
// the domain's state machine): one button each, those that need a reason (DECLINE,
// CLOSE_UNRESOLVED) or an outcome (COMPLETE) ask for it in a modal, and FORWARD opens the
// forwarding form. When someone else changed the referral first the API answers CONFLICT: the
// dialog closes, the message says so, and one button reloads the referral as it is now.
import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { REFERRAL_TRANSITIONS, referralActionTextSchema, type ReferralAction } from '@tsunagu/domain';
import { TransitionReferralDocument, type ReferralFullFragment } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api-errors';
import { FormConfirmDialog } from '../../app/form-confirm-dialog';
import { LongTextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { ForwardModal } from './forward-modal';
import { ConflictAlert, conflictOf } from './referral-conflict';
import { useReferralLabels } from './vocabulary';

const dangerActions: readonly ReferralAction[] = ['DECLINE', 'CANCEL', 'CLOSE_UNRESOLVED'];

/** What a member may do (expiry is the system's). */
type MemberAction = Exclude<ReferralAction, 'EXPIRE'>;

export function ReferralActions({ referral, onRefresh }: { referral: ReferralFullFragment; onRefresh: () => void }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const [asking, setAsking] = useState<MemberAction | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const actions = referral.availableActions.filter((action): action is MemberAction => action !== 'EXPIRE');
  if (actions.length === 0) return null;

  const start = (action: MemberAction) => {
    setConflict(null);
    setAsking(action);
  };
  // Someone changed the referral first: the dialog closes and the alert offers to reload it.
  const conflicted = (error: ApiError) => {
    setAsking(null);
    setConflict(error);
  };

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap" aria-label={t('referrals.detail.actions')} role="group">
        {actions.map((action) => (
          <Button key={action} color={dangerActions.includes(action) ? 'red' : undefined} variant={dangerActions.includes(action) ? 'outline' : 'filled'} onClick={() => start(action)}>
            {labels.action(action)}
          </Button>
        ))}
      </Group>
      {conflict ? (
        <ConflictAlert
          error={conflict}
          onRefresh={() => {
            setConflict(null);
            onRefresh();
          }}
        />
      ) : null}
      {asking === 'FORWARD' ? <ForwardModal referral={referral} onClose={() => setAsking(null)} onConflict={conflicted} /> : null}
      {asking && asking !== 'FORWARD' ? (
        <ActionDialog key={asking} referralId={referral.id} action={asking} onClose={() => setAsking(null)} onConflict={conflicted} />
      ) : null}
    </Stack>
  );
}

/** Confirms an action, asking for the reason or outcome it needs. */
function ActionDialog({
  referralId,
  action,
  onClose,
  onConflict,
}: {
  referralId: string;
  action: Exclude<MemberAction, 'FORWARD'>;
  onClose: () => void;
  onConflict: (error: ApiError) => void;
}) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const needs = REFERRAL_TRANSITIONS[action].requires;
  const [transition] = useMutation(TransitionReferralDocument, {
    refetchQueries: ['Referral', 'ReferralCounts', 'Referrals', 'PersonReferrals'],
    awaitRefetchQueries: true,
  });
  const { form, apiError, onSubmit } = useSchemaForm({ schema: referralActionTextSchema(action), initialValues: { text: '' }, toInput: (values) => values });
  const confirm = onSubmit(async ({ text }) => {
    if (await conflictOf(() => transition({ variables: { id: referralId, action, text } }), onConflict)) return;
    onClose();
  });
  return (
    <FormConfirmDialog
      title={t('referrals.detail.confirmTitle', { action: labels.action(action) })}
      confirmLabel={labels.action(action)}
      danger={dangerActions.includes(action)}
      submitting={form.submitting}
      apiError={apiError}
      onConfirm={() => confirm()}
      onClose={onClose}
    >
      <Stack gap="md">
        <Text fz="sm">{t(`referrals.confirm.${action}`)}</Text>
        {needs ? (
          <LongTextField
            label={needs === 'OUTCOME' ? t('referrals.fields.outcome') : t('referrals.detail.reason')}
            required
            rows={3}
            data-autofocus
            form={form} name="text"
          />
        ) : null}
      </Stack>
    </FormConfirmDialog>
  );
}
