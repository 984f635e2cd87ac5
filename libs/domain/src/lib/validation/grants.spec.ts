import { checkInput, inputProblems } from './kit';
import { grantApplicationInputSchema, grantInputSchema } from './grants';

const valid = {
  title: ' 居場所づくり助成 ',
  funderName: 'テスト財団',
  funderKind: 'FOUNDATION',
  summary: '  概要  ',
  detailsHtml: '<p>詳細</p>',
  grantType: 'GRANT',
  amountMin: 100000,
  amountMax: 500000,
  amountUnlimited: false,
  subsidyRatePercent: 0.29,
  windowOpensAt: '2027-04-01T00:00:00.000Z',
  windowClosesAt: new Date('2027-05-01T00:00:00.000Z'),
  projectStartsOn: ' 2027-06-01 ',
  projectEndsOn: '',
  eligibleKinds: ['NPO', 'NPO'],
  legalForms: [],
  nationwide: false,
  regionCodes: ['131024', '13102', '13000'],
  themes: ['IBASHO'],
  applicationUrl: '  ',
  contact: ' 電話 03-0000-0000 ',
  visibility: 'NETWORK',
};

const problems = (change: object) => inputProblems(grantInputSchema, { ...valid, ...change });

describe('grantInputSchema', () => {
  it('normalises a valid listing: trimmed, blanks as null, codes de-duplicated and normalised, times as Dates', () => {
    const checked = checkInput(grantInputSchema, valid);
    expect(checked).toEqual({
      ok: true,
      value: {
        ...valid,
        title: '居場所づくり助成',
        summary: '概要',
        windowOpensAt: new Date('2027-04-01T00:00:00.000Z'),
        projectStartsOn: '2027-06-01',
        projectEndsOn: null,
        eligibleKinds: ['NPO'],
        regionCodes: ['13102', '13000'],
        applicationUrl: null,
        contact: '電話 03-0000-0000',
      },
    });
  });

  it('drops the maximum without an upper limit and the regions of a nationwide grant', () => {
    const checked = checkInput(grantInputSchema, { ...valid, amountUnlimited: true, amountMax: null, nationwide: true, regionCodes: ['13102'] });
    expect(checked.ok && checked.value).toMatchObject({ amountMax: null, regionCodes: [] });
  });

  it('names every faulty field at once, in both languages', () => {
    expect(problems({ title: '', amountMin: 1.5, regionCodes: [], projectStartsOn: '2027-04-01', projectEndsOn: '2027-03-31' })).toEqual({
      title: { ja: '名称を1〜200文字で入力してください。', en: 'Enter a title of 1 to 200 characters.' },
      amountMin: { ja: '金額は0以上の整数（円）で入力してください。', en: 'Give amounts as whole yen, 0 or more.' },
      projectEndsOn: { ja: '事業期間の終了は開始以降にしてください。', en: 'The project must not end before it starts.' },
      regionCodes: { ja: '対象地域を選ぶか、全国を対象にしてください。', en: 'Choose the regions covered, or mark the grant nationwide.' },
    });
  });

  it.each([
    [{ funderName: ' ' }, 'funderName', '実施団体（助成元）の名称を1〜200文字で入力してください。', "Enter the funder's name (1 to 200 characters)."],
    [{ funderKind: 'BANK' }, 'funderKind', '助成元の種別が正しくありません。', 'Unknown funder kind.'],
    [{ summary: 'x'.repeat(1001) }, 'summary', '概要は1000文字以内にしてください。', 'Keep the summary within 1,000 characters.'],
    [{ detailsHtml: 'x'.repeat(50001) }, 'detailsHtml', '詳細は50000文字以内にしてください。', 'Keep the details within 50,000 characters.'],
    [{ grantType: 'LOAN' }, 'grantType', '種類が正しくありません。', 'Unknown grant type.'],
    [{ amountMax: -1 }, 'amountMax', '金額は0以上の整数（円）で入力してください。', 'Give amounts as whole yen, 0 or more.'],
    [{ amountUnlimited: true }, 'amountMax', '上限なしの場合は上限額を空にしてください。', 'Leave the maximum empty when there is no upper limit.'],
    [{ amountMin: 600000 }, 'amountMax', '上限額は下限額以上にしてください。', 'The maximum must not be below the minimum.'],
    [{ subsidyRatePercent: 0.123 }, 'subsidyRatePercent', '補助率は0より大きく100以下（小数第2位まで）で入力してください。', 'Give the subsidy rate as more than 0 and at most 100 (two decimals).'],
    [{ subsidyRatePercent: 0 }, 'subsidyRatePercent', '補助率は0より大きく100以下（小数第2位まで）で入力してください。', 'Give the subsidy rate as more than 0 and at most 100 (two decimals).'],
    [{ windowOpensAt: 'soon' }, 'windowOpensAt', '日時が正しくありません。', 'Not a valid date and time.'],
    [{ windowClosesAt: '2027-03-01T00:00:00.000Z' }, 'windowClosesAt', '募集の締切は開始より後にしてください。', 'The application window must close after it opens.'],
    [{ projectStartsOn: '2027/06/01' }, 'projectStartsOn', '日付は YYYY-MM-DD の形で入力してください。', 'Give the date as YYYY-MM-DD.'],
    [{ eligibleKinds: ['CLUB'] }, 'eligibleKinds', '対象団体の種別が正しくありません。', 'Unknown organisation kind.'],
    [{ legalForms: ['TRUST'] }, 'legalForms', '法人格の値が正しくありません。', 'Unknown legal form.'],
    [{ themes: ['NOPE'] }, 'themes', '分野の値が正しくありません。', 'Unknown theme.'],
    [
      { regionCodes: ['99999'] },
      'regionCodes',
      '対象地域は地方公共団体コード（5桁、例：13102、都道府県は13000）で入力してください。',
      'Give regions as 5-digit local government codes, e.g. 13102 (a prefecture: 13000).',
    ],
    [
      { applicationUrl: 'ftp://example.jp' },
      'applicationUrl',
      '申請先のURLは http:// または https:// で始まる500文字以内で入力してください。',
      'Give an http:// or https:// address of at most 500 characters.',
    ],
    [{ contact: 'x'.repeat(501) }, 'contact', '問い合わせ先は500文字以内にしてください。', 'Keep the contact within 500 characters.'],
    [{ visibility: 'SECRET' }, 'visibility', '公開範囲が正しくありません。', 'Unknown visibility.'],
  ])('%o is refused on %s', (input, field, ja, en) => {
    expect(problems(input)[field]).toEqual({ ja, en });
  });
});

describe('grantApplicationInputSchema', () => {
  const application = (overrides: Record<string, unknown> = {}) => ({ grantId: 'g', status: 'APPLIED', amountRequested: 100000, amountAwarded: null, notes: '  メモ ', ...overrides });

  it('trims the notes and keeps the amounts', () => {
    expect(checkInput(grantApplicationInputSchema, application())).toEqual({
      ok: true,
      value: { grantId: 'g', status: 'APPLIED', amountRequested: 100000, amountAwarded: null, notes: 'メモ' },
    });
  });

  it('refuses a requested amount with a fraction of a yen', () => {
    expect(checkInput(grantApplicationInputSchema, application({ amountRequested: 1000.5 }))).toEqual({
      ok: false,
      problems: { amountRequested: { ja: '金額は0以上の整数（円）で入力してください。', en: 'Give amounts as whole yen, 0 or more.' } },
    });
  });

  it('takes an awarded amount only with AWARDED, and whole yen only', () => {
    expect(checkInput(grantApplicationInputSchema, application({ amountAwarded: 5 }))).toEqual({
      ok: false,
      problems: { amountAwarded: { ja: '採択額は「採択」のときだけ入力できます。', en: 'An awarded amount goes only with AWARDED.' } },
    });
    expect(checkInput(grantApplicationInputSchema, application({ status: 'AWARDED', amountAwarded: -1, amountRequested: 1.5 }))).toEqual({
      ok: false,
      problems: {
        amountRequested: { ja: '金額は0以上の整数（円）で入力してください。', en: 'Give amounts as whole yen, 0 or more.' },
        amountAwarded: { ja: '金額は0以上の整数（円）で入力してください。', en: 'Give amounts as whole yen, 0 or more.' },
      },
    });
  });
});
