// The access rules of files without a database: every purpose of file-purposes.ts gets its rule
// from the feature owning its records (the providers the API registers at start), and a purpose
// without a rule is refused rather than opened.
import type { EntityManager } from 'typeorm';
import { GrantFileAccess } from '../../modules/grants/grant-file-access';
import { PartnershipDocumentsAccess } from '../../modules/partnerships/partnership-documents-access';
import { CourseFileAccess } from '../../modules/training/courses/course-file-access';
import type { RequestActor } from '../auth/actor';
import { FileAccessRules, uploadedByOwnOrganization } from './file-access';
import { FILE_PURPOSES, FilePurposeKey } from './file-purposes';
import type { FilesService } from './files.service';

const actor = { tenantId: 't1', organizationId: 'o1', membershipId: 'm1', userId: 'u1', roles: ['STAFF'] } as unknown as RequestActor;
const manager = {} as EntityManager;
const file = (purpose: string) => ({ id: 'f1', tenantId: 't1', organizationId: 'o1', purpose });

/** The registry the features fill at start, without Nest: each access provider's onModuleInit. */
function registeredByFeatures(): FileAccessRules {
  const rules = new FileAccessRules();
  const files = { registerAccessRule: (purpose: FilePurposeKey, rule: never) => rules.register(purpose, rule) } as unknown as FilesService;
  for (const provider of [new GrantFileAccess(files), new CourseFileAccess(files), new PartnershipDocumentsAccess(files)]) provider.onModuleInit();
  return rules;
}

describe('file access rules', () => {
  it('give every purpose in file-purposes.ts a rule, from the feature that owns its records', () => {
    const rules = registeredByFeatures();
    expect(rules.missing()).toEqual([]);
    expect(() => rules.assertComplete()).not.toThrow();
    expect(Object.keys(FILE_PURPOSES).length).toBeGreaterThanOrEqual(4);
  });

  it('refuse a purpose without a rule, and an unknown purpose, instead of opening the file', async () => {
    const rules = new FileAccessRules();
    rules.register('GRANT_ATTACHMENT', async () => true);
    expect(await rules.mayRead(manager, actor, file('GRANT_ATTACHMENT'))).toBe(true);
    expect(await rules.mayRead(manager, actor, file('COURSE_COVER'))).toBe(false);
    expect(await rules.mayRead(manager, actor, file('SOMETHING_NEW'))).toBe(false);
    expect(rules.missing()).toEqual(expect.arrayContaining(['COURSE_COVER', 'TRAINING_MATERIAL', 'PARTNERSHIP_DOCUMENT']));
    expect(() => rules.assertComplete()).toThrow(/COURSE_COVER/);
  });

  it('take one rule per purpose', () => {
    const rules = new FileAccessRules();
    rules.register('COURSE_COVER', async () => true);
    expect(() => rules.register('COURSE_COVER', async () => true)).toThrow(/already/);
    expect(() => rules.register('NOT_A_PURPOSE' as FilePurposeKey, async () => true)).toThrow(/Not a file purpose/);
  });

  it('leave a file nobody attached to its uploader’s organisation, in its network', () => {
    expect(uploadedByOwnOrganization(actor, file('GRANT_ATTACHMENT'))).toBe(true);
    expect(uploadedByOwnOrganization({ tenantId: 't1', organizationId: 'o2' }, file('GRANT_ATTACHMENT'))).toBe(false);
    expect(uploadedByOwnOrganization({ tenantId: 't2', organizationId: 'o1' }, file('GRANT_ATTACHMENT'))).toBe(false);
  });
});
