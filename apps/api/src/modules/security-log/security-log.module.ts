import { Module } from '@nestjs/common';
import { SecurityLogResolver } from './security-log.resolver';
import { SecurityLogRetention } from './security-log-retention';
import { SecurityLogService } from './security-log.service';

@Module({ providers: [SecurityLogService, SecurityLogResolver, SecurityLogRetention] })
export class SecurityLogModule {}
