import { Module } from '@nestjs/common';
import { MailModule } from '../../core/mail';
import { AccountsResolver, MeFieldsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { PasswordResetRequests } from './password-reset-requests';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';

@Module({
  imports: [MailModule],
  providers: [AccountsService, AccountsResolver, MeFieldsResolver, PasswordResetRequests, SessionsService, SessionsResolver],
  exports: [AccountsService],
})
export class AccountsModule {}
