// Every mail Tsunagu sends, as data: the kind plus what its template needs. Callers enqueue one of
// these; the text is rendered when it is enqueued, in the recipient's language.
import type { ReferralNotificationKind, ReferralStatus, ReferralUrgency } from '@tsunagu/domain';

export type MailLanguage = 'ja' | 'en';

export interface InvitationMail {
  readonly kind: 'invitation';
  readonly inviterName: string;
  readonly organizationName: string;
  readonly networkName: string;
  readonly acceptUrl: string;
  readonly expiresAt: Date;
}

export interface PasswordResetMail {
  readonly kind: 'password-reset';
  readonly resetUrl: string;
  readonly expiresAt: Date;
}

/**
 * What a referral notification mail may say: never personal data (no person, reason, note or
 * message body), only the organisations, the service, the status and deadlines, and the link.
 */
export interface ReferralNoticeFacts {
  readonly notification: ReferralNotificationKind;
  /** The other organisation of the referral, seen from the recipient's. */
  readonly counterpartName: string;
  readonly serviceName: string;
  readonly status: ReferralStatus;
  readonly urgency: ReferralUrgency;
  readonly responseDueAt: Date | null;
  readonly expiresAt: Date | null;
  readonly referralUrl: string;
}

export interface ReferralNotificationMail extends ReferralNoticeFacts {
  readonly kind: 'referral-notification';
}

export interface ReferralDigestMail {
  readonly kind: 'referral-digest';
  readonly items: readonly ReferralNoticeFacts[];
  readonly notificationsUrl: string;
}

/** A bookmarked grant's window closes in 7 days or in 1 day. */
export interface GrantReminderMail {
  readonly kind: 'grant-reminder';
  readonly daysBefore: 7 | 1;
  readonly title: string;
  readonly funderName: string;
  readonly closesAt: Date;
  readonly grantUrl: string;
}

/** One listing in a saved-search digest. */
export interface GrantDigestItem {
  readonly title: string;
  readonly funderName: string;
  readonly closesAt: Date | null;
  readonly grantUrl: string;
}

/** New listings matching a member's saved searches, grouped by search. */
export interface GrantSavedSearchMail {
  readonly kind: 'grant-saved-search';
  readonly searches: ReadonlyArray<{ readonly name: string; readonly grants: readonly GrantDigestItem[] }>;
  readonly savedSearchesUrl: string;
}

/** A course assigned to the recipient (by a trainer or their org admin). */
export interface TrainingAssignedMail {
  readonly kind: 'training-assigned';
  readonly courseTitle: string;
  readonly assignerName: string;
  readonly assignerOrganizationName: string;
  readonly dueAt: Date | null;
  readonly courseUrl: string;
}

/** The recipient moved from a session's waiting list to a place. */
export interface TrainingSessionPromotedMail {
  readonly kind: 'training-session-promoted';
  readonly sessionTitle: string;
  readonly startsAt: Date;
  /** Null for an online-only session. */
  readonly place: string | null;
  readonly sessionUrl: string;
}

/** A partnership's review date is near (to its municipality's liaisons). */
export interface PartnershipReviewReminderMail {
  readonly kind: 'partnership-review-reminder';
  readonly title: string;
  readonly partnerName: string;
  /** YYYY-MM-DD. */
  readonly reviewOn: string;
  readonly daysBefore: number;
  readonly partnershipUrl: string;
}

/** A follow-up from a partnership interaction is due (to its assignee). */
export interface PartnershipFollowUpReminderMail {
  readonly kind: 'partnership-follow-up-reminder';
  readonly followUp: string;
  readonly title: string;
  readonly partnerName: string;
  /** YYYY-MM-DD. */
  readonly dueOn: string;
  readonly daysBefore: number;
  readonly partnershipUrl: string;
}

export type MailTemplate =
  | InvitationMail
  | PasswordResetMail
  | ReferralNotificationMail
  | ReferralDigestMail
  | GrantReminderMail
  | GrantSavedSearchMail
  | TrainingAssignedMail
  | TrainingSessionPromotedMail
  | PartnershipReviewReminderMail
  | PartnershipFollowUpReminderMail;

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}
