import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { SecondFactorsModule } from '../second-factors/second-factors.module';
import { PasskeysResolver } from './passkeys.resolver';
import { PasskeysService } from './passkeys.service';

@Module({ imports: [AccountsModule, SecondFactorsModule], providers: [PasskeysService, PasskeysResolver] })
export class PasskeysModule {}
