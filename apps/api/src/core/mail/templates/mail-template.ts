// Every mail Tsunagu sends, as data: the kind plus what its template needs. Callers enqueue one of
// these; the text is rendered when it is enqueued, in the recipient's language.
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

export type MailTemplate = InvitationMail | PasswordResetMail;

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}
