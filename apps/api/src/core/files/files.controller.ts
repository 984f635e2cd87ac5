// Upload and download of files over plain HTTP (multipart in, a byte stream out), signed in by
// the bearer token exactly like GraphQL (the global AccessTokenGuard). Thin: the rules live in
// FilesService and file-purposes.ts; who sees a file is row-level security's answer, narrowed by
// the access rule of its purpose (file-access.ts: whoever may read the record it is attached to).
import type { MultipartFile } from '@fastify/multipart';
import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { RequestActor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppError } from '../graphql/app-error';
import { runInTenant } from '../tenancy/tenant-transaction';
import { fileErrors } from './file-errors';
import { FILE_PURPOSES, FilePurposeKey, isFilePurpose, largestFileBytes } from './file-purposes';
import { FilesService, ReceivedFile } from './files.service';
import { HttpAppErrorFilter } from './http-app-error.filter';

export interface UploadedFileResponse {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly byteSize: number;
}

interface ReceivedUpload {
  readonly purpose: FilePurposeKey;
  readonly file: ReceivedFile;
}

/** Reads and drops the rest of a part nobody will use, so the parser gets on to the end of the request. */
function drain(stream: Readable): void {
  stream.on('error', () => undefined);
  stream.resume();
}

@Controller('api/files')
@UseFilters(HttpAppErrorFilter)
export class FilesController {
  constructor(
    private readonly files: FilesService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * multipart/form-data with one file in `file`, and its purpose (e.g. GRANT_ATTACHMENT,
   * TRAINING_MATERIAL) in the query string (`?purpose=`) or a `purpose` field before the file.
   * The file streams to a temporary file while it is checked, then into the storage; it is
   * never held in memory, so its size is limited by its purpose only.
   */
  @Post()
  @HttpCode(201)
  async upload(@CurrentActor() actor: RequestActor, @Req() request: FastifyRequest): Promise<UploadedFileResponse> {
    const { purpose, file: received } = await this.receiveUpload(actor, request);
    try {
      const file = await runInTenant(this.dataSource, actor, (manager) =>
        this.files.storeReceived(manager, actor, received, purpose),
      );
      return { id: file.id, fileName: file.fileName, mediaType: file.mediaType, byteSize: file.byteSize };
    } finally {
      await received.discard();
    }
  }

  @Get(':id')
  async download(@CurrentActor() actor: RequestActor, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const { file, stream } = await runInTenant(this.dataSource, actor, (manager) =>
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

  /**
   * Reads the parts in order: fields may come in any order, but the purpose (from the query or a
   * field) must be known when the file part begins, since it decides the types, the limit and
   * who may upload before any byte is written. Refusals drain the rest of the request.
   */
  private async receiveUpload(actor: RequestActor, request: FastifyRequest): Promise<ReceivedUpload> {
    if (!request.isMultipart()) throw fileErrors.missing();
    const query = (request.query ?? {}) as Record<string, unknown>;
    const queryPurpose = typeof query['purpose'] === 'string' && query['purpose'].trim() ? query['purpose'].trim() : null;
    let fieldPurpose: string | null = null;
    let purposeOfFile: FilePurposeKey | null = null;
    let upload: ReceivedUpload | null = null;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || upload) {
            drain(part.file);
            if (upload) throw fileErrors.tooMany();
            continue;
          }
          try {
            purposeOfFile = this.purposeFor(actor, queryPurpose, fieldPurpose, true);
          } catch (error) {
            drain(part.file);
            throw error;
          }
          const file = await this.files.receive({
            fileName: (part as MultipartFile).filename ?? '',
            stream: part.file,
            allowedTypes: FILE_PURPOSES[purposeOfFile].allowedTypes,
            maxBytes: this.files.maxBytesFor(purposeOfFile),
          });
          upload = { purpose: purposeOfFile, file };
        } else if (part.fieldname === 'purpose' && typeof part.value === 'string') {
          fieldPurpose = part.value.trim() || null;
        }
      }
    } catch (error) {
      await upload?.file.discard();
      if (error instanceof AppError) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') {
        throw fileErrors.tooLarge(purposeOfFile ? this.files.maxBytesFor(purposeOfFile) : largestFileBytes(this.config.files));
      }
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw fileErrors.tooMany();
      throw error;
    }
    if (upload) return upload;
    this.purposeFor(actor, queryPurpose, fieldPurpose, false);
    throw fileErrors.missing();
  }

  /** The purpose named by the query or the form (FILE_PURPOSE_… errors), if the actor may upload for it (else FORBIDDEN). */
  private purposeFor(actor: RequestActor, queryPurpose: string | null, fieldPurpose: string | null, fileArrived: boolean): FilePurposeKey {
    if (queryPurpose && fieldPurpose && queryPurpose !== fieldPurpose) throw fileErrors.purposeConflict();
    const key = queryPurpose ?? fieldPurpose;
    if (!key) throw fileArrived ? fileErrors.purposeMissing() : fileErrors.purposeUnknown(Object.keys(FILE_PURPOSES));
    if (!isFilePurpose(key)) throw fileErrors.purposeUnknown(Object.keys(FILE_PURPOSES));
    if (!FILE_PURPOSES[key].mayUpload(actor)) throw new AppError('FORBIDDEN');
    return key;
  }
}
