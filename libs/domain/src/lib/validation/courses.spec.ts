import { checkInput } from './kit';
import { courseInputSchema, courseModuleInputSchema } from './courses';

describe('courseInputSchema', () => {
  it('trims, defaults and de-duplicates a valid course', () => {
    expect(
      checkInput(courseInputSchema, { title: '  相談対応の基礎 ', summary: null, audienceAll: false, audienceRoles: ['STAFF', 'STAFF'], audienceOrganizationIds: ['a', 'a'], visibility: 'NETWORK' }),
    ).toEqual({
      ok: true,
      value: { title: '相談対応の基礎', summary: '', estimatedMinutes: null, coverFileId: null, audienceAll: false, audienceRoles: ['STAFF'], audienceOrganizationIds: ['a'], visibility: 'NETWORK' },
    });
  });

  it('names every faulty field at once, in both languages', () => {
    const checked = checkInput(courseInputSchema, {
      title: ' ',
      summary: 'x'.repeat(2001),
      estimatedMinutes: 1.5,
      audienceAll: true,
      visibility: 'PUBLIC',
      audienceOrganizationIds: Array.from({ length: 501 }, (_, i) => String(i)),
    });
    expect(checked).toEqual({
      ok: false,
      problems: {
        title: { ja: '講座名を1〜200文字で入力してください。', en: 'Enter a title of 1 to 200 characters.' },
        summary: { ja: '概要は2000文字以内にしてください。', en: 'Keep the summary within 2,000 characters.' },
        estimatedMinutes: { ja: '所要時間は1〜10000分で入力してください。', en: 'Give the estimated time as 1 to 10,000 minutes.' },
        audienceOrganizationIds: { ja: '対象の団体は500団体までです。', en: 'Choose at most 500 organisations.' },
      },
    });
  });
});

describe('courseModuleInputSchema', () => {
  it('defaults a module to required with no description, and names its faulty fields', () => {
    expect(checkInput(courseModuleInputSchema, { title: ' 第1章 ' })).toEqual({ ok: true, value: { title: '第1章', description: '', required: true } });
    expect(checkInput(courseModuleInputSchema, { title: 'x'.repeat(201), description: 'x'.repeat(4001) })).toEqual({
      ok: false,
      problems: {
        title: { ja: '単元名を1〜200文字で入力してください。', en: 'Enter a module title of 1 to 200 characters.' },
        description: { ja: '説明は4000文字以内にしてください。', en: 'Keep the description within 4,000 characters.' },
      },
    });
  });
});
