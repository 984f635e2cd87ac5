import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { StoredFileMissingError } from './file-storage';
import { S3FileStorage, S3Sender } from './s3-file-storage';

type Sent = { name: string; input: Record<string, unknown> };

function stubClient(answer: (command: object) => unknown): { client: S3Sender; sent: Sent[] } {
  const sent: Sent[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      return answer(command);
    },
  } as unknown as S3Sender;
  return { client, sent };
}

const key = 'tenant-1/file-1';

describe('S3FileStorage', () => {
  it('puts, gets and deletes objects in its bucket under the key', async () => {
    const { client, sent } = stubClient((command) =>
      command instanceof GetObjectCommand ? { Body: Readable.from([Buffer.from('bytes')]) } : {},
    );
    const storage = new S3FileStorage(client, 'tsunagu-files');
    await storage.put(key, Buffer.from('bytes'), 'application/pdf');
    const stream = await storage.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    await storage.delete(key);
    expect(Buffer.concat(chunks).toString()).toBe('bytes');
    expect(sent.map(({ name }) => name)).toEqual([PutObjectCommand.name, GetObjectCommand.name, DeleteObjectCommand.name]);
    expect(sent[0].input).toEqual({
      Bucket: 'tsunagu-files',
      Key: key,
      Body: Buffer.from('bytes'),
      ContentType: 'application/pdf',
      ContentLength: 5,
    });
    expect(sent[1].input).toEqual({ Bucket: 'tsunagu-files', Key: key });
    expect(sent[2].input).toEqual({ Bucket: 'tsunagu-files', Key: key });
  });

  it('puts a staged file as one streamed PUT with its length, never reading it into a Buffer', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tsunagu-s3-'));
    try {
      const staged = path.join(dir, 'upload');
      await writeFile(staged, 'video bytes');
      const received: Buffer[] = [];
      const { client, sent } = stubClient(async (command) => {
        if (command instanceof PutObjectCommand) {
          for await (const chunk of command.input.Body as Readable) received.push(chunk as Buffer);
        }
        return {};
      });
      await new S3FileStorage(client, 'tsunagu-files').putFile(key, staged, 11, 'video/mp4');
      expect(sent[0].input).toMatchObject({ Bucket: 'tsunagu-files', Key: key, ContentType: 'video/mp4', ContentLength: 11 });
      expect(sent[0].input['Body']).toBeInstanceOf(Readable);
      expect(Buffer.concat(received).toString()).toBe('video bytes');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('turns a missing object into StoredFileMissingError', async () => {
    const { client } = stubClient(() => {
      throw new NoSuchKey({ message: 'no such key', $metadata: {} });
    });
    await expect(new S3FileStorage(client, 'b').get(key)).rejects.toBeInstanceOf(StoredFileMissingError);
  });

  it('refuses keys that are not the API’s own', async () => {
    const { client, sent } = stubClient(() => ({}));
    await expect(new S3FileStorage(client, 'b').put('../x', Buffer.from('x'), 'text/plain')).rejects.toThrow(/storage key/i);
    expect(sent).toEqual([]);
  });

  it('is configured for path-style endpoints (MinIO)', async () => {
    const storage = S3FileStorage.fromSettings({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'b',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
    });
    const config = (storage as unknown as { client: { config: { forcePathStyle?: boolean } } }).client.config;
    expect(config.forcePathStyle).toBe(true);
  });
});
