import { checkInput, inputProblems, localizedMessage } from './kit';
import { SERVICE_MESSAGES, serviceInputSchema } from './services';

const valid = {
  name: ' 相談窓口 ',
  nameKana: '  ',
  description: ' 説明 ',
  categories: ['HOUSING', 'HOUSING'],
  targetGroups: [],
  eligibility: null,
  ageMin: null,
  ageMax: 64,
  nationwide: false,
  areaCodes: [' 131024 ', '13102'],
  languages: ['ja', 'en', 'ja'],
  open24h: false,
  openingHours: [{ day: 'MO', opens: '09:00', closes: '17:00' }],
  channels: [{ kind: 'PHONE', value: ' 03-0000-0000 ', note: ' ', public: true }],
  fee: 'FREE',
  feeNote: '',
  capacity: 'ACCEPTING',
  waitlistNote: 'not used',
  waitlistExpectedOn: '2026-01-31',
  acceptsReferrals: true,
  lastReviewedOn: ' 2026-02-28 ',
};

const problems = (change: Record<string, unknown>) => inputProblems(serviceInputSchema, { ...valid, ...change });

describe('service input', () => {
  it('normalises a valid service', () => {
    expect(checkInput(serviceInputSchema, valid)).toEqual({
      ok: true,
      value: {
        ...valid,
        name: '相談窓口',
        nameKana: null,
        description: '説明',
        categories: ['HOUSING'],
        areaCodes: ['13102'],
        languages: ['ja', 'en'],
        channels: [{ kind: 'PHONE', value: '03-0000-0000', note: null, public: true }],
        feeNote: null,
        waitlistNote: null,
        waitlistExpectedOn: null,
        lastReviewedOn: '2026-02-28',
      },
    });
  });

  it('drops what the switches make irrelevant', () => {
    const checked = checkInput(serviceInputSchema, { ...valid, nationwide: true, areaCodes: [], open24h: true, capacity: 'WAITLIST', waitlistNote: ' soon ' });
    expect(checked.ok && checked.value).toMatchObject({ areaCodes: [], openingHours: [], waitlistNote: 'soon', waitlistExpectedOn: '2026-01-31' });
  });

  it.each([
    ['name', { name: '  ' }, SERVICE_MESSAGES.name],
    ['name', { name: 'x'.repeat(201) }, SERVICE_MESSAGES.name],
    ['description', { description: 'x'.repeat(8001) }, SERVICE_MESSAGES.description],
    ['categories', { categories: [] }, SERVICE_MESSAGES.categories],
    ['categories', { categories: ['NOPE'] }, SERVICE_MESSAGES.categories],
    ['targetGroups', { targetGroups: ['NOPE'] }, SERVICE_MESSAGES.targetGroups],
    ['languages', { languages: [] }, SERVICE_MESSAGES.languages],
    ['languages', { languages: ['ja', 'xx'] }, SERVICE_MESSAGES.languages],
    ['ageMin', { ageMin: 131 }, SERVICE_MESSAGES.ages],
    ['ageMin', { ageMax: -1 }, SERVICE_MESSAGES.ages],
    ['ageMin', { ageMin: 70, ageMax: 64 }, SERVICE_MESSAGES.ages],
    ['areaCodes', { areaCodes: ['99999'] }, SERVICE_MESSAGES.areaCodes],
    ['areaCodes', { areaCodes: [] }, SERVICE_MESSAGES.noArea],
    ['openingHours', { openingHours: [{ day: 'MO', opens: '17:00', closes: '09:00' }] }, SERVICE_MESSAGES.openingHours],
    ['openingHours', { openingHours: [{ day: 'XX', opens: '09:00', closes: '17:00' }] }, SERVICE_MESSAGES.openingHours],
    ['channels', { channels: [{ kind: 'PHONE', value: ' ', public: true }] }, SERVICE_MESSAGES.channels],
    ['channels', { channels: [{ kind: 'PIGEON', value: 'x', public: true }] }, SERVICE_MESSAGES.channels],
    ['fee', { fee: 'CHEAP' }, SERVICE_MESSAGES.fee],
    ['capacity', { capacity: 'FULL' }, SERVICE_MESSAGES.capacity],
    ['waitlistExpectedOn', { waitlistExpectedOn: '31/01/2026' }, SERVICE_MESSAGES.date],
    ['lastReviewedOn', { lastReviewedOn: '2026-02-30' }, SERVICE_MESSAGES.date],
  ])('reports %s (case %#)', (field, change, message) => {
    expect(problems(change)).toEqual({ [field]: localizedMessage(message) });
  });

  it('says each problem in both languages', () => {
    expect(problems({ name: '', categories: [] })).toEqual({
      name: { ja: 'サービス名を1〜200文字で入力してください。', en: 'Enter a service name of 1 to 200 characters.' },
      categories: { ja: '分野を1つ以上選んでください。', en: 'Choose at least one category.' },
    });
  });
});
