// File storage against the real API and PostgreSQL, on the local-disk driver in a temporary
// directory: upload and download round trip with its headers, oversized and disguised files
// refused with clear errors and nothing stored, downloads only signed in, and another
// network's file NOT_FOUND unless it is attached to a public grant.
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { GRANT_ATTACHMENT_TYPES } from '../../apps/api/src/core/files/file-types';
import { FilesService } from '../../apps/api/src/core/files/files.service';
import { runInTenant } from '../../apps/api/src/core/tenancy/tenant-transaction';
import { setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import { sampleFiles } from '../support/sample-files';
import { SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { TestDatabase } from '../support/test-database';

// Above the API's 6 MB request-body limit for JSON, which uploads do not go through.
const MAX_BYTES = 8 * 1024 * 1024;

let owner: DataSource;
const t = setupApiTest({
  storage: true,
  env: { FILE_MAX_BYTES: String(MAX_BYTES) },
  networks: {
    networkA: {
      slug: 'files-a',
      organizations: { hub: 'INTERMEDIARY', npo: 'NPO' },
      members: { editorA: ['hub', ['GRANT_EDITOR']], staffA: ['npo', ['STAFF']], trainerA: ['hub', ['TRAINER']] },
    },
    networkB: oneOrganizationNetwork('files-b', { hub: 'INTERMEDIARY' }, { adminB: ['NETWORK_ADMIN', 'ORG_ADMIN'] }),
  },
});
let database: TestDatabase, api: RunningApi, storageDir: string, networkA: TestNetwork;
const c = t.clients;

interface ErrorBody {
  errors: Array<{ message: string; extensions: { code: string; reason?: string } }>;
}

async function upload(
  client: SignedInClient | null,
  fileName: string,
  bytes: Buffer,
  options: { purpose?: string | null; queryPurpose?: string; language?: string } = {},
): Promise<Response> {
  const form = new FormData();
  if (options.purpose !== null) form.append('purpose', options.purpose ?? 'GRANT_ATTACHMENT');
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const query = options.queryPurpose === undefined ? '' : `?purpose=${encodeURIComponent(options.queryPurpose)}`;
  return fetch(`${api.url}/api/files${query}`, {
    method: 'POST',
    body: form,
    headers: {
      ...(client ? { authorization: `Bearer ${client.token}` } : {}),
      ...(options.language ? { 'accept-language': options.language } : {}),
    },
  });
}

function download(client: SignedInClient | null, id: string): Promise<Response> {
  return fetch(`${api.url}/api/files/${encodeURIComponent(id)}`, {
    headers: client ? { authorization: `Bearer ${client.token}` } : {},
  });
}

/** Stored files as `<tenant>/<uuid>`, and any temporary upload still waiting as `.uploads/<name>`. */
async function storedFiles(): Promise<string[]> {
  const tenants = await readdir(storageDir).catch(() => [] as string[]);
  const all = await Promise.all(tenants.map(async (tenant) => (await readdir(path.join(storageDir, tenant))).map((name) => `${tenant}/${name}`)));
  return all.flat();
}

async function fileRowCount(tenantId: string): Promise<number> {
  return owner.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const [row]: Array<{ count: string }> = await manager.query(`SELECT count(*) FROM files`);
    return Number(row.count);
  });
}

async function expectRefused(response: Response, status: number, reason: string): Promise<ErrorBody> {
  const body = (await response.json()) as ErrorBody;
  expect({ status: response.status, code: body.errors[0].extensions.code, reason: body.errors[0].extensions.reason }).toEqual({
    status,
    code: 'BAD_USER_INPUT',
    reason,
  });
  return body;
}

beforeAll(async () => {
  ({ database, api, storageDir, networks: { networkA } } = t);
  owner = await new DataSource({ type: 'postgres', url: database.ownerUrl, extra: { max: 2 } }).initialize();
  t.onClose(() => owner.destroy());
});

describe('upload and download', () => {
  it('round-trips a PDF with a Japanese name: same bytes, sniffed type, attachment headers, no caching', async () => {
    const bytes = sampleFiles.pdf();
    const response = await upload(c.editorA, '募集要項 2026.pdf', bytes);
    expect(response.status).toBe(201);
    const uploaded = (await response.json()) as { id: string; fileName: string; mediaType: string; byteSize: number };
    expect(uploaded).toEqual({ id: expect.any(String), fileName: '募集要項 2026.pdf', mediaType: 'application/pdf', byteSize: bytes.length });

    // Another member of the uploading organisation (not a grant editor) downloads it; nobody has
    // attached it yet, so other organisations may not (tests/integration/files-audience.spec.ts).
    const got = await download(c.trainerA, uploaded.id);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(bytes);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-length')).toBe(String(bytes.length));
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="???? 2026.pdf"; filename*=UTF-8''%E5%8B%9F%E9%9B%86%E8%A6%81%E9%A0%85%202026.pdf`,
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toBe('private, no-store');

    const [row]: Array<{ sha256: string; storage_driver: string; storage_key: string; purpose: string; uploaded_by_membership_id: string }> =
      await owner.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [networkA.tenantId]);
        return manager.query(`SELECT sha256, storage_driver, storage_key, purpose, uploaded_by_membership_id FROM files WHERE id = $1`, [uploaded.id]);
      });
    expect(row).toMatchObject({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storage_driver: 'local',
      purpose: 'GRANT_ATTACHMENT',
      uploaded_by_membership_id: networkA.members.editorA.membershipId,
    });
    expect(row.storage_key).toMatch(new RegExp(`^${networkA.tenantId}/[0-9a-f-]{36}$`));
    expect(await storedFiles()).toContain(row.storage_key);
  });

  it('takes a file of exactly the limit', async () => {
    const bytes = Buffer.concat([sampleFiles.pdf(), Buffer.alloc(MAX_BYTES - sampleFiles.pdf().length, 0x20)]);
    const response = await upload(c.editorA, 'limit.pdf', bytes);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const got = await download(c.editorA, id);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('accepts the Office formats, images and UTF-8 CSV, each with the type found in its content', async () => {
    const cases: Array<[string, Buffer, string]> = [
      ['様式1.docx', sampleFiles.docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['予算.xlsx', sampleFiles.xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['説明会.pptx', sampleFiles.pptx(), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['chirashi.PNG', sampleFiles.png(), 'image/png'],
      ['photo.jpg', sampleFiles.jpeg(), 'image/jpeg'],
      ['一覧.csv', sampleFiles.csv(), 'text/csv'],
    ];
    for (const [name, bytes, mediaType] of cases) {
      const response = await upload(c.editorA, name, bytes);
      const body = (await response.json()) as { id: string; mediaType: string };
      expect([name, response.status, body.mediaType]).toEqual([name, 201, mediaType]);
      if (name.endsWith('.csv')) {
        const got = await download(c.editorA, body.id);
        expect(got.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(await got.text()).toBe(sampleFiles.csv().toString('utf8'));
      }
    }
  });
});

describe('refused uploads store nothing', () => {
  it('refuses a file over the limit with the limit in MB, in Japanese and English, leaving no row and no bytes', async () => {
    const rowsBefore = await fileRowCount(networkA.tenantId);
    const filesBefore = await storedFiles();
    const big = Buffer.concat([sampleFiles.pdf(), Buffer.alloc(MAX_BYTES)]);
    const ja = await expectRefused(await upload(c.editorA, '大きい.pdf', big), 413, 'FILE_TOO_LARGE');
    expect(ja.errors[0].message).toBe('ファイルが大きすぎます。8 MB 以下のファイルを選んでください。');
    const en = await expectRefused(await upload(c.editorA, 'big.pdf', big, { language: 'en' }), 413, 'FILE_TOO_LARGE');
    expect(en.errors[0].message).toBe('The file is too large. Please choose a file of at most 8 MB.');
    expect(await fileRowCount(networkA.tenantId)).toBe(rowsBefore);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('refuses disguised files: PNG bytes named .pdf, a program named .pdf, a macro file named .docx, Shift_JIS CSV', async () => {
    const rowsBefore = await fileRowCount(networkA.tenantId);
    const filesBefore = await storedFiles();

    const png = await expectRefused(await upload(c.editorA, '募集要項.pdf', sampleFiles.png()), 400, 'FILE_TYPE_MISMATCH');
    expect(png.errors[0].message).toBe(
      '「募集要項.pdf」は名前では PDF ですが、中身は PNG 画像 です。添付できるのは PDF、Word (.docx)、Excel (.xlsx)、PowerPoint (.pptx)、PNG 画像、JPEG 画像、テキスト (.txt)、CSV です。',
    );
    const exe = await expectRefused(await upload(c.editorA, 'invoice.pdf', sampleFiles.exe(), { language: 'en' }), 400, 'FILE_TYPE_MISMATCH');
    expect(exe.errors[0].message).toBe(
      '"invoice.pdf" is named as PDF, but its content is an executable program. Allowed: PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), PNG image, JPEG image, plain text (.txt), CSV.',
    );
    await expectRefused(await upload(c.editorA, '様式.docx', sampleFiles.docm()), 400, 'FILE_TYPE_MISMATCH');
    await expectRefused(await upload(c.editorA, 'report.docx', sampleFiles.zip()), 400, 'FILE_TYPE_MISMATCH');
    const sjis = await expectRefused(await upload(c.editorA, '一覧.csv', sampleFiles.shiftJisCsv()), 400, 'FILE_TYPE_MISMATCH');
    expect(sjis.errors[0].message).toContain('UTF-8 で保存してください');

    expect(await fileRowCount(networkA.tenantId)).toBe(rowsBefore);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('removes the bytes when the transaction that stored the file rolls back', async () => {
    const files = api.app.get(FilesService);
    const dataSource = api.app.get(DataSource);
    const filesBefore = await storedFiles();
    const editor = networkA.members.editorA;
    let storedKey = '';
    await expect(
      runInTenant(dataSource, editor.tenantId, async (manager) => {
        const file = await files.store(manager, editor, {
          fileName: 'rolled-back.pdf',
          bytes: sampleFiles.pdf(),
          purpose: 'GRANT_ATTACHMENT',
          allowedTypes: GRANT_ATTACHMENT_TYPES,
        });
        storedKey = file.storageKey;
        expect(await storedFiles()).toContain(storedKey);
        throw new Error('the caller fails after storing');
      }),
    ).rejects.toThrow('the caller fails after storing');
    expect(storedKey).not.toBe('');
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('refuses types not in the allowed list, empty files and unknown purposes', async () => {
    const exe = await expectRefused(await upload(c.editorA, 'setup.exe', sampleFiles.exe()), 400, 'FILE_TYPE_NOT_ALLOWED');
    expect(exe.errors[0].message).toMatch(/^この種類のファイルは添付できません。添付できるのは PDF、Word \(\.docx\)/);
    await expectRefused(await upload(c.editorA, 'scan.gif', Buffer.from('GIF89a....')), 400, 'FILE_TYPE_NOT_ALLOWED');
    await expectRefused(await upload(c.editorA, 'empty.pdf', Buffer.alloc(0)), 400, 'FILE_EMPTY');
    await expectRefused(await upload(c.editorA, 'a.pdf', sampleFiles.pdf(), { purpose: 'AVATAR' }), 400, 'FILE_PURPOSE_UNKNOWN');
  });

  it('takes the purpose from the query string, refuses two different ones and a file without one', async () => {
    const viaQuery = await upload(c.editorA, 'query.pdf', sampleFiles.pdf(), { purpose: null, queryPurpose: 'GRANT_ATTACHMENT' });
    expect(viaQuery.status).toBe(201);
    const filesBefore = await storedFiles();
    await expectRefused(
      await upload(c.editorA, 'a.pdf', sampleFiles.pdf(), { purpose: 'GRANT_ATTACHMENT', queryPurpose: 'COURSE_COVER' }),
      400,
      'FILE_PURPOSE_CONFLICT',
    );
    const missing = await expectRefused(await upload(c.editorA, 'a.pdf', sampleFiles.pdf(), { purpose: null }), 400, 'FILE_PURPOSE_MISSING');
    expect(missing.errors[0].message).toContain('?purpose=');
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('applies each purpose its own types and uploaders: a course cover is an image by a trainer', async () => {
    const forbidden = await upload(c.editorA, 'cover.png', sampleFiles.png(), { queryPurpose: 'COURSE_COVER', purpose: null });
    expect(forbidden.status).toBe(403);
    const cover = await upload(c.trainerA, 'cover.png', sampleFiles.png(), { queryPurpose: 'COURSE_COVER', purpose: null });
    expect(cover.status).toBe(201);
    const notAnImage = await expectRefused(
      await upload(c.trainerA, 'cover.pdf', sampleFiles.pdf(), { queryPurpose: 'COURSE_COVER', purpose: null }),
      400,
      'FILE_TYPE_NOT_ALLOWED',
    );
    expect(notAnImage.errors[0].message).toBe('この種類のファイルは添付できません。添付できるのは PNG 画像、JPEG 画像 です。');
    // Training materials take video; grant attachments do not.
    const video = await upload(c.trainerA, '研修.mp4', sampleFiles.mp4(), { queryPurpose: 'TRAINING_MATERIAL', purpose: null });
    expect(((await video.json()) as { mediaType: string }).mediaType).toBe('video/mp4');
    await expectRefused(await upload(c.editorA, '研修.mp4', sampleFiles.mp4()), 400, 'FILE_TYPE_NOT_ALLOWED');
    await expectRefused(
      await upload(c.trainerA, '研修.mp4', sampleFiles.mov(), { queryPurpose: 'TRAINING_MATERIAL', purpose: null }),
      400,
      'FILE_TYPE_MISMATCH',
    );
  });

  it('lets only those who may publish grants upload grant attachments, and only signed in', async () => {
    const forbidden = await upload(c.staffA, 'a.pdf', sampleFiles.pdf());
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as ErrorBody).errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await upload(null, 'a.pdf', sampleFiles.pdf());
    expect(anonymous.status).toBe(401);
  });
});

describe('who may download', () => {
  let fileId: string;

  beforeAll(async () => {
    const response = await upload(c.editorA, 'internal.pdf', sampleFiles.pdf());
    fileId = ((await response.json()) as { id: string }).id;
  });

  it('answers 401 without a token or with a bad one', async () => {
    const anonymous = await download(null, fileId);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ErrorBody).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await fetch(`${api.url}/api/files/${fileId}`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(forged.status).toBe(401);
  });

  it('answers NOT_FOUND (404) for another network’s file, an unknown id and a non-UUID id', async () => {
    for (const [client, id] of [
      [c.adminB, fileId],
      [c.editorA, '00000000-0000-4000-8000-000000000000'],
      [c.editorA, 'not-a-uuid'],
      [c.editorA, '../../etc/passwd'],
    ] as const) {
      const response = await download(client, id);
      expect([id, response.status]).toEqual([id, 404]);
      expect(((await response.json()) as ErrorBody).errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('lets another network download a file once it is attached to a public, published grant', async () => {
    await owner.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [networkA.tenantId]);
      const [grant]: Array<{ id: string }> = await manager.query(
        `INSERT INTO grants (tenant_id, organization_id, title, funder_name, funder_kind, grant_type, status, visibility, published_at)
         VALUES ($1, $2, '居場所づくり助成', '中央区', 'MUNICIPALITY', 'GRANT', 'PUBLISHED', 'PUBLIC', now()) RETURNING id`,
        [networkA.tenantId, networkA.organizations.hub],
      );
      await manager.query(`INSERT INTO grant_attachments (tenant_id, grant_id, file_id) VALUES ($1, $2, $3)`, [
        networkA.tenantId,
        grant.id,
        fileId,
      ]);
    });
    const response = await download(c.adminB, fileId);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(sampleFiles.pdf());
  });
});
