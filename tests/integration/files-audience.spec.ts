// Files follow their owner's audience, against the real API and PostgreSQL (issue 14, finding 8):
// a file is downloadable exactly by those who may read the record it is attached to. A draft
// grant's attachment: its organisation (the grant editors keeping it), not the rest of the network,
// until it is published; a course's material and cover: the course's audience (a draft: its
// trainers), not every member; another network: NOT_FOUND. Uploads work as before.
import { setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import { sampleFiles } from '../support/sample-files';
import { outcome, reasonOf, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { createGrant, GRANT_QUERY, transitionMutation } from '../support/grants';
import { dataOf } from '../support/people';
import { TestDatabase } from '../support/test-database';
import { ENROL } from '../support/learning';
import { buildCourse, COURSE_QUERY, courseInput, courseTransition, publishCourse, UPDATE_COURSE } from '../support/training';

const t = setupApiTest({
  storage: true,
  networks: {
    networkA: {
      slug: 'files-audience-a',
      organizations: { hub: 'INTERMEDIARY', npo: 'NPO', shakyo: 'SOCIAL_WELFARE_COUNCIL' },
      members: {
        editor: ['hub', ['GRANT_EDITOR']],
        hubStaff: ['hub', ['STAFF']],
        npoStaff: ['npo', ['STAFF']],
        coordinator: ['npo', ['COORDINATOR']],
        trainer: ['shakyo', ['TRAINER']],
      },
    },
    networkB: oneOrganizationNetwork('files-audience-b', { hub: 'INTERMEDIARY' }, { admin: ['NETWORK_ADMIN', 'ORG_ADMIN', 'GRANT_EDITOR', 'TRAINER'] }),
  },
});
let database: TestDatabase, api: RunningApi, networkA: TestNetwork, networkB: TestNetwork;
let editor: SignedInClient;
let hubStaff: SignedInClient;
let npoStaff: SignedInClient;
let coordinator: SignedInClient;
let trainer: SignedInClient;
let adminB: SignedInClient;

async function upload(client: SignedInClient, fileName: string, bytes: Buffer, purpose: string): Promise<string> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const response = await fetch(`${api.url}/api/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${client.token}` } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The download's status and error code (OK for 200 with the bytes). */
async function download(client: SignedInClient, id: string, bytes?: Buffer): Promise<string> {
  const response = await fetch(`${api.url}/api/files/${id}`, { headers: { authorization: `Bearer ${client.token}` } });
  if (response.status === 200) {
    if (bytes) expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    return 'OK';
  }
  const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
  return `${response.status} ${body.errors[0].extensions.code}`;
}

async function downloads(clients: Record<string, SignedInClient>, id: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [name, client] of Object.entries(clients)) result[name] = await download(client, id);
  return result;
}

beforeAll(async () => {
  ({ database, api, networks: { networkA, networkB } } = t);
  ({ editor, hubStaff, npoStaff, coordinator, trainer, admin: adminB } = t.clients);
});

describe('a grant’s attachment', () => {
  it('is readable by those who may read the grant: a draft’s only by its organisation, everyone in the network once published', async () => {
    const bytes = sampleFiles.pdf();
    const fileId = await upload(editor, '募集要項（案）.pdf', bytes, 'GRANT_ATTACHMENT');
    // Uploaded, not attached yet: its organisation only.
    expect(await downloads({ editor, hubStaff, npoStaff, adminB }, fileId)).toEqual({
      editor: 'OK',
      hubStaff: 'OK',
      npoStaff: '404 NOT_FOUND',
      adminB: '404 NOT_FOUND',
    });

    const grant = await createGrant(editor, '居場所づくり助成（準備中）');
    dataOf(await editor.request(`mutation A($g: ID!, $f: ID!) { attachGrantFile(grantId: $g, fileId: $f) { id } }`, { g: grant.id, f: fileId }));
    expect(await download(editor, fileId, bytes)).toBe('OK');
    expect(await downloads({ npoStaff, coordinator, trainer, adminB }, fileId)).toEqual({
      npoStaff: '404 NOT_FOUND',
      coordinator: '404 NOT_FOUND',
      trainer: '404 NOT_FOUND',
      adminB: '404 NOT_FOUND',
    });
    // The same answer as the grant itself (its attachment list is the file's metadata path).
    expect(outcome(await npoStaff.request(GRANT_QUERY, { id: grant.id }))).toBe('NOT_FOUND');

    dataOf(await editor.request(transitionMutation('publishGrant'), { id: grant.id }));
    expect(await download(npoStaff, fileId, bytes)).toBe('OK');
    expect(await downloads({ coordinator, trainer, editor }, fileId)).toEqual({ coordinator: 'OK', trainer: 'OK', editor: 'OK' });
    // A network-only listing stays in its network.
    expect(await download(adminB, fileId)).toBe('404 NOT_FOUND');

    // Archived: back to its organisation only.
    dataOf(await editor.request(transitionMutation('archiveGrant'), { id: grant.id }));
    expect(await downloads({ editor, npoStaff }, fileId)).toEqual({ editor: 'OK', npoStaff: '404 NOT_FOUND' });
  });

  it('of a public listing downloads in every network, and not while it is a draft', async () => {
    const fileId = await upload(editor, '公募要領.pdf', sampleFiles.pdf(), 'GRANT_ATTACHMENT');
    const grant = await createGrant(editor, '全国公募の助成', { visibility: 'PUBLIC' });
    dataOf(await editor.request(`mutation A($g: ID!, $f: ID!) { attachGrantFile(grantId: $g, fileId: $f) { id } }`, { g: grant.id, f: fileId }));
    expect(await downloads({ npoStaff, adminB }, fileId)).toEqual({ npoStaff: '404 NOT_FOUND', adminB: '404 NOT_FOUND' });
    dataOf(await editor.request(transitionMutation('publishGrant'), { id: grant.id }));
    expect(await downloads({ npoStaff, adminB }, fileId)).toEqual({ npoStaff: 'OK', adminB: 'OK' });
  });

  it('takes only files uploaded as grant attachments: a course material does not become a public download', async () => {
    const materialId = await upload(adminB, '研修資料.pdf', sampleFiles.pdf(), 'TRAINING_MATERIAL');
    const grant = await createGrant(adminB, '研修資料を添付しようとした助成', { visibility: 'PUBLIC' });
    const refused = await adminB.request(`mutation A($g: ID!, $f: ID!) { attachGrantFile(grantId: $g, fileId: $f) { id } }`, { g: grant.id, f: materialId });
    expect([outcome(refused), reasonOf(refused)]).toEqual(['BAD_USER_INPUT', 'FILE_PURPOSE']);
    const after = dataOf(await adminB.request<{ grant: { attachments: unknown[] } }>(GRANT_QUERY, { id: grant.id }));
    expect(after.grant.attachments).toEqual([]);
  });
});

describe('a course’s material and cover', () => {
  it('are readable by the course’s audience only, and a draft’s by its trainers only', async () => {
    const material = sampleFiles.pdf();
    const materialId = await upload(trainer, '相談対応の基礎.pdf', material, 'TRAINING_MATERIAL');
    const coverId = await upload(trainer, 'cover.png', sampleFiles.png(), 'COURSE_COVER');
    // Coordinators only: STAFF are outside the audience.
    const course = await buildCourse(trainer, '相談対応（コーディネーター向け）', {
      input: { audienceAll: false, audienceRoles: ['COORDINATOR'], coverFileId: coverId },
      modules: [{ title: '第1章', materials: [{ title: 'テキスト', fileId: materialId }] }],
      publish: false,
    });

    // A draft: its trainers only.
    for (const fileId of [materialId, coverId]) {
      expect(await downloads({ trainer, coordinator, npoStaff, adminB }, fileId)).toEqual({
        trainer: 'OK',
        coordinator: '404 NOT_FOUND',
        npoStaff: '404 NOT_FOUND',
        adminB: '404 NOT_FOUND',
      });
    }

    await publishCourse(trainer, course.id);
    for (const fileId of [materialId, coverId]) {
      expect(await downloads({ trainer, coordinator, npoStaff, hubStaff, editor, adminB }, fileId)).toEqual({
        trainer: 'OK',
        coordinator: 'OK',
        npoStaff: '404 NOT_FOUND',
        hubStaff: '404 NOT_FOUND',
        editor: '404 NOT_FOUND',
        adminB: '404 NOT_FOUND',
      });
    }
    expect(await download(coordinator, materialId, material)).toBe('OK');
    // The material list (the file's name and size) follows the same rule.
    expect(outcome(await npoStaff.request(COURSE_QUERY, { id: course.id }))).toBe('NOT_FOUND');

    // Opened to the whole network: STAFF read it too.
    dataOf(
      await trainer.request(UPDATE_COURSE, {
        id: course.id,
        input: courseInput('相談対応（コーディネーター向け）', { audienceAll: true, coverFileId: coverId }),
      }),
    );
    expect(await downloads({ npoStaff, hubStaff, adminB }, materialId)).toEqual({ npoStaff: 'OK', hubStaff: 'OK', adminB: '404 NOT_FOUND' });
  });

  it('stay readable for a learner enrolled in a course that is archived, and for nobody else outside its trainers', async () => {
    const materialId = await upload(trainer, '振り返り資料.pdf', sampleFiles.pdf(), 'TRAINING_MATERIAL');
    const course = await buildCourse(trainer, '振り返り研修', {
      input: { audienceAll: true },
      modules: [{ title: '第1章', materials: [{ title: '資料', fileId: materialId }] }],
    });
    dataOf(await coordinator.request(ENROL, { courseId: course.id }));
    dataOf(await trainer.request(courseTransition('archiveCourse'), { id: course.id }));
    expect(await downloads({ trainer, coordinator, npoStaff }, materialId)).toEqual({
      trainer: 'OK',
      coordinator: 'OK',
      npoStaff: '404 NOT_FOUND',
    });
  });
});
