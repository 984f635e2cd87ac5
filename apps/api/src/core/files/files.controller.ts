// Upload and download of files over plain HTTP (multipart in, a byte stream out), signed in by
// the bearer token exactly like GraphQL (the global AccessTokenGuard). Thin: the rules live in
// FilesService and file-purposes.ts; who sees a file is row-level security's answer.
import type { MultipartFile } from '@fastify/multipart';
import { Controller, Get, HttpCode, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { RequestActor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { AppError } from '../graphql/app-error';
import { runInTenant } from '../tenancy/tenant-transaction';
import { fileErrors } from './file-errors';
import { FILE_PURPOSES, isFilePurpose } from './file-purposes';
import { FilesService } from './files.service';
import { HttpAppErrorFilter } from './http-app-error.filter';

export interface UploadedFileResponse {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly byteSize: number;
}

interface Upload {
  fileName: string | null;
  bytes: Buffer | null;
  purpose: string | null;
}

@Controller('api/files')
@UseFilters(HttpAppErrorFilter)
export class FilesController {
  constructor(
    private readonly files: FilesService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** multipart/form-data: `purpose` (e.g. GRANT_ATTACHMENT) and one file in `file`. */
  @Post()
  @HttpCode(201)
  async upload(@CurrentActor() actor: RequestActor, @Req() request: FastifyRequest): Promise<UploadedFileResponse> {
    const upload = await this.readUpload(request);
    const purposeKey = upload.purpose;
    if (!purposeKey || !isFilePurpose(purposeKey)) throw fileErrors.purposeUnknown(Object.keys(FILE_PURPOSES));
    const purpose = FILE_PURPOSES[purposeKey];
    if (!purpose.mayUpload(actor)) throw new AppError('FORBIDDEN');
    if (!upload.bytes || upload.fileName === null) throw fileErrors.missing();
    const { fileName, bytes } = upload;
    const file = await runInTenant(this.dataSource, { tenantId: actor.tenantId, userId: actor.userId }, (manager) =>
      this.files.store(manager, actor, { fileName, bytes, purpose: purposeKey, allowedTypes: purpose.allowedTypes }),
    );
    return { id: file.id, fileName: file.fileName, mediaType: file.mediaType, byteSize: file.byteSize };
  }

  @Get(':id')
  async download(@CurrentActor() actor: RequestActor, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const { file, stream } = await runInTenant(this.dataSource, { tenantId: actor.tenantId, userId: actor.userId }, (manager) =>
      this.files.open(manager, actor, id),
    );
    // Text was checked to be UTF-8 when stored.
    const contentType = file.mediaType.startsWith('text/') ? `${file.mediaType}; charset=utf-8` : file.mediaType;
    await reply
      .status(200)
      .headers({
        'content-type': contentType,
        'content-length': String(file.byteSize),
        'content-disposition': contentDisposition(file.fileName, { type: 'attachment' }),
        'x-content-type-options': 'nosniff',
        // Private to the signed-in member: no shared or browser cache keeps a copy.
        'cache-control': 'private, no-store',
        // Opened directly anyway, it runs nothing.
        'content-security-policy': "default-src 'none'; sandbox",
      })
      .send(stream);
  }

  /** Reads the parts in any order; bytes beyond FILE_MAX_BYTES are refused while streaming. */
  private async readUpload(request: FastifyRequest): Promise<Upload> {
    if (!request.isMultipart()) throw fileErrors.missing();
    const upload: Upload = { fileName: null, bytes: null, purpose: null };
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || upload.bytes) {
            part.file.resume();
            if (upload.bytes) throw new AppError('BAD_USER_INPUT', { ja: 'ファイルは1つずつ送ってください。', en: 'Please send one file at a time.' }, { reason: 'FILE_TOO_MANY' });
            continue;
          }
          upload.fileName = (part as MultipartFile).filename ?? '';
          upload.bytes = await part.toBuffer();
        } else if (part.fieldname === 'purpose' && typeof part.value === 'string') {
          upload.purpose = part.value.trim();
        }
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileErrors.tooLarge(this.files.maxBytes);
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
        throw new AppError('BAD_USER_INPUT', { ja: 'ファイルは1つずつ送ってください。', en: 'Please send one file at a time.' }, { reason: 'FILE_TOO_MANY' });
      }
      throw error;
    }
    return upload;
  }
}
