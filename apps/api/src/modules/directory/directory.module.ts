import { Module } from '@nestjs/common';
import { DirectoryResolver } from './directory.resolver';
import { DirectoryService } from './directory.service';

@Module({ providers: [DirectoryService, DirectoryResolver], exports: [DirectoryService] })
export class DirectoryModule {}
