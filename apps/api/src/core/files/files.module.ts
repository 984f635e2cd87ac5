// File storage for every feature (grant attachments, training materials, partnerships later):
// FilesService to store and open files in a transaction, the upload/download endpoints under
// /api/files, and the storage chosen by FILE_STORAGE (local disk or S3-compatible).
import fastifyMultipart from '@fastify/multipart';
import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/config';
import { largestFileBytes } from './file-purposes';
import { FILE_STORAGE, FileStorage } from './file-storage';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

export function fileStorageFor(config: AppConfig): FileStorage {
  return config.files.storage === 's3' && config.files.s3
    ? S3FileStorage.fromSettings(config.files.s3)
    : new LocalFileStorage(config.files.dir);
}

@Global()
@Module({
  controllers: [FilesController],
  providers: [{ provide: FILE_STORAGE, inject: [APP_CONFIG], useFactory: fileStorageFor }, FilesService],
  exports: [FilesService, FILE_STORAGE],
})
export class FilesModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Multipart parsing for the upload route: one file, a few small fields, and as a ceiling the
   * largest purpose's limit (each purpose's own limit is enforced while its file streams in).
   */
  async onModuleInit(): Promise<void> {
    const instance = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!instance) return;
    await instance.register(fastifyMultipart, {
      // One byte over the largest limit, so the purpose's own check (a byte over its limit) speaks first.
      limits: { fileSize: largestFileBytes(this.config.files) + 1, files: 1, fields: 5, fieldSize: 1000, parts: 6 },
    });
  }
}
