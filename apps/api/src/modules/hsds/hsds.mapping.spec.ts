// The HSDS mapping without a database: a service survives export → import field for field, other
// systems' HSDS gets sensible defaults, and a document over 5 MB is refused before anything else.
import type { DataSource } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { AppError } from '../../core/graphql/app-error';
import type { Service } from '../directory/service.model';
import { validateServiceFields } from '../directory/service-fields';
import { mergeProblems, validateHsdsRecords } from './hsds-schema';
import { ImportProblem, readService, stableUuid, toHsdsService } from './hsds.mapping';
import { HsdsService, MAX_HSDS_DOCUMENT_BYTES } from './hsds.service';

const service: Service = {
  id: '5f0c3c39-3a55-4a3e-9d0e-6f2f4d1c8a01',
  organization: { id: '0a6f1c1e-86e4-4c65-8f0e-7d86c2b4e702', name: 'NPO法人こもれび', nameKana: 'コモレビ' },
  name: '居場所カフェ',
  nameKana: 'イバショカフェ',
  description: '週末の居場所です。',
  categories: ['IBASHO', 'CHILDREN_YOUTH'],
  targetGroups: ['YOUTH'],
  eligibility: '15〜39歳',
  ageMin: 15,
  ageMax: 39,
  nationwide: false,
  areaCodes: ['13102', '13103'],
  languages: ['ja', 'ja-simple'],
  open24h: false,
  openingHours: [
    { day: 'SA', opens: '10:00', closes: '15:00' },
    { day: 'SU', opens: '10:00', closes: '15:00' },
  ],
  channels: [
    { kind: 'PHONE', value: '03-0000-9999', note: '関係機関専用', public: false },
    { kind: 'VISIT', value: '月島2-2', note: null, public: true },
  ],
  fee: 'PAID',
  feeNote: '飲み物代 100円',
  capacity: 'WAITLIST',
  waitlistNote: '定員に達しています',
  waitlistExpectedOn: '2027-01-15',
  acceptsReferrals: false,
  lastReviewedOn: '2026-10-01',
  updatedAt: new Date(),
};

describe('HSDS mapping', () => {
  it('round-trips every field of a service through the partners export', () => {
    const problems: ImportProblem[] = [];
    const record = toHsdsService(service, 'PARTNERS');
    expect(validateHsdsRecords([], [record])).toEqual([]);
    const imported = readService(record, '$.services[0]', problems);
    expect(problems).toEqual([]);
    expect(imported.organizationId).toBe(service.organization.id);
    const { id: _id, organization: _organization, updatedAt: _updatedAt, ...fields } = service;
    expect(validateServiceFields(imported.fields)).toEqual(fields);
  });

  it('leaves a channel that is not public out of the public export: no phone, no channel attribute', () => {
    const record = toHsdsService(service);
    expect(JSON.stringify(record)).not.toContain('03-0000-9999');
    expect(JSON.stringify(record)).not.toContain('関係機関専用');
    expect(record['phones']).toEqual([]);
    const imported = readService(record, '$.services[0]', []);
    expect(imported.fields.channels).toEqual([{ kind: 'VISIT', value: '月島2-2', note: null, public: true }]);
  });

  it('writes open 24 hours as a 00:00–23:59 schedule on each day, and nationwide as one area', () => {
    const record = toHsdsService({ ...service, open24h: true, openingHours: [], nationwide: true, areaCodes: [] }) as {
      schedules: Array<{ byday: string; opens_at: string; closes_at: string }>;
      service_areas: Array<{ name: string }>;
    };
    expect(record.schedules.map((schedule) => `${schedule.byday} ${schedule.opens_at}-${schedule.closes_at}`)).toEqual(
      ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].map((day) => `${day} 00:00-23:59`),
    );
    expect(record.service_areas.map((area) => area.name)).toEqual(['全国']);
  });

  it('reads plain HSDS from other systems with defaults', () => {
    const problems: ImportProblem[] = [];
    const imported = readService(
      {
        id: stableUuid('other'),
        organization_id: stableUuid('other organisation'),
        name: 'Food bank',
        status: 'active',
        phones: [{ id: stableUuid('phone'), number: '03-1234-5678' }],
        schedules: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].map((day) => ({ id: stableUuid(day), byday: day, opens_at: '00:00', closes_at: '23:59' })),
        service_areas: [{ id: stableUuid('area'), name: '13102' }],
        languages: [{ id: stableUuid('language'), code: 'en' }],
      },
      '$.services[0]',
      problems,
    );
    expect(problems).toEqual([]);
    expect(imported.fields).toMatchObject({
      open24h: true,
      openingHours: [],
      channels: [{ kind: 'PHONE', value: '03-1234-5678', note: null, public: true }],
      fee: 'FREE',
      capacity: 'ACCEPTING',
      acceptsReferrals: true,
      areaCodes: ['13102'],
      languages: ['en'],
    });
  });

  it('makes stable version 5 style UUIDs', () => {
    expect(stableUuid('a', 'b')).toBe(stableUuid('a', 'b'));
    expect(stableUuid('a', 'b')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('HSDS import problems', () => {
  it('reports a service without a name once, in our words', () => {
    const { name: _name, ...record } = toHsdsService(service);
    const schemaProblems = validateHsdsRecords([], [record]);
    expect(schemaProblems.map((problem) => problem.path)).toEqual(['$.services[0].name']);
    const ruleProblems: ImportProblem[] = [];
    const imported = readService(record, '$.services[0]', ruleProblems);
    const nameRule = { path: '$.services[0].name', message: { ja: 'サービス名を1〜200文字で入力してください。', en: 'Enter a service name of 1 to 200 characters.' } };
    expect(() => validateServiceFields(imported.fields)).toThrow(AppError);
    expect(mergeProblems(schemaProblems, [...ruleProblems, nameRule])).toEqual([nameRule]);
  });

  it('keeps schema problems our rules do not cover, distinct rule problems at one path, and each problem once', () => {
    const at = (path: string, en: string) => ({ path, message: { ja: en, en } });
    expect(
      mergeProblems(
        [at('$.services[0].status', 'enum'), at('$.services[0].status', 'enum'), at('$.services[0].id', 'format')],
        [at('$.services[0].id', 'uuid'), at('$.services[0].attributes', 'categories'), at('$.services[0].attributes', 'fee'), at('$.services[0].attributes', 'fee')],
      ),
    ).toEqual([at('$.services[0].status', 'enum'), at('$.services[0].id', 'uuid'), at('$.services[0].attributes', 'categories'), at('$.services[0].attributes', 'fee')]);
  });
});

describe('HSDS import size limit', () => {
  it('refuses a document over 5 MB with BAD_USER_INPUT before reading it', async () => {
    const admin: RequestActor = {
      userId: stableUuid('user'),
      tenantId: stableUuid('tenant'),
      organizationId: stableUuid('organisation'),
      organizationKind: 'INTERMEDIARY',
      roles: ['NETWORK_ADMIN'],
      membershipId: stableUuid('membership'),
      sessionId: stableUuid('session'),
      email: 'admin@example.jp',
      displayName: 'admin',
      secondFactorEnrolmentRequired: false,
    };
    const hsds = new HsdsService({} as DataSource);
    const error = await hsds.import(admin, ' '.repeat(MAX_HSDS_DOCUMENT_BYTES + 1)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_USER_INPUT');
    expect((error as AppError).localized.en).toContain('5 MB');
  });
});
