// The referral vocabularies (libs/domain referrals.ts) in the UI language, and the small
// helpers the referral pages share: who the counterpart is, and how a case is named.
import {
  AGE_BANDS,
  FREE_TEXT_WITHHELD_REASONS,
  GENDERS,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
} from '@tsunagu/domain';
import { useMemo } from 'react';
import { useVocabularyLabels } from '../../app/labels';

export interface ReferralLabels {
  language: string;
  status: (code: string) => string;
  urgency: (code: string) => string;
  action: (code: string) => string;
  ageBand: (code: string) => string;
  gender: (code: string) => string;
  notificationKind: (code: string) => string;
  delivery: (code: string) => string;
  /** Why a referral's free text is withheld or does not travel. */
  textWithheld: (code: string) => string;
}

export function useReferralLabels(): ReferralLabels {
  const { language, of } = useVocabularyLabels();
  return useMemo(
    () => ({
      language,
      status: of(REFERRAL_STATUSES),
      urgency: of(REFERRAL_URGENCIES),
      action: of(REFERRAL_ACTIONS),
      ageBand: of(AGE_BANDS),
      gender: of(GENDERS),
      notificationKind: of(NOTIFICATION_KINDS),
      delivery: of(NOTIFICATION_DELIVERIES),
      textWithheld: of(FREE_TEXT_WITHHELD_REASONS),
    }),
    [language, of],
  );
}

interface Party {
  readonly mySides: readonly string[];
  readonly senderOrganization: { readonly name: string };
  readonly receiverOrganization: { readonly name: string };
}

/** The other organisation of a referral, as seen from my side. */
export function counterpartName(referral: Party): string {
  return referral.mySides.includes('SENDER') ? referral.receiverOrganization.name : referral.senderOrganization.name;
}
