// Courses (人材育成) over HTTP on a real PostgreSQL: who authors and who sees (trainers of the
// owning organisation, other trainers, staff, coordinators, org and network admins, another
// network), drafts and archived courses hidden, audiences by role, organisation and the whole
// network, public courses read from another network with their publisher named, NOT_FOUND for
// every id of another network and every non-UUID, validation with reasons and no partial rows,
// reordering, quizzes with their answers kept from learners, Japanese keyword search, stable
// keyset pages, and a fixed number of statements to read a course however many modules it has.
import { DataSource } from 'typeorm';
import { outcome, reasonOf, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupDemoApiTest } from '../support/demo';
import { allPages, type GraphQLResponse, type Page } from '../support/graphql';
import { setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import { dataOf } from '../support/people';
import { TestDatabase } from '../support/test-database';
import {
  ADD_MATERIAL,
  ADD_MODULE,
  buildCourse,
  COURSE_QUERY,
  CourseResult,
  COURSES_QUERY,
  courseInput,
  courseTransition,
  CREATE_COURSE,
  listAllCourses,
  publishCourse,
  readCourse,
  REMOVE_MATERIAL,
  REMOVE_MODULE,
  REMOVE_QUIZ,
  REORDER_MATERIALS,
  REORDER_MODULES,
  SET_QUIZ,
  singleChoice,
  storedTrainingFile,
  UPDATE_COURSE,
  UPDATE_MATERIAL,
  UPDATE_MODULE,
} from '../support/training';

const t = setupApiTest({
  networks: {
    a: {
      slug: 'training-a',
      organizations: { swc: 'SOCIAL_WELFARE_COUNCIL', npo: 'NPO', npo2: 'NPO', inter: 'INTERMEDIARY' },
      members: {
        trainer: ['swc', ['TRAINER']],
        swcStaff: ['swc', ['STAFF']],
        trainer2: ['npo2', ['TRAINER']],
        npo2Staff: ['npo2', ['STAFF']],
        staff: ['npo', ['STAFF']],
        coordinator: ['npo', ['COORDINATOR']],
        orgAdmin: ['npo', ['ORG_ADMIN']],
        netAdmin: ['inter', ['NETWORK_ADMIN', 'ORG_ADMIN']],
      },
    },
    b: oneOrganizationNetwork('training-b', { orgB: 'NPO' }, { adminB: ['NETWORK_ADMIN', 'ORG_ADMIN'], trainerB: ['TRAINER'], staffB: ['STAFF'] }),
  },
});
const c = t.clients;
let database: TestDatabase, api: RunningApi, sql: DataSource, a: TestNetwork, b: TestNetwork;
beforeAll(() => ({ database, api, sql, networks: { a, b } } = t));

function fieldsOf(response: GraphQLResponse): Record<string, { ja: string; en: string }> {
  return (response.body.errors?.[0]?.extensions?.['fields'] ?? {}) as Record<string, { ja: string; en: string }>;
}

async function countRows(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row]: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM ${table} WHERE ${where}`, params);
  return row.count;
}

const ALL_MEMBERS_A = ['trainer', 'swcStaff', 'trainer2', 'npo2Staff', 'staff', 'coordinator', 'orgAdmin', 'netAdmin'];

describe('authoring', () => {
  it('lets only trainers create courses, for their own organisation', async () => {
    const course = dataOf(await c.trainer.request<{ createCourse: CourseResult }>(CREATE_COURSE, { input: courseInput('作成テスト') })).createCourse;
    expect(course).toMatchObject({
      status: 'DRAFT',
      mayEdit: true,
      inAudience: false,
      moduleCount: 0,
      modules: [],
      publishedAt: null,
      publisher: { organizationId: a.organizations.swc, name: 'training-a swc', networkName: 'training-a' },
    });
    for (const key of ['swcStaff', 'staff', 'coordinator', 'orgAdmin', 'netAdmin']) {
      expect([key, outcome(await c[key].request(CREATE_COURSE, { input: courseInput('権限なし') }))]).toEqual([key, 'FORBIDDEN']);
    }
    expect(await countRows('courses', `title = '権限なし'`)).toBe(0);
  });

  it("keeps a course to its own organisation's trainers: everyone else who sees it is FORBIDDEN", async () => {
    const course = await buildCourse(c.trainer, '編集権限テスト');
    const moduleId = course.modules[0].id;
    const materialId = course.modules[0].materials[0].id;
    for (const key of ['trainer2', 'swcStaff', 'staff', 'coordinator', 'orgAdmin', 'netAdmin']) {
      const attempts: Array<[string, Record<string, unknown>]> = [
        [UPDATE_COURSE, { id: course.id, input: courseInput('書き換え') }],
        [courseTransition('archiveCourse'), { id: course.id }],
        [ADD_MODULE, { courseId: course.id, input: { title: '追加' } }],
        [UPDATE_MODULE, { id: moduleId, input: { title: '書き換え' } }],
        [REMOVE_MODULE, { id: moduleId }],
        [REORDER_MODULES, { courseId: course.id, moduleIds: [moduleId] }],
        [ADD_MATERIAL, { moduleId, input: { title: '追加', url: 'https://example.jp/x' } }],
        [UPDATE_MATERIAL, { id: materialId, input: { title: '書き換え', url: 'https://example.jp/y' } }],
        [REMOVE_MATERIAL, { id: materialId }],
        [REORDER_MATERIALS, { moduleId, materialIds: [materialId] }],
        [SET_QUIZ, { moduleId, input: { passMarkPercent: 50, questions: [singleChoice('問')] } }],
        [REMOVE_QUIZ, { moduleId }],
      ];
      for (const [document, variables] of attempts) {
        expect([key, document.slice(0, 30), outcome(await c[key].request(document, variables))]).toEqual([key, document.slice(0, 30), 'FORBIDDEN']);
      }
    }
    const after = await readCourse(c.trainer, course.id);
    expect(after).toMatchObject({ title: '編集権限テスト', status: 'PUBLISHED', moduleCount: 1 });
    expect(after.modules[0].materials).toHaveLength(1);
    expect(after.modules[0].quiz?.questions).toHaveLength(1);
  });

  it('keeps drafts to the owning organisation’s trainers', async () => {
    const draft = await buildCourse(c.trainer, '下書きの講座', { publish: false });
    expect((await readCourse(c.trainer, draft.id)).status).toBe('DRAFT');
    for (const key of ['trainer2', 'swcStaff', 'staff', 'coordinator', 'orgAdmin', 'netAdmin', 'adminB']) {
      expect([key, outcome(await c[key].request(COURSE_QUERY, { id: draft.id }))]).toEqual([key, 'NOT_FOUND']);
      // Not even the organisation's own staff edit it: it is not theirs to see.
      expect([key, outcome(await c[key].request(UPDATE_COURSE, { id: draft.id, input: courseInput('x') }))]).toEqual([key, 'NOT_FOUND']);
      const listed = await listAllCourses(c[key], { status: 'DRAFT' });
      expect(listed.map((course) => course.id)).not.toContain(draft.id);
    }
    const mine = await listAllCourses(c.trainer, { mine: true });
    expect(mine.find((course) => course.id === draft.id)).toMatchObject({ status: 'DRAFT', mayEdit: true });
    expect((await listAllCourses(c.trainer)).map((course) => course.id)).not.toContain(draft.id);
  });

  it('archives and unarchives: an archived course leaves the catalogue and stays with its trainers', async () => {
    const course = await buildCourse(c.trainer, 'アーカイブテスト');
    expect((await listAllCourses(c.staff)).map((listed) => listed.id)).toContain(course.id);
    const archived = dataOf(await c.trainer.request<{ archiveCourse: CourseResult }>(courseTransition('archiveCourse'), { id: course.id })).archiveCourse;
    expect(archived.status).toBe('ARCHIVED');
    for (const key of ['staff', 'trainer2', 'netAdmin']) {
      expect((await listAllCourses(c[key])).map((listed) => listed.id)).not.toContain(course.id);
      expect(outcome(await c[key].request(COURSE_QUERY, { id: course.id }))).toBe('NOT_FOUND');
    }
    expect((await listAllCourses(c.trainer, { mine: true })).find((listed) => listed.id === course.id)?.status).toBe('ARCHIVED');
    // An archived course is not edited until it is unarchived.
    const edit = await c.trainer.request(ADD_MODULE, { courseId: course.id, input: { title: '追加' } });
    expect([outcome(edit), reasonOf(edit)]).toEqual(['CONFLICT', 'COURSE_STATUS']);
    const again = await c.trainer.request(courseTransition('archiveCourse'), { id: course.id });
    expect([outcome(again), reasonOf(again)]).toEqual(['CONFLICT', 'COURSE_STATUS']);
    const unarchived = dataOf(await c.trainer.request<{ unarchiveCourse: CourseResult }>(courseTransition('unarchiveCourse'), { id: course.id })).unarchiveCourse;
    expect(unarchived.status).toBe('DRAFT');
    expect(outcome(await c.staff.request(COURSE_QUERY, { id: course.id }))).toBe('NOT_FOUND');
    expect((await publishCourse(c.trainer, course.id)).status).toBe('PUBLISHED');
    expect((await readCourse(c.staff, course.id)).status).toBe('PUBLISHED');
  });
});

describe('audience', () => {
  it('shows a published course to the whole network, to roles, or to organisations', async () => {
    const all = await buildCourse(c.trainer, '対象：全員');
    const coordinators = await buildCourse(c.trainer, '対象：コーディネーター', { input: { audienceAll: false, audienceRoles: ['COORDINATOR'] } });
    const npo2 = await buildCourse(c.trainer, '対象：団体', { input: { audienceAll: false, audienceOrganizationIds: [a.organizations.npo2] } });
    expect(npo2.audienceOrganizationIds).toEqual([a.organizations.npo2]);
    const expected: Record<string, string[]> = {
      trainer: [all.id, coordinators.id, npo2.id],
      swcStaff: [all.id],
      trainer2: [all.id, npo2.id],
      npo2Staff: [all.id, npo2.id],
      staff: [all.id],
      coordinator: [all.id, coordinators.id],
      orgAdmin: [all.id],
      netAdmin: [all.id],
      adminB: [],
    };
    for (const [key, visible] of Object.entries(expected)) {
      const listed = (await listAllCourses(c[key])).map((course) => course.id);
      for (const course of [all, coordinators, npo2]) {
        const sees = visible.includes(course.id);
        expect([key, course.title, listed.includes(course.id)]).toEqual([key, course.title, sees]);
        const response = await c[key].request<{ course: CourseResult }>(COURSE_QUERY, { id: course.id });
        expect([key, course.title, outcome(response)]).toEqual([key, course.title, sees ? 'OK' : 'NOT_FOUND']);
        if (sees) {
          // The owning organisation's trainers see it whoever its audience is; they are in it only by its rules.
          const inAudience = key !== 'trainer' || course.id === all.id;
          expect([key, course.title, dataOf(response).course.inAudience]).toEqual([key, course.title, inAudience]);
        }
      }
    }
  });

  it('shows a public course in every network, names its publisher there, and keeps a network course NOT_FOUND', async () => {
    const publicCourse = await buildCourse(c.trainer, '公開講座：地域福祉入門', { input: { audienceAll: false, visibility: 'PUBLIC' } });
    const networkCourse = await buildCourse(c.trainer, 'ネットワーク内講座');
    for (const key of ['adminB', 'staffB', 'trainerB']) {
      const seen = await readCourse(c[key], publicCourse.id);
      expect(seen).toMatchObject({
        status: 'PUBLISHED',
        visibility: 'PUBLIC',
        mayEdit: false,
        inAudience: true,
        audienceOrganizationIds: [],
        publisher: { organizationId: a.organizations.swc, name: 'training-a swc', networkName: 'training-a' },
      });
      expect(seen.modules[0].quiz?.questions[0].correctChoices).toBeNull();
      expect(outcome(await c[key].request(COURSE_QUERY, { id: networkCourse.id }))).toBe('NOT_FOUND');
      const listed = await listAllCourses(c[key]);
      expect(listed.find((course) => course.id === publicCourse.id)?.publisher.name).toBe('training-a swc');
      expect(listed.map((course) => course.id)).not.toContain(networkCourse.id);
    }
    // Another network's trainers read it but do not edit it: it is not in their network.
    expect(outcome(await c.trainerB.request(UPDATE_COURSE, { id: publicCourse.id, input: courseInput('乗っ取り') }))).toBe('NOT_FOUND');
    expect(outcome(await c.trainerB.request(SET_QUIZ, { moduleId: publicCourse.modules[0].id, input: { passMarkPercent: 1, questions: [singleChoice('問')] } }))).toBe('NOT_FOUND');
  });
});

describe('another network and ids that are not ids', () => {
  it('answers NOT_FOUND for every query and mutation given an id of another network or a non-UUID', async () => {
    const foreign = await buildCourse(c.trainerB, 'Bの講座', {
      modules: [{ title: 'B単元', materials: [{ title: 'B資料', url: 'https://example.jp/b' }], quiz: { passMarkPercent: 50, questions: [singleChoice('B問')] } }],
    });
    const foreignDraft = await buildCourse(c.trainerB, 'Bの下書き', { publish: false });
    const foreignModule = foreign.modules[0].id;
    const foreignMaterial = foreign.modules[0].materials[0].id;
    const own = await buildCourse(c.trainer, 'Aの講座（IDテスト）');
    const ownModule = own.modules[0].id;
    const documents = (course: string, module: string, material: string): Array<[string, Record<string, unknown>]> => [
      [COURSE_QUERY, { id: course }],
      [UPDATE_COURSE, { id: course, input: courseInput('x') }],
      [courseTransition('publishCourse'), { id: course }],
      [courseTransition('archiveCourse'), { id: course }],
      [courseTransition('unarchiveCourse'), { id: course }],
      [ADD_MODULE, { courseId: course, input: { title: 'x' } }],
      [UPDATE_MODULE, { id: module, input: { title: 'x' } }],
      [REMOVE_MODULE, { id: module }],
      [REORDER_MODULES, { courseId: course, moduleIds: [module] }],
      [ADD_MATERIAL, { moduleId: module, input: { title: 'x', url: 'https://example.jp/x' } }],
      [UPDATE_MATERIAL, { id: material, input: { title: 'x', url: 'https://example.jp/x' } }],
      [REMOVE_MATERIAL, { id: material }],
      [REORDER_MATERIALS, { moduleId: module, materialIds: [material] }],
      [SET_QUIZ, { moduleId: module, input: { passMarkPercent: 50, questions: [singleChoice('x')] } }],
      [REMOVE_QUIZ, { moduleId: module }],
    ];
    const cases: Array<[string, Array<[string, Record<string, unknown>]>]> = [
      ['foreign', documents(foreign.id, foreignModule, foreignMaterial)],
      ['foreign draft', documents(foreignDraft.id, foreignModule, foreignMaterial)],
      ['not a uuid', documents('not-a-uuid', 'not-a-uuid', '1234')],
    ];
    for (const [label, list] of cases) {
      for (const [document, variables] of list) {
        expect([label, document.slice(0, 40), outcome(await c.trainer.request(document, variables))]).toEqual([label, document.slice(0, 40), 'NOT_FOUND']);
      }
    }
    // Mixing another network's module into a reorder of my own course changes nothing.
    const mixed = await c.trainer.request(REORDER_MODULES, { courseId: own.id, moduleIds: [ownModule, foreignModule] });
    expect([outcome(mixed), reasonOf(mixed)]).toEqual(['BAD_USER_INPUT', 'MODULE_SET_MISMATCH']);
    // Nothing of network B changed.
    expect(await readCourse(c.trainerB, foreign.id)).toMatchObject({ title: 'Bの講座', status: 'PUBLISHED', moduleCount: 1 });
    expect((await readCourse(c.trainerB, foreignDraft.id)).status).toBe('DRAFT');
    // The catalogue's cursor is checked too.
    const forged = Buffer.from(JSON.stringify(['2026-01-01 00:00:00+00', '-'.repeat(36)]), 'utf8').toString('base64url');
    for (const after of ['not-a-cursor', forged]) {
      const cursor = await c.trainer.request(COURSES_QUERY, { after });
      expect([outcome(cursor), reasonOf(cursor)]).toEqual(['BAD_USER_INPUT', 'INVALID_CURSOR']);
    }
  });
});

describe('validation', () => {
  it('refuses faulty course fields, naming each in Japanese and English, and writes nothing', async () => {
    const before = await countRows('courses');
    const response = await c.trainer.request(CREATE_COURSE, { input: courseInput('  ', { estimatedMinutes: 0, summary: 'あ'.repeat(2001) }) });
    expect([outcome(response), reasonOf(response)]).toEqual(['BAD_USER_INPUT', 'INVALID_COURSE']);
    expect(Object.keys(fieldsOf(response)).sort()).toEqual(['estimatedMinutes', 'summary', 'title']);
    expect(fieldsOf(response).title.ja).toMatch(/コース名/);
    expect(fieldsOf(response).title.en).toMatch(/title/);
    for (const organizationId of [b.organizations.orgB, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const foreignAudience = await c.trainer.request(CREATE_COURSE, { input: courseInput('他ネットワークの団体', { audienceOrganizationIds: [organizationId] }) });
      expect([outcome(foreignAudience), reasonOf(foreignAudience)]).toEqual(['BAD_USER_INPUT', 'UNKNOWN_AUDIENCE_ORGANIZATION']);
    }
    const badRole = await c.trainer.request(CREATE_COURSE, { input: courseInput('役割', { audienceRoles: ['CAPTAIN'] }) });
    expect(badRole.body.errors?.length).toBeGreaterThan(0);
    expect(await countRows('courses')).toBe(before);
  });

  it('publishes only a course with modules and an audience, saying which is missing', async () => {
    const empty = await buildCourse(c.trainer, 'モジュールなし', { modules: [], publish: false });
    const noModules = await c.trainer.request(courseTransition('publishCourse'), { id: empty.id });
    expect([outcome(noModules), reasonOf(noModules)]).toEqual(['BAD_USER_INPUT', 'COURSE_HAS_NO_MODULES']);
    expect(fieldsOf(noModules).modules.ja).toMatch(/単元/);
    const nobody = await buildCourse(c.trainer, '対象なし', { input: { audienceAll: false }, publish: false });
    const noAudience = await c.trainer.request(courseTransition('publishCourse'), { id: nobody.id });
    expect([outcome(noAudience), reasonOf(noAudience)]).toEqual(['BAD_USER_INPUT', 'COURSE_HAS_NO_AUDIENCE']);
    for (const id of [empty.id, nobody.id]) {
      const [row]: Array<{ status: string; published_at: Date | null }> = await sql.query(`SELECT status, published_at FROM courses WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'DRAFT', published_at: null });
    }
    // Public to every network is an audience of its own.
    const publicOnly = await buildCourse(c.trainer, '公開のみ', { input: { audienceAll: false, visibility: 'PUBLIC' } });
    expect(publicOnly.status).toBe('PUBLISHED');
    // A published course keeps its invariants: its last module and its audience stay.
    const lastModule = await c.trainer.request(REMOVE_MODULE, { id: publicOnly.modules[0].id });
    expect([outcome(lastModule), reasonOf(lastModule)]).toEqual(['BAD_USER_INPUT', 'COURSE_HAS_NO_MODULES']);
    const noLongerPublic = await c.trainer.request(UPDATE_COURSE, { id: publicOnly.id, input: courseInput('公開のみ', { audienceAll: false, visibility: 'NETWORK' }) });
    expect([outcome(noLongerPublic), reasonOf(noLongerPublic)]).toEqual(['BAD_USER_INPUT', 'COURSE_HAS_NO_AUDIENCE']);
    expect(await readCourse(c.trainer, publicOnly.id)).toMatchObject({ visibility: 'PUBLIC', moduleCount: 1 });
  });

  it('takes a material as exactly one of an uploaded training file of my organisation and an http(s) link', async () => {
    const course = await buildCourse(c.trainer, '教材テスト', { modules: [{ title: '単元' }], publish: false });
    const moduleId = course.modules[0].id;
    const pdf = await storedTrainingFile(sql, a.tenantId, a.organizations.swc);
    const video = await storedTrainingFile(sql, a.tenantId, a.organizations.swc, { fileName: '動画.mp4', mediaType: 'video/mp4' });
    const slides = await storedTrainingFile(sql, a.tenantId, a.organizations.swc, {
      fileName: 'スライド.pptx',
      mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    });
    const grantFile = await storedTrainingFile(sql, a.tenantId, a.organizations.swc, { purpose: 'GRANT_ATTACHMENT' });
    const otherOrganization = await storedTrainingFile(sql, a.tenantId, a.organizations.npo2);
    const otherNetwork = await storedTrainingFile(sql, b.tenantId, b.organizations.orgB);

    const refusals: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ title: '両方', fileId: pdf, url: 'https://example.jp/a' }, 'BAD_USER_INPUT', 'MATERIAL_NEEDS_FILE_OR_URL'],
      [{ title: 'どちらもなし' }, 'BAD_USER_INPUT', 'MATERIAL_NEEDS_FILE_OR_URL'],
      [{ title: 'スクリプト', url: 'javascript:alert(1)' }, 'BAD_USER_INPUT', 'INVALID_URL'],
      [{ title: 'FTP', url: 'ftp://example.jp/file' }, 'BAD_USER_INPUT', 'INVALID_URL'],
      [{ title: ' ', url: 'https://example.jp/a' }, 'BAD_USER_INPUT', 'INVALID_MATERIAL'],
      [{ title: '用途違い', fileId: grantFile }, 'BAD_USER_INPUT', 'WRONG_FILE_PURPOSE'],
      [{ title: '他団体', fileId: otherOrganization }, 'NOT_FOUND', undefined],
      [{ title: '他ネットワーク', fileId: otherNetwork }, 'NOT_FOUND', undefined],
      [{ title: 'IDでない', fileId: 'file-1' }, 'NOT_FOUND', undefined],
    ];
    for (const [input, code, reason] of refusals) {
      const response = await c.trainer.request(ADD_MATERIAL, { moduleId, input });
      expect([input.title, outcome(response), reasonOf(response)]).toEqual([input.title, code, reason]);
    }
    expect(await countRows('course_materials', 'module_id = $1', [moduleId])).toBe(0);

    let result: CourseResult | undefined;
    for (const input of [
      { title: 'PDF資料', fileId: pdf },
      { title: '動画', fileId: video },
      { title: 'スライド', fileId: slides },
      { title: 'リンク', url: 'https://example.jp/link' },
    ]) {
      result = dataOf(await c.trainer.request<{ addCourseMaterial: CourseResult }>(ADD_MATERIAL, { moduleId, input })).addCourseMaterial;
    }
    const materials = result?.modules[0].materials ?? [];
    expect(materials.map((material) => [material.position, material.title, material.format, material.file?.id ?? null, material.url])).toEqual([
      [0, 'PDF資料', 'PDF', pdf, null],
      [1, '動画', 'VIDEO', video, null],
      [2, 'スライド', 'SLIDES', slides, null],
      [3, 'リンク', 'LINK', null, 'https://example.jp/link'],
    ]);
    // A link becomes a file and back.
    const swapped = dataOf(
      await c.trainer.request<{ updateCourseMaterial: CourseResult }>(UPDATE_MATERIAL, { id: materials[3].id, input: { title: '差し替え', fileId: pdf } }),
    ).updateCourseMaterial;
    expect(swapped.modules[0].materials[3]).toMatchObject({ title: '差し替え', format: 'PDF', url: null, file: { id: pdf } });
  });

  it('takes a cover only as an image my organisation uploaded as a course cover', async () => {
    const cover = await storedTrainingFile(sql, a.tenantId, a.organizations.swc, { fileName: '表紙.png', mediaType: 'image/png', purpose: 'COURSE_COVER' });
    const pdfCover = await storedTrainingFile(sql, a.tenantId, a.organizations.swc, { purpose: 'COURSE_COVER' });
    const materialImage = await storedTrainingFile(sql, a.tenantId, a.organizations.swc, { mediaType: 'image/png' });
    const foreignCover = await storedTrainingFile(sql, b.tenantId, b.organizations.orgB, { mediaType: 'image/png', purpose: 'COURSE_COVER' });
    for (const coverFileId of [pdfCover, materialImage]) {
      const response = await c.trainer.request(CREATE_COURSE, { input: courseInput('表紙テスト', { coverFileId }) });
      expect([outcome(response), reasonOf(response)]).toEqual(['BAD_USER_INPUT', 'INVALID_COVER_FILE']);
    }
    expect(outcome(await c.trainer.request(CREATE_COURSE, { input: courseInput('表紙テスト', { coverFileId: foreignCover }) }))).toBe('NOT_FOUND');
    const created = dataOf(await c.trainer.request<{ createCourse: CourseResult }>(CREATE_COURSE, { input: courseInput('表紙テスト', { coverFileId: cover }) })).createCourse;
    expect(created.coverFile).toEqual({ id: cover, fileName: '表紙.png', mediaType: 'image/png', byteSize: 2048 });
  });
});

describe('modules, materials and their order', () => {
  it('adds at the end, reorders exactly the set of modules or materials in one step, and closes gaps on removal', async () => {
    const course = await buildCourse(c.trainer, '並べ替えテスト', {
      modules: [
        { title: '一', materials: [{ title: 'a', url: 'https://example.jp/a' }, { title: 'b', url: 'https://example.jp/b' }, { title: 'c', url: 'https://example.jp/c' }] },
        { title: '二' },
        { title: '三', required: false },
      ],
      publish: false,
    });
    expect(course.modules.map((module) => [module.position, module.title, module.required])).toEqual([
      [0, '一', true],
      [1, '二', true],
      [2, '三', false],
    ]);
    const [one, two, three] = course.modules.map((module) => module.id);
    const reordered = dataOf(await c.trainer.request<{ reorderCourseModules: CourseResult }>(REORDER_MODULES, { courseId: course.id, moduleIds: [three, one, two] }))
      .reorderCourseModules;
    expect(reordered.modules.map((module) => [module.position, module.title])).toEqual([
      [0, '三'],
      [1, '一'],
      [2, '二'],
    ]);
    for (const moduleIds of [[three, one], [three, one, two, two], [three, one, one], [three, one, two, course.id]]) {
      const response = await c.trainer.request(REORDER_MODULES, { courseId: course.id, moduleIds });
      expect([outcome(response), reasonOf(response)]).toEqual(['BAD_USER_INPUT', 'MODULE_SET_MISMATCH']);
    }
    expect((await readCourse(c.trainer, course.id)).modules.map((module) => module.title)).toEqual(['三', '一', '二']);

    const [ma, mb, mc] = course.modules[0].materials.map((material) => material.id);
    const materialsReordered = dataOf(
      await c.trainer.request<{ reorderCourseMaterials: CourseResult }>(REORDER_MATERIALS, { moduleId: one, materialIds: [mc, ma, mb] }),
    ).reorderCourseMaterials;
    expect(materialsReordered.modules[1].materials.map((material) => [material.position, material.title])).toEqual([
      [0, 'c'],
      [1, 'a'],
      [2, 'b'],
    ]);
    const mismatch = await c.trainer.request(REORDER_MATERIALS, { moduleId: one, materialIds: [mc, ma] });
    expect([outcome(mismatch), reasonOf(mismatch)]).toEqual(['BAD_USER_INPUT', 'MATERIAL_SET_MISMATCH']);

    const withoutA = dataOf(await c.trainer.request<{ removeCourseMaterial: CourseResult }>(REMOVE_MATERIAL, { id: ma })).removeCourseMaterial;
    expect(withoutA.modules[1].materials.map((material) => [material.position, material.title])).toEqual([
      [0, 'c'],
      [1, 'b'],
    ]);
    const withoutThree = dataOf(await c.trainer.request<{ removeCourseModule: CourseResult }>(REMOVE_MODULE, { id: three })).removeCourseModule;
    expect(withoutThree.modules.map((module) => [module.position, module.title])).toEqual([
      [0, '一'],
      [1, '二'],
    ]);
    expect(withoutThree.moduleCount).toBe(2);
    const renamed = dataOf(
      await c.trainer.request<{ updateCourseModule: CourseResult }>(UPDATE_MODULE, { id: two, input: { title: '二（改）', description: '説明', required: false } }),
    ).updateCourseModule;
    expect(renamed.modules[1]).toMatchObject({ position: 1, title: '二（改）', description: '説明', required: false });
    const blank = await c.trainer.request(UPDATE_MODULE, { id: two, input: { title: '' } });
    expect([outcome(blank), reasonOf(blank)]).toEqual(['BAD_USER_INPUT', 'INVALID_MODULE']);
  });
});

describe('quizzes', () => {
  const question = (prompt: string, overrides: Record<string, unknown> = {}) => ({ ...singleChoice(prompt, ['A', 'B', 'C'], 1), ...overrides });

  it('refuses a faulty quiz naming each problem, and keeps the quiz it had', async () => {
    const course = await buildCourse(c.trainer, '小テスト検証', {
      modules: [{ title: '単元', quiz: { passMarkPercent: 80, maxAttempts: 3, questions: [question('元の問題')] } }],
      publish: false,
    });
    const moduleId = course.modules[0].id;
    const response = await c.trainer.request(SET_QUIZ, {
      moduleId,
      input: {
        passMarkPercent: 0,
        maxAttempts: 101,
        questions: [
          question('正解が2つ', { correctChoices: [0, 1] }),
          question('選択肢が空', { choices: ['A', '  '] }),
          question('範囲外', { correctChoices: [3] }),
          question(' '),
          question('選択肢が1つ', { choices: ['A'], correctChoices: [0] }),
          question('長すぎる選択肢', { choices: ['A', 'あ'.repeat(301)] }),
          question('正解なし', { kind: 'MULTIPLE_CHOICE', correctChoices: [] }),
        ],
      },
    });
    expect([outcome(response), reasonOf(response)]).toEqual(['BAD_USER_INPUT', 'INVALID_QUIZ']);
    expect(Object.keys(fieldsOf(response)).sort()).toEqual(
      [
        'maxAttempts',
        'passMarkPercent',
        'questions.0.correctChoices',
        'questions.1.choices',
        'questions.2.correctChoices',
        'questions.3.prompt',
        'questions.4.choices',
        'questions.5.choices',
        'questions.6.correctChoices',
      ].sort(),
    );
    expect(fieldsOf(response)['questions.0.correctChoices'].ja).toMatch(/問1/);
    for (const questions of [[], Array.from({ length: 51 }, (_, index) => question(`問${index}`))]) {
      const count = await c.trainer.request(SET_QUIZ, { moduleId, input: { passMarkPercent: 50, questions } });
      expect([outcome(count), Object.keys(fieldsOf(count))]).toEqual(['BAD_USER_INPUT', ['questions']]);
    }
    const kept = await readCourse(c.trainer, course.id);
    expect(kept.modules[0].quiz).toMatchObject({ passMarkPercent: 80, maxAttempts: 3, questions: [{ prompt: '元の問題', correctChoices: [1] }] });
  });

  it('replaces a published course’s quiz whole, and shows the answers only to its editors', async () => {
    const course = await buildCourse(c.trainer, '小テスト公開', {
      input: { visibility: 'PUBLIC' },
      modules: [{ title: '単元', quiz: { passMarkPercent: 50, questions: [question('問1'), question('問2')] } }],
    });
    const moduleId = course.modules[0].id;
    // A learner's attempt at the old quiz (written as the learning module would).
    const [enrolment]: Array<{ id: string }> = await sql.query(
      `INSERT INTO course_enrolments (tenant_id, membership_id, organization_id, course_tenant_id, course_id, source)
       VALUES ($1, $2, $3, $1, $4, 'SELF') RETURNING id`,
      [a.tenantId, a.members.staff.membershipId, a.members.staff.organizationId, course.id],
    );
    await sql.query(
      `INSERT INTO quiz_attempts (tenant_id, enrolment_id, course_tenant_id, module_id, attempt_number, answers, correct_count, question_count, score_percent, passed)
       VALUES ($1, $2, $1, $3, 1, '{}', 1, 2, 50, true)`,
      [a.tenantId, enrolment.id, moduleId],
    );
    const replaced = dataOf(
      await c.trainer.request<{ setModuleQuiz: CourseResult }>(SET_QUIZ, {
        moduleId,
        input: {
          passMarkPercent: 60,
          maxAttempts: 2,
          questions: [
            { prompt: '当てはまるものをすべて選ぶ', kind: 'MULTIPLE_CHOICE', choices: ['同意', '記録', '口外'], correctChoices: [1, 0] },
            question('新しい問2'),
          ],
        },
      }),
    ).setModuleQuiz;
    expect(replaced.status).toBe('PUBLISHED');
    expect(replaced.modules[0].quiz).toMatchObject({
      passMarkPercent: 60,
      maxAttempts: 2,
      questions: [
        { position: 0, kind: 'MULTIPLE_CHOICE', choices: ['同意', '記録', '口外'], correctChoices: [0, 1] },
        { position: 1, prompt: '新しい問2', correctChoices: [1] },
      ],
    });
    expect(await countRows('quiz_questions', 'module_id = $1', [moduleId])).toBe(2);
    const attempts: Array<{ score_percent: number; passed: boolean }> = await sql.query(`SELECT score_percent, passed FROM quiz_attempts WHERE enrolment_id = $1`, [enrolment.id]);
    expect(attempts).toEqual([{ score_percent: 50, passed: true }]);
    expect((await readCourse(c.trainer, course.id)).modules[0].quiz?.questions.map((item) => item.correctChoices)).toEqual([[0, 1], [1]]);
    for (const key of ['staff', 'trainer2', 'netAdmin', 'adminB', 'trainerB']) {
      const seen = await readCourse(c[key], course.id);
      expect([key, seen.mayEdit, seen.modules[0].quiz?.questions.map((item) => item.correctChoices)]).toEqual([key, false, [null, null]]);
      expect(seen.modules[0].quiz?.questions[0].choices).toEqual(['同意', '記録', '口外']);
    }
    const removed = dataOf(await c.trainer.request<{ removeModuleQuiz: CourseResult }>(REMOVE_QUIZ, { moduleId })).removeModuleQuiz;
    expect(removed.modules[0].quiz).toBeNull();
    expect(await countRows('quiz_questions', 'module_id = $1', [moduleId])).toBe(0);
  });
});

describe('catalogue', () => {
  it('finds courses by Japanese keywords in the title, summary and module titles', async () => {
    const privacy = await buildCourse(c.trainer, '個人情報の取扱い', { input: { summary: '同意と第三者提供の基本を学びます。' } });
    const counselling = await buildCourse(c.trainer, '相談対応の基礎', {
      modules: [{ title: '傾聴の技法', materials: [{ title: '資料', url: 'https://example.jp/k' }] }],
    });
    const ids = async (keyword: string, client = c.staff) => (await listAllCourses(client, { keyword })).map((course) => course.id);
    expect(await ids('情報')).toEqual([privacy.id]);
    expect(await ids('第三者')).toEqual([privacy.id]);
    expect(await ids('傾聴')).toEqual([counselling.id]);
    expect(await ids('相談　基礎')).toEqual([counselling.id]);
    expect(await ids('相談 情報')).toEqual([]);
    expect(await ids('取扱')).toEqual([privacy.id]);
    // Module titles are searched as they change.
    await c.trainer.request(UPDATE_MODULE, { id: counselling.modules[0].id, input: { title: 'アセスメントの進め方' } });
    expect(await ids('傾聴')).toEqual([]);
    expect(await ids('あせすめんと')).toEqual([counselling.id]);
    // The keyword does not widen what a member may see.
    expect(await ids('情報', c.adminB)).toEqual([]);
  });

  it('pages newest published first with stable keyset cursors, while courses keep being published', async () => {
    const tag = 'ページ送り検証';
    const made: string[] = [];
    for (let index = 0; index < 7; index++) made.push((await buildCourse(c.trainer, `${tag} ${index}`)).id);
    let pages = 0;
    const seen = await allPages(async (after) => {
      const page = dataOf(await c.staff.request<{ courses: Page<CourseResult> }>(COURSES_QUERY, { input: { keyword: tag }, first: 3, after })).courses;
      pages += 1;
      // A course published between pages belongs before the first page and never shows up later.
      if (pages === 1) made.push((await buildCourse(c.trainer, `${tag} 途中`)).id);
      return page;
    });
    expect(pages).toBe(3);
    expect(seen.map((course) => course.id)).toEqual(made.slice(0, 7).reverse());
    const publishedAt = seen.map((course) => Date.parse(course.publishedAt ?? ''));
    expect([...publishedAt].sort((x, y) => y - x)).toEqual(publishedAt);
    const everything = await listAllCourses(c.staff, { keyword: tag }, 2);
    expect(everything.map((course) => course.id)).toEqual([...made].reverse());
  });

  it('lists my organisation’s courses in every status with mine, and filters by status', async () => {
    const draft = await buildCourse(c.trainer, '一覧：下書き', { publish: false });
    const published = await buildCourse(c.trainer, '一覧：公開');
    const other = await buildCourse(c.trainer2, '一覧：他団体');
    const mine = (await listAllCourses(c.trainer, { mine: true })).map((course) => course.id);
    expect(mine).toEqual(expect.arrayContaining([draft.id, published.id]));
    expect(mine).not.toContain(other.id);
    const drafts = (await listAllCourses(c.trainer, { mine: true, status: 'DRAFT' })).map((course) => course.id);
    expect(drafts).toContain(draft.id);
    expect(drafts).not.toContain(published.id);
    // Staff of the same organisation see its published courses under mine, never its drafts.
    const staffMine = (await listAllCourses(c.swcStaff, { mine: true })).map((course) => course.id);
    expect(staffMine).toContain(published.id);
    expect(staffMine).not.toContain(draft.id);
  });
});

describe('reading cost', () => {
  it('reads a course with its whole tree in the same number of statements whatever its number of modules', async () => {
    const module = (index: number) => ({
      title: `単元${index}`,
      materials: [
        { title: `資料${index}-1`, url: `https://example.jp/${index}/1` },
        { title: `資料${index}-2`, url: `https://example.jp/${index}/2` },
      ],
      quiz: { passMarkPercent: 50, questions: [singleChoice(`問${index}-1`), singleChoice(`問${index}-2`)] },
    });
    const small = await buildCourse(c.trainer, '文数：小', { modules: [module(1)] });
    const large = await buildCourse(c.trainer, '文数：大', { modules: Array.from({ length: 8 }, (_, index) => module(index)) });
    const foreignReader = await buildCourse(c.trainer, '文数：公開', { input: { visibility: 'PUBLIC' }, modules: Array.from({ length: 5 }, (_, index) => module(index)) });

    // In process (startApi), every statement the API sends goes through PostgresQueryRunner.query.
    const spy = await t.statementSpy();
    const run = async (client: SignedInClient, id: string) => {
      spy.mockClear();
      const course = await readCourse(client, id);
      return { course, statements: spy.mock.calls.map((call) => String(call[0])) };
    };
    try {
      const one = await run(c.staff, small.id);
      const eight = await run(c.staff, large.id);
      expect(one.course.modules).toHaveLength(1);
      expect(eight.course.modules).toHaveLength(8);
      expect(eight.course.modules.flatMap((item) => item.materials)).toHaveLength(16);
      expect(one.statements.length).toBeGreaterThan(0);
      expect(eight.statements.length).toBe(one.statements.length);
      expect(eight.statements.filter((statement) => /FROM course_modules WHERE/.test(statement))).toHaveLength(1);
      // The same from another network (the publisher named in its own network, once).
      const foreign = await run(c.adminB, foreignReader.id);
      const foreignSmall = await run(c.adminB, (await buildCourse(c.trainer, '文数：公開小', { input: { visibility: 'PUBLIC' }, modules: [module(1)] })).id);
      expect(foreign.course.modules).toHaveLength(5);
      expect(foreign.course.publisher.name).toBe('training-a swc');
      expect(foreign.statements.length).toBe(foreignSmall.statements.length);

      // The catalogue reads no module unless asked for them …
      spy.mockClear();
      await listAllCourses(c.staff);
      const listing = spy.mock.calls.map((call) => String(call[0]));
      expect(listing.filter((statement) => /FROM course_modules WHERE/.test(statement))).toHaveLength(0);
      // … and when asked, the trees of the whole page in one read.
      spy.mockClear();
      type Trees = { courses: { nodes: Array<{ id: string; modules: Array<{ id: string; materials: Array<{ id: string }> }> }> } };
      const trees = dataOf(
        await c.staff.request<Trees>(`query { courses(first: 20) { nodes { id modules { id materials { id } quiz { questions { id correctChoices } } } } } }`),
      ).courses.nodes;
      expect(trees.length).toBeGreaterThanOrEqual(4);
      expect(trees.find((course) => course.id === large.id)?.modules).toHaveLength(8);
      const treeStatements = spy.mock.calls.map((call) => String(call[0]));
      expect(treeStatements.filter((statement) => /FROM course_modules WHERE/.test(statement))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  }, 120_000);
});

describe('roles of network A in one table', () => {
  it('gives every member the same answer for a course published to the whole network: readable, not editable', async () => {
    const course = await buildCourse(c.trainer, '全員向け');
    for (const key of ALL_MEMBERS_A) {
      const seen = await readCourse(c[key], course.id);
      expect([key, seen.inAudience, seen.mayEdit]).toEqual([key, true, key === 'trainer']);
    }
  });
});

describe('the demo accounts', () => {
  const demo = setupDemoApiTest({ accounts: ['trainer', 'staff', 'coordinator', 'orgAdmin', 'admin', 'minato'] });
  const demoClients = demo.clients;

  it("lets the council's trainer author; staff read; the second network reads only the public course, without answers", async () => {
    for (const key of ['staff', 'coordinator', 'orgAdmin', 'admin', 'minato']) {
      expect([key, outcome(await demoClients[key].request(CREATE_COURSE, { input: courseInput('権限なし') }))]).toEqual([key, 'FORBIDDEN']);
    }
    const network = await buildCourse(demoClients.trainer, 'ネットワーク内：見守り活動の基本');
    const publicCourse = await buildCourse(demoClients.trainer, '公開：地域で支える相談支援', { input: { visibility: 'PUBLIC' } });
    expect(publicCourse.publisher).toMatchObject({ name: '中央区社会福祉協議会', networkName: '中央区つながりネットワーク' });
    for (const key of ['staff', 'coordinator', 'orgAdmin', 'admin']) {
      const seen = await readCourse(demoClients[key], network.id);
      expect([key, seen.inAudience, seen.mayEdit, seen.modules[0].quiz?.questions[0].correctChoices]).toEqual([key, true, false, null]);
      expect(outcome(await demoClients[key].request(UPDATE_COURSE, { id: network.id, input: courseInput('書き換え') }))).toBe('FORBIDDEN');
    }
    expect(outcome(await demoClients.minato.request(COURSE_QUERY, { id: network.id }))).toBe('NOT_FOUND');
    const fromMinato = await readCourse(demoClients.minato, publicCourse.id);
    expect(fromMinato).toMatchObject({
      mayEdit: false,
      inAudience: true,
      publisher: { name: '中央区社会福祉協議会', networkName: '中央区つながりネットワーク' },
    });
    expect(fromMinato.modules[0].quiz?.questions[0].correctChoices).toBeNull();
    const catalogue = (await listAllCourses(demoClients.minato)).map((course) => course.id);
    expect(catalogue).toContain(publicCourse.id);
    expect(catalogue).not.toContain(network.id);
  });
});
