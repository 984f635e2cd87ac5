// Writing mail: in the caller's transaction, one outbox row (the rendered mail) and one job that
// will send it. Both exist only if that transaction commits, so a rolled-back change sends
// nothing and a committed one always has its mail (see mail-sender.ts for the sending side).
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { JobQueue } from '../jobs/job-queue';
import { MAIL_QUEUE, MailJobData } from './mail-queue';
import type { MailLanguage, MailTemplate } from './templates/mail-template';
import { renderMail } from './templates/render-mail';

export interface OutgoingMail {
  readonly to: string;
  readonly language: MailLanguage;
  readonly template: MailTemplate;
}

/** Who a mail goes to, as the features' queries read it (u.email, u.preferred_language AS language). */
export interface MailRecipient {
  readonly email: string;
  readonly language: MailLanguage;
}

// Deliberately plain: one address, no display name, no line breaks (header injection).
const RECIPIENT = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

@Injectable()
export class MailOutbox {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The absolute address of a page of the web app (`/grants/saved`), for the links in a mail. */
  link(path: string): string {
    return `${this.config.mail.appBaseUrl}${path}`;
  }

  /** Queues one mail to each recipient, with the template made for them; returns how many. */
  async enqueueEach<R extends MailRecipient>(manager: EntityManager, recipients: readonly R[], template: (recipient: R) => MailTemplate): Promise<number> {
    for (const recipient of recipients) {
      await this.enqueue(manager, { to: recipient.email, language: recipient.language, template: template(recipient) });
    }
    return recipients.length;
  }

  /**
   * Queues a mail inside the caller's transaction (the EntityManager of `runInTenant` or any
   * TypeORM transaction) and returns the outbox id. Nothing is sent before that transaction
   * commits; after it commits, the mail is sent (and retried through SMTP outages) exactly once.
   */
  async enqueue(manager: EntityManager, mail: OutgoingMail): Promise<string> {
    const recipient = mail.to.trim();
    if (!RECIPIENT.test(recipient) || recipient.length > 320) throw new Error('Mail recipient must be one e-mail address');
    if (mail.language !== 'ja' && mail.language !== 'en') throw new Error('Mail language must be ja or en');
    const rendered = renderMail(mail.template, mail.language);
    // The id is made here, not by the database: the application role may only INSERT into the
    // outbox (no SELECT, so no RETURNING), and the job needs the id.
    const id = randomUUID();
    await manager.query(
      `INSERT INTO mail_outbox (id, kind, recipient, language, subject, text_body, html_body)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, mail.template.kind, recipient, mail.language, rendered.subject, rendered.text, rendered.html],
    );
    const data: MailJobData = { outboxId: id };
    // The job id is the outbox id: sending the same job twice creates it once.
    await this.jobs.sendInTransaction(manager, MAIL_QUEUE, data, { id });
    return id;
  }
}
