import { Module } from '@nestjs/common';
import { HsdsResolver } from './hsds.resolver';
import { HsdsService } from './hsds.service';

@Module({ providers: [HsdsService, HsdsResolver] })
export class HsdsModule {}
