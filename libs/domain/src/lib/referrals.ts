// Closed-loop referrals (つなぎ, DESIGN.md capability 3): the life cycle as a pure state
// machine. The API refuses what it refuses; the web shows only the actions offered here; the
// tests walk every pair of state and action.
import { vocabulary } from './vocabulary';
import type { Role } from './roles';

export const REFERRAL_STATUSES = vocabulary({
  DRAFT: { ja: '下書き', en: 'Draft' },
  SENT: { ja: '送信済み（返答待ち）', en: 'Sent (awaiting reply)' },
  ACCEPTED: { ja: '受け入れ', en: 'Accepted' },
  DECLINED: { ja: 'お断り', en: 'Declined' },
  EXPIRED: { ja: '期限切れ', en: 'Expired' },
  CANCELLED: { ja: '取り下げ', en: 'Cancelled' },
  IN_PROGRESS: { ja: '支援中', en: 'In progress' },
  COMPLETED: { ja: '完了', en: 'Completed' },
  CLOSED_UNRESOLVED: { ja: '未解決で終了', en: 'Closed unresolved' },
  FORWARDED: { ja: '他団体へ転送', en: 'Forwarded' },
});
export type ReferralStatus = (typeof REFERRAL_STATUSES.codes)[number];

export const REFERRAL_URGENCIES = vocabulary({
  URGENT: { ja: '緊急', en: 'Urgent' },
  HIGH: { ja: '高', en: 'High' },
  NORMAL: { ja: '通常', en: 'Normal' },
});
export type ReferralUrgency = (typeof REFERRAL_URGENCIES.codes)[number];

/** Default hours the receiver has to answer, per urgency (each network may change them). */
export const DEFAULT_RESPONSE_HOURS: Readonly<Record<ReferralUrgency, number>> = { URGENT: 4, HIGH: 24, NORMAL: 72 };
/** Default hours after the response deadline before an unanswered referral expires. */
export const DEFAULT_EXPIRY_GRACE_HOURS = 72;

export const AGE_BANDS = vocabulary({
  UNDER_18: { ja: '18歳未満', en: 'Under 18' },
  AGE_18_29: { ja: '18〜29歳', en: '18–29' },
  AGE_30_39: { ja: '30代', en: '30s' },
  AGE_40_49: { ja: '40代', en: '40s' },
  AGE_50_64: { ja: '50〜64歳', en: '50–64' },
  AGE_65_74: { ja: '65〜74歳', en: '65–74' },
  AGE_75_PLUS: { ja: '75歳以上', en: '75 and over' },
  UNKNOWN: { ja: '不明', en: 'Unknown' },
});
export type AgeBand = (typeof AGE_BANDS.codes)[number];

/** Which organisation a member acts for on a referral. */
export type ReferralSide = 'SENDER' | 'RECEIVER';

export const REFERRAL_ACTIONS = vocabulary({
  SEND: { ja: '送信する', en: 'Send' },
  CANCEL: { ja: '取り下げる', en: 'Cancel' },
  ACCEPT: { ja: '受け入れる', en: 'Accept' },
  DECLINE: { ja: 'お断りする', en: 'Decline' },
  START: { ja: '支援を開始する', en: 'Start support' },
  COMPLETE: { ja: '完了にする', en: 'Complete' },
  CLOSE_UNRESOLVED: { ja: '未解決で終了する', en: 'Close unresolved' },
  FORWARD: { ja: '他団体へ転送する', en: 'Forward' },
  EXPIRE: { ja: '期限切れにする', en: 'Expire' },
});
export type ReferralAction = (typeof REFERRAL_ACTIONS.codes)[number];

export interface ReferralTransition {
  readonly from: readonly ReferralStatus[];
  readonly to: ReferralStatus;
  /** Who performs it: a side with one of the roles, or only the system (deadline jobs). */
  readonly by: { readonly side: ReferralSide; readonly roles: readonly Role[] } | 'SYSTEM';
  /** Reason (or, for COMPLETE, the outcome) that must accompany it. */
  readonly requires: 'REASON' | 'OUTCOME' | null;
}

const CASEWORKERS: readonly Role[] = ['ORG_ADMIN', 'COORDINATOR', 'STAFF'];
const DECIDERS: readonly Role[] = ['ORG_ADMIN', 'COORDINATOR'];

export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralAction, ReferralTransition>> = {
  SEND: { from: ['DRAFT'], to: 'SENT', by: { side: 'SENDER', roles: CASEWORKERS }, requires: null },
  CANCEL: { from: ['DRAFT', 'SENT'], to: 'CANCELLED', by: { side: 'SENDER', roles: CASEWORKERS }, requires: null },
  ACCEPT: { from: ['SENT'], to: 'ACCEPTED', by: { side: 'RECEIVER', roles: DECIDERS }, requires: null },
  DECLINE: { from: ['SENT'], to: 'DECLINED', by: { side: 'RECEIVER', roles: DECIDERS }, requires: 'REASON' },
  START: { from: ['ACCEPTED'], to: 'IN_PROGRESS', by: { side: 'RECEIVER', roles: CASEWORKERS }, requires: null },
  COMPLETE: { from: ['IN_PROGRESS'], to: 'COMPLETED', by: { side: 'RECEIVER', roles: CASEWORKERS }, requires: 'OUTCOME' },
  CLOSE_UNRESOLVED: { from: ['IN_PROGRESS'], to: 'CLOSED_UNRESOLVED', by: { side: 'RECEIVER', roles: CASEWORKERS }, requires: 'REASON' },
  FORWARD: { from: ['SENT', 'ACCEPTED', 'IN_PROGRESS'], to: 'FORWARDED', by: { side: 'RECEIVER', roles: DECIDERS }, requires: 'REASON' },
  EXPIRE: { from: ['SENT'], to: 'EXPIRED', by: 'SYSTEM', requires: null },
};

/** Statuses after which nothing more happens to a referral. */
export const FINAL_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'DECLINED',
  'EXPIRED',
  'CANCELLED',
  'COMPLETED',
  'CLOSED_UNRESOLVED',
  'FORWARDED',
];

/**
 * Statuses in which a referral is live: sent and not yet ended. An organisation that received
 * referrals about a person reads, for the purpose REFERRAL, only what the live ones share; once
 * they end (or are forwarded) the purpose of that provision is spent and it reads nothing more
 * through them (what it keeps supporting the person with, it records under its own registration
 * and the person's consent).
 */
export const LIVE_REFERRAL_STATUSES: readonly ReferralStatus[] = ['SENT', 'ACCEPTED', 'IN_PROGRESS'];

/** Statuses in which the receiver has not answered yet (deadlines run). */
export function awaitsReply(status: ReferralStatus): boolean {
  return status === 'SENT';
}

export type TransitionCheck =
  | { readonly ok: true; readonly to: ReferralStatus }
  | { readonly ok: false; readonly problem: 'WRONG_STATUS' | 'WRONG_SIDE' | 'ROLE' | 'SYSTEM_ONLY' | 'REASON_REQUIRED' | 'OUTCOME_REQUIRED' };

/**
 * Whether members on `sides` (their organisation may be sender, receiver, or both) with
 * `roles` may perform `action` on a referral in `status`, with the text given.
 */
export function checkTransition(
  action: ReferralAction,
  status: ReferralStatus,
  actor: { readonly sides: readonly ReferralSide[]; readonly roles: readonly Role[] } | 'SYSTEM',
  text?: string | null,
): TransitionCheck {
  const transition = REFERRAL_TRANSITIONS[action];
  if (transition.by === 'SYSTEM') {
    if (actor !== 'SYSTEM') return { ok: false, problem: 'SYSTEM_ONLY' };
  } else {
    if (actor === 'SYSTEM' || !actor.sides.includes(transition.by.side)) return { ok: false, problem: 'WRONG_SIDE' };
    const allowed = transition.by.roles;
    if (!actor.roles.some((role) => allowed.includes(role))) return { ok: false, problem: 'ROLE' };
  }
  if (!transition.from.includes(status)) return { ok: false, problem: 'WRONG_STATUS' };
  const given = (text ?? '').trim();
  if (transition.requires === 'REASON' && !given) return { ok: false, problem: 'REASON_REQUIRED' };
  if (transition.requires === 'OUTCOME' && !given) return { ok: false, problem: 'OUTCOME_REQUIRED' };
  return { ok: true, to: transition.to };
}

/** The actions a member may take now: what the web offers as buttons. */
export function availableActions(
  status: ReferralStatus,
  actor: { readonly sides: readonly ReferralSide[]; readonly roles: readonly Role[] },
): ReferralAction[] {
  return REFERRAL_ACTIONS.codes.filter((action) => {
    const check = checkTransition(action, status, actor, 'x');
    return check.ok;
  });
}

/** When the receiver must have answered by, from when the referral was sent. */
export function responseDeadline(sentAt: Date, urgency: ReferralUrgency, hours: Readonly<Record<ReferralUrgency, number>>): Date {
  return new Date(sentAt.getTime() + hours[urgency] * 60 * 60 * 1000);
}

export const NOTIFICATION_KINDS = vocabulary({
  REFERRAL_RECEIVED: { ja: '新しい紹介が届いた', en: 'A new referral arrived' },
  REFERRAL_ACCEPTED: { ja: '紹介が受け入れられた', en: 'A referral was accepted' },
  REFERRAL_DECLINED: { ja: '紹介がお断りされた', en: 'A referral was declined' },
  REFERRAL_COMPLETED: { ja: '紹介の支援が完了した', en: 'A referral was completed' },
  REFERRAL_MESSAGE: { ja: '紹介に新しいメッセージ', en: 'A new message on a referral' },
  REFERRAL_ESCALATED: { ja: '返答期限を過ぎた紹介', en: 'A referral passed its reply deadline' },
  REFERRAL_CATEGORIES_REQUESTED: { ja: '紹介先から追加の項目の共有を求められた', en: 'A receiver asked for more categories of a referral' },
  TRAINING_ASSIGNED: { ja: '研修が割り当てられた', en: 'A course was assigned to me' },
  TRAINING_SESSION_PROMOTED: { ja: '研修会のキャンセル待ちから参加確定', en: 'A training session place came free for me' },
});
export type NotificationKind = (typeof NOTIFICATION_KINDS.codes)[number];
/** The kinds a referral event raises (the referral notifier and digest handle these). */
export type ReferralNotificationKind = Extract<NotificationKind, `REFERRAL_${string}`>;

export const NOTIFICATION_DELIVERIES = vocabulary({
  IMMEDIATE: { ja: 'すぐにメール', en: 'Email at once' },
  DAILY_DIGEST: { ja: '1日1回まとめてメール', en: 'Daily digest' },
  OFF: { ja: 'メールしない（画面のみ）', en: 'Off (in the app only)' },
});
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES.codes)[number];
