// What features use of core/mail.
export { MailModule } from './mail.module';
export { MailOutbox } from './mail-outbox';
export type { MailRecipient, OutgoingMail } from './mail-outbox';
export { renderMail } from './templates/render-mail';
export type {
  GrantDigestItem,
  GrantReminderMail,
  GrantSavedSearchMail,
  InvitationMail,
  MailLanguage,
  MailTemplate,
  PasswordResetMail,
  ReferralDigestMail,
  ReferralNoticeFacts,
  ReferralNotificationMail,
  RenderedMail,
} from './templates/mail-template';
