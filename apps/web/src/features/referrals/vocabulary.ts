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
  type LocalizedText,
} from '@tsunagu/domain';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Labels = Readonly<Record<string, LocalizedText>>;

function labelIn(labels: Labels, code: string, language: string): string {
  const label = labels[code] as LocalizedText | undefined;
  if (!label) return code;
  return language === 'en' ? label.en : label.ja;
}

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
  const { i18n } = useTranslation();
  const language = i18n.language;
  const of = useCallback((labels: Labels) => (code: string) => labelIn(labels, code, language), [language]);
  return useMemo(
    () => ({
      language,
      status: of(REFERRAL_STATUSES.labels),
      urgency: of(REFERRAL_URGENCIES.labels),
      action: of(REFERRAL_ACTIONS.labels),
      ageBand: of(AGE_BANDS.labels),
      gender: of(GENDERS.labels),
      notificationKind: of(NOTIFICATION_KINDS.labels),
      delivery: of(NOTIFICATION_DELIVERIES.labels),
      textWithheld: of(FREE_TEXT_WITHHELD_REASONS.labels),
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
