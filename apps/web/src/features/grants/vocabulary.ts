// The grants' vocabularies (libs/domain) in the UI language, and how amounts, dates and the
// application window read. Windows are instants shown and edited in Japan time
// (app/japan-time-format).
import {
  APPLICATION_STATUSES,
  FUNDER_KINDS,
  GRANT_STATUSES,
  GRANT_TYPES,
  GRANT_VISIBILITIES,
  LEGAL_FORMS,
  SERVICE_CATEGORIES,
} from '@tsunagu/domain';
import type { TFunction } from 'i18next';
import { useLabelsOf, type LabelsOf, type VocabularyLabels } from '../../app/labels';

const grantVocabularies = {
  funderKind: FUNDER_KINDS, grantType: GRANT_TYPES, legalForm: LEGAL_FORMS, status: GRANT_STATUSES,
  visibility: GRANT_VISIBILITIES, applicationStatus: APPLICATION_STATUSES, theme: SERVICE_CATEGORIES,
};

export type GrantLabels = LabelsOf<typeof grantVocabularies> & VocabularyLabels;

export function useGrantLabels(): GrantLabels {
  return useLabelsOf(grantVocabularies);
}

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'ja-JP');

/** ¥1,000,000 */
export function formatYen(amount: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'JPY', maximumFractionDigits: 0 }).format(amount);
}

/** A YYYY-MM-DD date in the UI language (no time zone conversion). */
export function formatDay(isoDate: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', dateStyle: 'medium' }).format(date);
}

/** "¥100,000〜¥500,000", "上限なし", "〜¥500,000" … */
export function amountRange(
  t: TFunction,
  language: string,
  grant: { amountMin?: number | null; amountMax?: number | null; amountUnlimited: boolean },
): string {
  const min = grant.amountMin != null ? formatYen(grant.amountMin, language) : null;
  if (grant.amountUnlimited) return min ? t('grants.amount.fromUnlimited', { min }) : t('grants.amount.unlimited');
  const max = grant.amountMax != null ? formatYen(grant.amountMax, language) : null;
  if (min && max) return min === max ? max : t('grants.amount.range', { min, max });
  if (max) return t('grants.amount.upTo', { max });
  if (min) return t('grants.amount.from', { min });
  return t('grants.amount.notSet');
}

export type WindowState =
  | { kind: 'closed' }
  | { kind: 'notYetOpen'; opensAt: string }
  | { kind: 'open'; daysLeft: number | null };

const dayMs = 24 * 60 * 60 * 1000;

/** Where a listing's application window stands now. */
export function windowState(
  grant: { status: string; windowOpensAt?: string | null; windowClosesAt?: string | null },
  now: number = Date.now(),
): WindowState {
  if (grant.status === 'CLOSED' || grant.status === 'ARCHIVED') return { kind: 'closed' };
  if (grant.windowClosesAt && new Date(grant.windowClosesAt).getTime() <= now) return { kind: 'closed' };
  if (grant.windowOpensAt && new Date(grant.windowOpensAt).getTime() > now) return { kind: 'notYetOpen', opensAt: grant.windowOpensAt };
  if (!grant.windowClosesAt) return { kind: 'open', daysLeft: null };
  return { kind: 'open', daysLeft: Math.ceil((new Date(grant.windowClosesAt).getTime() - now) / dayMs) };
}


