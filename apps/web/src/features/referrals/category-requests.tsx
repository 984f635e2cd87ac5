// Asking for more and sharing more (issue 14, finding 9): a referral's shared categories bound
// what its receiver reads about the person. A receiver that needs more asks, with a reason; the
// sender — the organisation that registered the person — sees the request on the timeline and
// decides. Sharing is consent-checked by the API like sending, and writes a provision record.
import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Modal, Stack, Text } from '@mantine/core';
import {
  categoryRequestSchema,
  categoryShareSchema,
  LIVE_REFERRAL_STATUSES,
  PERSONAL_DATA_CATEGORIES,
  type PersonalDataCategory,
  type ReferralStatus,
} from '@tsunagu/domain';
import {
  RequestReferralCategoriesDocument,
  ShareReferralCategoriesDocument,
  type ReferralEventRowFragment,
  type ReferralFullFragment,
} from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { LongTextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { ModalFormButtons } from '../../app/modal-form-buttons';
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
  const refetchQueries = ['Referral'];
  const [request] = useMutation(RequestReferralCategoriesDocument, { refetchQueries });
  const [share] = useMutation(ShareReferralCategoriesDocument, { refetchQueries });
  const key = mode === 'REQUEST' ? 'request' : 'share';
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: mode === 'REQUEST' ? categoryRequestSchema : categoryShareSchema,
    initialValues: { categories: initial, reason: '' },
    toInput: (values) => (mode === 'REQUEST' ? values : { categories: values.categories }),
  });
  const submit = onSubmit(async ({ categories }, { reason }) => {
    if (mode === 'REQUEST') await request({ variables: { id: referralId, categories, reason: reason.trim() } });
    else await share({ variables: { id: referralId, categories } });
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title={t(`referrals.categoryRequests.${key}Title`)} size="lg" centered>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text fz="sm">{t(`referrals.categoryRequests.${key}Help`)}</Text>
          <Checkbox.Group label={t('referrals.categoryRequests.categories')} {...form.getInputProps('categories')}>
            <Stack gap={6} mt="xs">
              {choices.map((category) => (
                <Checkbox key={category} value={category} label={labels.category(category)} />
              ))}
            </Stack>
          </Checkbox.Group>
          {mode === 'REQUEST' ? (
            <LongTextField
              label={t('referrals.categoryRequests.reason')}
              required
              rows={2}
              form={form} name="reason"
            />
          ) : null}
          <ApiErrorAlert error={apiError} />
          <ModalFormButtons submitLabel={t(`referrals.categoryRequests.${key}Submit`)} submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
