// Partnerships (連携管理, DESIGN.md capability 6): public–private partnerships between a
// municipality and an organisation, kept by the municipality's liaisons; the partner reads its
// own. Vocabulary, the status moves and who manages them.
import type { OrganizationKind, Role } from './roles';
import { vocabulary } from './vocabulary';

export const PARTNERSHIP_TYPES = vocabulary({
  CONTRACT: { ja: '委託', en: 'Contract (委託)' },
  SUBSIDY: { ja: '補助', en: 'Subsidy (補助)' },
  AGREEMENT: { ja: '協定', en: 'Agreement (協定)' },
  COUNCIL: { ja: '地域協議会', en: 'Regional council membership' },
  INFORMAL: { ja: '任意の連携', en: 'Informal' },
});
export type PartnershipType = (typeof PARTNERSHIP_TYPES.codes)[number];

export const PARTNERSHIP_STATUSES = vocabulary({
  PROPOSED: { ja: '提案中', en: 'Proposed' },
  ACTIVE: { ja: '実施中', en: 'Active' },
  UNDER_REVIEW: { ja: '見直し中', en: 'Under review' },
  ENDED: { ja: '終了', en: 'Ended' },
});
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES.codes)[number];

/** Where each status may go next; ENDED is final (a renewed partnership is a new record). */
export const PARTNERSHIP_STATUS_MOVES: Readonly<Record<PartnershipStatus, readonly PartnershipStatus[]>> = {
  PROPOSED: ['ACTIVE', 'ENDED'],
  ACTIVE: ['UNDER_REVIEW', 'ENDED'],
  UNDER_REVIEW: ['ACTIVE', 'ENDED'],
  ENDED: [],
};

export function mayMovePartnership(from: PartnershipStatus, to: PartnershipStatus): boolean {
  return PARTNERSHIP_STATUS_MOVES[from].includes(to);
}

export const INTERACTION_KINDS = vocabulary({
  MEETING: { ja: '打合せ・会議', en: 'Meeting' },
  CALL: { ja: '電話', en: 'Call' },
  VISIT: { ja: '訪問', en: 'Visit' },
  EMAIL: { ja: 'メール', en: 'Email' },
  OTHER: { ja: 'その他', en: 'Other' },
});
export type InteractionKind = (typeof INTERACTION_KINDS.codes)[number];

export const CONTACT_SIDES = vocabulary({
  MUNICIPALITY: { ja: '自治体側', en: 'Municipality' },
  PARTNER: { ja: '連携先', en: 'Partner' },
});
export type ContactSide = (typeof CONTACT_SIDES.codes)[number];

/** Who manages partnerships: liaisons of a municipality, for their own municipality. */
export function mayManagePartnerships(organizationKind: OrganizationKind, roles: readonly Role[]): boolean {
  return organizationKind === 'MUNICIPALITY' && roles.includes('LIAISON');
}

/** Days before a partnership's review date when its liaisons are reminded. */
export const PARTNERSHIP_REVIEW_REMINDER_DAYS = [30, 7] as const;
/** Days before a follow-up's due date when its assignee is reminded. */
export const FOLLOW_UP_REMINDER_DAYS = [1] as const;
