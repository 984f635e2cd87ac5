// Mail: the outbox features write to (MailOutbox.enqueue inside their transaction) and the worker
// that sends it over SMTP (MailSender). Needs JobsModule.
import { Global, Module } from '@nestjs/common';
import { MailOutbox } from './mail-outbox';
import { MailSender } from './mail-sender';

@Global()
@Module({ providers: [MailOutbox, MailSender], exports: [MailOutbox] })
export class MailModule {}
