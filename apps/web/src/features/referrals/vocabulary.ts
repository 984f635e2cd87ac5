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
import { useLabelsOf, type LabelsOf, type VocabularyLabels } from '../../app/labels';

const referralVocabularies = {
  status: REFERRAL_STATUSES, urgency: REFERRAL_URGENCIES, action: REFERRAL_ACTIONS, ageBand: AGE_BANDS, gender: GENDERS,
  notificationKind: NOTIFICATION_KINDS, delivery: NOTIFICATION_DELIVERIES,
  /** Why a referral's free text is withheld or does not travel. */
  textWithheld: FREE_TEXT_WITHHELD_REASONS,
};

export type ReferralLabels = LabelsOf<typeof referralVocabularies> & VocabularyLabels;

export function useReferralLabels(): ReferralLabels {
  return useLabelsOf(referralVocabularies);
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
