import { Module } from '@nestjs/common';
import { MailModule } from '../../core/mail';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';

@Module({
  imports: [MailModule],
  providers: [AccountsService, AccountsResolver, SessionsService, SessionsResolver],
  exports: [AccountsService],
})
export class AccountsModule {}
