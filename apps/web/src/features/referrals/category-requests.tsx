// Asking for more and sharing more (issue 14, finding 9): a referral's shared categories bound
// what its receiver reads about the person. A receiver that needs more asks, with a reason; the
// sender — the organisation that registered the person — sees the request on the timeline and
// decides. Sharing is consent-checked by the API like sending, and writes a provision record.
import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { LIVE_REFERRAL_STATUSES, PERSONAL_DATA_CATEGORIES, type PersonalDataCategory, type ReferralStatus } from '@tsunagu/domain';
import {
  RequestReferralCategoriesDocument,
  ShareReferralCategoriesDocument,
  type ReferralEventRowFragment,
  type ReferralFullFragment,
} from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { usePeopleLabels } from '../people/vocabulary';

type Mode = 'REQUEST' | 'SHARE';

/** The button (and its dialog) my side may use on this referral now, if any. */
export function CategoryRequests({ referral, events, personOwnedByMe }: { referral: ReferralFullFragment; events: readonly ReferralEventRowFragment[]; personOwnedByMe: boolean }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode | null>(null);
  const live = (LIVE_REFERRAL_STATUSES as readonly string[]).includes(referral.status as ReferralStatus);
  if (!live || !referral.personId) return null;
  const notShared = PERSONAL_DATA_CATEGORIES.codes.filter((category) => !referral.sharedCategories.includes(category));
  if (notShared.length === 0) return null;
  const requested = [
    ...new Set(events.filter((event) => event.action === 'REQUEST_CATEGORIES').flatMap((event) => event.categories as PersonalDataCategory[])),
  ].filter((category) => notShared.includes(category));
  const receiver = referral.mySides.includes('RECEIVER');
  const sender = referral.mySides.includes('SENDER') && personOwnedByMe;
  return (
    <>
      {receiver ? (
        <Button variant="default" onClick={() => setMode('REQUEST')} data-testid="request-categories">
          {t('referrals.categoryRequests.request')}
        </Button>
      ) : null}
      {sender ? (
        <Button variant={requested.length ? 'filled' : 'default'} onClick={() => setMode('SHARE')} data-testid="share-categories">
          {requested.length ? t('referrals.categoryRequests.answer', { count: requested.length }) : t('referrals.categoryRequests.share')}
        </Button>
      ) : null}
      {mode ? (
        <CategoriesModal mode={mode} referralId={referral.id} choices={notShared} initial={mode === 'SHARE' ? requested : []} onClose={() => setMode(null)} />
      ) : null}
    </>
  );
}

function CategoriesModal({
  mode,
  referralId,
  choices,
  initial,
  onClose,
}: {
  mode: Mode;
  referralId: string;
  choices: PersonalDataCategory[];
  initial: PersonalDataCategory[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const [categories, setCategories] = useState<PersonalDataCategory[]>(initial);
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const refetchQueries = ['Referral'];
  const [request, requesting] = useMutation(RequestReferralCategoriesDocument, { refetchQueries });
  const [share, sharing] = useMutation(ShareReferralCategoriesDocument, { refetchQueries });
  const key = mode === 'REQUEST' ? 'request' : 'share';

  const submit = async () => {
    setAttempted(true);
    if (categories.length === 0 || (mode === 'REQUEST' && !reason.trim())) return;
    setError(null);
    try {
      if (mode === 'REQUEST') await request({ variables: { id: referralId, categories, reason: reason.trim() } });
      else await share({ variables: { id: referralId, categories } });
      onClose();
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(`referrals.categoryRequests.${key}Title`)} size="lg" centered>
      <Stack gap="md">
        <Text fz="sm">{t(`referrals.categoryRequests.${key}Help`)}</Text>
        <Checkbox.Group
          label={t('referrals.categoryRequests.categories')}
          value={categories}
          onChange={(value) => setCategories(value as PersonalDataCategory[])}
          error={attempted && categories.length === 0 ? t('referrals.categoryRequests.categoriesRequired') : undefined}
        >
          <Stack gap={6} mt="xs">
            {choices.map((category) => (
              <Checkbox key={category} value={category} label={labels.category(category)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {mode === 'REQUEST' ? (
          <Textarea
            label={t('referrals.categoryRequests.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            error={attempted && !reason.trim() ? t('referrals.detail.reasonRequired') : undefined}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        ) : null}
        <ApiErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={requesting.loading || sharing.loading}>
            {t(`referrals.categoryRequests.${key}Submit`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
