import { Module } from '@nestjs/common';
import { MailModule } from '../../core/mail';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { PasswordResetRequests } from './password-reset-requests';

@Module({ imports: [MailModule], providers: [AccountsService, AccountsResolver, PasswordResetRequests], exports: [AccountsService] })
export class AccountsModule {}
