import { Module } from '@nestjs/common';
import { MailModule } from '../../core/mail';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';

@Module({ imports: [MailModule], providers: [AccountsService, AccountsResolver], exports: [AccountsService] })
export class AccountsModule {}
