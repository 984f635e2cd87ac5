import { Module } from '@nestjs/common';
import { MailModule } from '../../core/mail';
import { AccountsModule } from '../accounts/accounts.module';
import { MembersResolver } from './members.resolver';
import { MembersService } from './members.service';

@Module({ imports: [MailModule, AccountsModule], providers: [MembersService, MembersResolver] })
export class MembersModule {}
