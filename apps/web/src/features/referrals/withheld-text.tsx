// Free text of a referral withheld from me (a message, a timeline note, the onward outcome): the
// API gives null with the reason, never an empty text. Shown as a marker that says so — for
// special-care data the same 「要配慮個人情報（非表示）」 as the shared categories — with the
// full reason on hover.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReferralLabels } from './vocabulary';

export function WithheldText({ reason }: { reason: string }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const full = t('referrals.detail.textWithheld', { reason: labels.textWithheld(reason) });
  return (
    <Text component="span" fz="sm" c="dimmed" fs="italic" title={full} data-testid="referral-text-withheld">
      {reason === 'SPECIAL_CARE_HIDDEN' ? t('referrals.detail.specialCareTextHidden') : full}
    </Text>
  );
}
