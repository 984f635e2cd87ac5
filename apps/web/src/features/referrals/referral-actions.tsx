// The actions I may take on a referral now (Referral.availableActions, decided by the API with
// the domain's state machine): one button each, those that need a reason (DECLINE,
// CLOSE_UNRESOLVED) or an outcome (COMPLETE) ask for it in a modal, and FORWARD opens the
// forwarding form. When someone else changed the referral first the API answers CONFLICT: the
// message says so, and one button reloads the referral as it is now.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { REFERRAL_TRANSITIONS, type ReferralAction } from '@tsunagu/domain';
import { TransitionReferralDocument, type ReferralFullFragment } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { ForwardModal } from './forward-modal';
import { useReferralLabels } from './vocabulary';

const dangerActions: readonly ReferralAction[] = ['DECLINE', 'CANCEL', 'CLOSE_UNRESOLVED'];

export function ConflictAlert({ error, onRefresh }: { error: ApiError; onRefresh: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert role="alert" color="orange" variant="light" title={t('referrals.conflict.title')} data-testid="referral-conflict">
      <Stack gap="xs">
        <Text fz="sm">{error.message ?? t('referrals.conflict.body')}</Text>
        <Button size="xs" variant="default" onClick={onRefresh} style={{ alignSelf: 'flex-start' }}>
          {t('referrals.conflict.refresh')}
        </Button>
      </Stack>
    </Alert>
  );
}

export function ReferralActions({ referral, onRefresh }: { referral: ReferralFullFragment; onRefresh: () => void }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const [asking, setAsking] = useState<ReferralAction | null>(null);
  const [forwarding, setForwarding] = useState(false);
  const [text, setText] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [transition, { loading }] = useMutation(TransitionReferralDocument, {
    refetchQueries: ['Referral', 'ReferralCounts', 'Referrals', 'PersonReferrals'],
    awaitRefetchQueries: true,
  });
  const actions = referral.availableActions.filter((action) => action !== 'EXPIRE');
  if (actions.length === 0) return null;

  const run = async (action: ReferralAction, given: string | null) => {
    setError(null);
    try {
      await transition({ variables: { id: referral.id, action, text: given } });
      setAsking(null);
      setText('');
      setAttempted(false);
    } catch (caught) {
      const read = readApiError(caught);
      setError(read);
      if (read.code === 'CONFLICT') setAsking(null);
    }
  };

  const start = (action: ReferralAction) => {
    setError(null);
    if (action === 'FORWARD') {
      setForwarding(true);
      return;
    }
    setText('');
    setAttempted(false);
    setAsking(action);
  };

  const needs = asking ? REFERRAL_TRANSITIONS[asking].requires : null;
  const confirm = () => {
    if (!asking) return;
    setAttempted(true);
    if (needs && !text.trim()) return;
    void run(asking, needs ? text.trim() : null);
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
      {error && error.code === 'CONFLICT' ? (
        <ConflictAlert
          error={error}
          onRefresh={() => {
            setError(null);
            onRefresh();
          }}
        />
      ) : null}
      {!asking && error && error.code !== 'CONFLICT' ? <ApiErrorAlert error={error} /> : null}
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? t('referrals.detail.confirmTitle', { action: labels.action(asking) }) : ''} centered>
        <Stack gap="md">
          <Text fz="sm">{asking ? t(`referrals.confirm.${asking as Exclude<ReferralAction, 'FORWARD' | 'EXPIRE'>}`) : null}</Text>
          {needs ? (
            <Textarea
              label={needs === 'OUTCOME' ? t('referrals.fields.outcome') : t('referrals.detail.reason')}
              required
              autosize
              minRows={3}
              value={text}
              data-autofocus
              error={attempted && !text.trim() ? (needs === 'OUTCOME' ? t('referrals.detail.outcomeRequired') : t('referrals.detail.reasonRequired')) : undefined}
              onChange={(event) => setText(event.currentTarget.value)}
            />
          ) : null}
          {error ? <ApiErrorAlert error={error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(null)} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button color={asking && dangerActions.includes(asking) ? 'red' : undefined} onClick={confirm} loading={loading}>
              {asking ? labels.action(asking) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {forwarding ? <ForwardModal referral={referral} onClose={() => setForwarding(false)} onConflict={(caught) => { setForwarding(false); setError(caught); }} /> : null}
    </Stack>
  );
}
