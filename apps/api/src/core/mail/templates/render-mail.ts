// The one entry point from a MailTemplate to subject, text and HTML.
import { renderGrantReminder } from './grant-reminder.template';
import { renderGrantSavedSearch } from './grant-saved-search.template';
import { renderInvitation } from './invitation.template';
import type { MailLanguage, MailTemplate, RenderedMail } from './mail-template';
import { renderPartnershipFollowUpReminder, renderPartnershipReviewReminder } from './partnership.template';
import { renderPasswordReset } from './password-reset.template';
import { renderReferralDigest } from './referral-digest.template';
import { renderReferralNotification } from './referral-notification.template';
import { renderTrainingAssigned, renderTrainingSessionPromoted } from './training.template';

export function renderMail(template: MailTemplate, language: MailLanguage): RenderedMail {
  switch (template.kind) {
    case 'invitation':
      return renderInvitation(template, language);
    case 'password-reset':
      return renderPasswordReset(template, language);
    case 'referral-notification':
      return renderReferralNotification(template, language);
    case 'referral-digest':
      return renderReferralDigest(template, language);
    case 'grant-reminder':
      return renderGrantReminder(template, language);
    case 'grant-saved-search':
      return renderGrantSavedSearch(template, language);
    case 'training-assigned':
      return renderTrainingAssigned(template, language);
    case 'training-session-promoted':
      return renderTrainingSessionPromoted(template, language);
    case 'partnership-review-reminder':
      return renderPartnershipReviewReminder(template, language);
    case 'partnership-follow-up-reminder':
      return renderPartnershipFollowUpReminder(template, language);
    default: {
      const unknown: never = template;
      throw new Error(`Unknown mail template ${(unknown as { kind: string }).kind}`);
    }
  }
}
