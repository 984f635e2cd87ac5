import { Module } from '@nestjs/common';
import { Clock } from '../../core/time/clock';
import { DirectoryResolver } from './directory.resolver';
import { DirectoryService } from './directory.service';

@Module({ providers: [Clock, DirectoryService, DirectoryResolver], exports: [DirectoryService] })
export class DirectoryModule {}
