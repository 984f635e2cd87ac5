import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { PasskeysResolver } from './passkeys.resolver';
import { PasskeysService } from './passkeys.service';

@Module({ imports: [AccountsModule], providers: [PasskeysService, PasskeysResolver] })
export class PasskeysModule {}
