import { checkInput } from './kit';
import { courseInputSchema, courseMaterialInputSchema, courseModuleInputSchema } from './courses';

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
        title: { ja: 'コース名を1〜200文字で入力してください。', en: 'Enter a course title of 1 to 200 characters.' },
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

describe('courseMaterialInputSchema', () => {
  it('takes a trimmed title and exactly one of a file and a link', () => {
    expect(checkInput(courseMaterialInputSchema, { title: ' 資料 ', url: ' https://example.jp/a ' })).toEqual({ ok: true, value: { title: '資料', fileId: null, url: 'https://example.jp/a' } });
    expect(checkInput(courseMaterialInputSchema, { title: '資料', fileId: 'f', url: ' ' })).toEqual({ ok: true, value: { title: '資料', fileId: 'f', url: null } });
  });

  it('names a faulty title and a missing, doubled or unusable source in both languages', () => {
    const needsOne = { ja: 'ファイルかURLのどちらか一方を指定してください。', en: 'Give either a file or a URL, not both and not neither.' };
    const badUrl = { ja: 'URLは http:// または https:// で始まる1000文字以内で入力してください。', en: 'Give an http:// or https:// address of at most 1,000 characters.' };
    expect(checkInput(courseMaterialInputSchema, { title: ' ' })).toEqual({
      ok: false,
      problems: { title: { ja: '教材名を1〜200文字で入力してください。', en: 'Enter a material title of 1 to 200 characters.' }, url: needsOne },
    });
    expect(checkInput(courseMaterialInputSchema, { title: '資料', fileId: 'f', url: 'https://example.jp' })).toEqual({ ok: false, problems: { url: needsOne } });
    expect(checkInput(courseMaterialInputSchema, { title: '資料', url: 'javascript:alert(1)' })).toEqual({ ok: false, problems: { url: badUrl } });
    expect(checkInput(courseMaterialInputSchema, { title: '資料', url: `https://example.jp/${'a'.repeat(1000)}` })).toEqual({ ok: false, problems: { url: badUrl } });
  });
});
