// Grant and subsidy information (助成金・補助金情報, DESIGN.md capability 4): the vocabulary of a
// listing, its life cycle, and an organisation's application to it. Themes are the directory's
// SERVICE_CATEGORIES, so a grant for 居場所 and a 居場所 service meet on the same code.
import type { OrganizationKind, Role } from './roles';
import { vocabulary } from './vocabulary';
import { NETWORK_VISIBILITIES, NetworkVisibility, PUBLICATION_STATUS_LABELS } from './visibility';

export const FUNDER_KINDS = vocabulary({
  NATIONAL: { ja: '国', en: 'National government' },
  PREFECTURE: { ja: '都道府県', en: 'Prefecture' },
  MUNICIPALITY: { ja: '市区町村', en: 'Municipality' },
  FOUNDATION: { ja: '財団・基金', en: 'Foundation' },
  COMPANY: { ja: '企業', en: 'Company' },
  OTHER: { ja: 'その他', en: 'Other' },
});
export type FunderKind = (typeof FUNDER_KINDS.codes)[number];

export const GRANT_TYPES = vocabulary({
  GRANT: { ja: '助成金', en: 'Grant' },
  SUBSIDY: { ja: '補助金', en: 'Subsidy' },
  CONTRACT: { ja: '委託', en: 'Contract (委託)' },
  PRIZE: { ja: '表彰・賞金', en: 'Prize' },
  IN_KIND: { ja: '物品・現物支援', en: 'In-kind support' },
});
export type GrantType = (typeof GRANT_TYPES.codes)[number];

/** Legal forms an applicant may need to have (法人格). */
export const LEGAL_FORMS = vocabulary({
  NPO_CORPORATION: { ja: 'NPO法人（特定非営利活動法人）', en: 'NPO corporation' },
  GENERAL_INCORPORATED_ASSOCIATION: { ja: '一般社団法人', en: 'General incorporated association' },
  GENERAL_INCORPORATED_FOUNDATION: { ja: '一般財団法人', en: 'General incorporated foundation' },
  PUBLIC_INTEREST_CORPORATION: { ja: '公益社団法人・公益財団法人', en: 'Public interest corporation' },
  SOCIAL_WELFARE_CORPORATION: { ja: '社会福祉法人', en: 'Social welfare corporation' },
  VOLUNTARY_GROUP: { ja: '任意団体', en: 'Voluntary group (unincorporated)' },
  COOPERATIVE: { ja: '協同組合', en: 'Cooperative' },
  COMPANY: { ja: '株式会社・合同会社など', en: 'Company' },
  OTHER: { ja: 'その他', en: 'Other' },
});
export type LegalForm = (typeof LEGAL_FORMS.codes)[number];

export const GRANT_STATUSES = vocabulary({
  DRAFT: PUBLICATION_STATUS_LABELS.DRAFT,
  PUBLISHED: PUBLICATION_STATUS_LABELS.PUBLISHED,
  CLOSED: { ja: '募集終了', en: 'Closed' },
  ARCHIVED: PUBLICATION_STATUS_LABELS.ARCHIVED,
});
export type GrantStatus = (typeof GRANT_STATUSES.codes)[number];

export const GRANT_VISIBILITIES = NETWORK_VISIBILITIES;
export type GrantVisibility = NetworkVisibility;

export const APPLICATION_STATUSES = vocabulary({
  PLANNING: { ja: '申請準備中', en: 'Planning' },
  APPLIED: { ja: '申請済み', en: 'Applied' },
  AWARDED: { ja: '採択', en: 'Awarded' },
  REJECTED: { ja: '不採択', en: 'Rejected' },
  WITHDRAWN: { ja: '取り下げ', en: 'Withdrawn' },
});
export type ApplicationStatus = (typeof APPLICATION_STATUSES.codes)[number];

/** Who publishes: grant editors of intermediary bodies and municipalities. */
export const GRANT_PUBLISHER_KINDS: readonly OrganizationKind[] = ['INTERMEDIARY', 'MUNICIPALITY'];

export function mayPublishGrants(organizationKind: OrganizationKind, roles: readonly Role[]): boolean {
  return GRANT_PUBLISHER_KINDS.includes(organizationKind) && roles.includes('GRANT_EDITOR');
}

/** Who records their organisation's applications. */
export function mayRecordApplications(roles: readonly Role[]): boolean {
  return roles.some((role) => role === 'ORG_ADMIN' || role === 'COORDINATOR' || role === 'GRANT_EDITOR');
}

/** Moves allowed by a grant's publisher; CLOSED also comes by itself when the window ends. */
export const GRANT_TRANSITIONS: Readonly<Record<'PUBLISH' | 'CLOSE' | 'ARCHIVE' | 'REOPEN', { from: readonly GrantStatus[]; to: GrantStatus }>> = {
  PUBLISH: { from: ['DRAFT'], to: 'PUBLISHED' },
  CLOSE: { from: ['PUBLISHED'], to: 'CLOSED' },
  ARCHIVE: { from: ['DRAFT', 'PUBLISHED', 'CLOSED'], to: 'ARCHIVED' },
  REOPEN: { from: ['CLOSED'], to: 'PUBLISHED' },
};

/** The prefecture code of a 5-digit JIS X 0402 code, as a 5-digit region code ("13102" → "13000"). */
export function prefectureRegion(code: string): string {
  return `${code.slice(0, 2)}000`;
}

/** Reminder points before a bookmarked grant closes (days); the deadline-reminder job mails one per point. */
export const GRANT_REMINDER_DAYS = [7, 1] as const;
