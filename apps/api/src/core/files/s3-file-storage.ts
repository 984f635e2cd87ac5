// Files in an S3-compatible object store (AWS S3, MinIO, Cloudflare R2, …), chosen with
// FILE_STORAGE=s3. Path-style addressing (`endpoint/bucket/key`) so MinIO-style endpoints
// without per-bucket DNS work too.
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { S3Settings } from '../config/config';
import { assertStorageKey, FileStorage, StoredFileMissingError } from './file-storage';

/** The one method used, so tests can pass a stub. */
export type S3Sender = Pick<S3Client, 'send'>;

export class S3FileStorage implements FileStorage {
  readonly driver = 's3' as const;

  constructor(
    private readonly client: S3Sender,
    private readonly bucket: string,
  ) {}

  static fromSettings(settings: S3Settings): S3FileStorage {
    const client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: true,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
    return new S3FileStorage(client, settings.bucket);
  }

  async put(key: string, bytes: Buffer, mediaType: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: mediaType, ContentLength: bytes.length }),
    );
  }

  /**
   * One PUT streamed from the file (S3 takes up to 5 GB in one PUT, above FILE_MATERIAL_MAX_BYTES'
   * ceiling); the length is given, so the SDK neither buffers nor chunks the body.
   */
  async putFile(key: string, sourcePath: string, byteSize: number, mediaType: string): Promise<void> {
    assertStorageKey(key);
    const body = createReadStream(sourcePath);
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: mediaType, ContentLength: byteSize }),
      );
    } finally {
      body.destroy();
    }
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    try {
      const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body: unknown = output.Body;
      if (body instanceof Readable) return body;
      if (body && typeof (body as { transformToWebStream?: unknown }).transformToWebStream === 'function') {
        const web = (body as { transformToWebStream(): ReadableStream }).transformToWebStream();
        return Readable.fromWeb(web as import('node:stream/web').ReadableStream);
      }
      throw new Error(`The S3 storage returned no body for key ${key}`);
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') {
        throw new StoredFileMissingError(this.driver, key);
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
