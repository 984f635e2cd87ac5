import { checkInput, inputProblems } from './kit';
import { trainingSessionInputSchema } from './training-sessions';

const valid = {
  title: '  相談対応の基礎 研修会 ',
  description: null,
  courseId: ' ',
  startsAt: '2030-04-01T01:00:00.000Z',
  endsAt: new Date('2030-04-01T03:00:00Z'),
  place: ' 会議室A ',
  onlineUrl: '',
  capacity: 20,
};

const problems = (change: object) => inputProblems(trainingSessionInputSchema, { ...valid, ...change });

describe('trainingSessionInputSchema', () => {
  it('trims text, turns blanks into null and times into Dates', () => {
    expect(checkInput(trainingSessionInputSchema, valid)).toEqual({
      ok: true,
      value: {
        title: '相談対応の基礎 研修会',
        description: '',
        courseId: null,
        startsAt: new Date('2030-04-01T01:00:00Z'),
        endsAt: new Date('2030-04-01T03:00:00Z'),
        place: '会議室A',
        onlineUrl: null,
        capacity: 20,
      },
    });
  });

  it('names every faulty field at once, in both languages', () => {
    expect(problems({ title: ' ', description: 'x'.repeat(4001), startsAt: null, endsAt: '', place: null, onlineUrl: 'ftp://example.jp', capacity: 2.5 })).toEqual({
      title: { ja: '研修会名は1〜200文字で入力してください。', en: 'Enter a title of 1 to 200 characters.' },
      description: { ja: '説明は4000文字以内で入力してください。', en: 'Keep the description to 4,000 characters.' },
      startsAt: { ja: '開始日時を入力してください。', en: 'Enter when the session starts.' },
      endsAt: { ja: '終了日時を入力してください。', en: 'Enter when the session ends.' },
      onlineUrl: { ja: 'オンライン参加のURLは http:// か https:// で始まるURLを入力してください。', en: 'Enter an online link starting with http:// or https://.' },
      capacity: { ja: '定員は1〜10000人で入力してください。', en: 'Enter a capacity of 1 to 10,000.' },
    });
  });

  it('needs the end after the start, and a place or an online link', () => {
    expect(problems({ endsAt: valid.startsAt })).toEqual({ endsAt: { ja: '終了日時は開始日時より後にしてください。', en: 'The session must end after it starts.' } });
    expect(problems({ place: '  ', onlineUrl: null })).toEqual({
      place: { ja: '会場かオンライン参加のURLのどちらかを入力してください。', en: 'Enter a place or an online link (or both).' },
    });
    expect(problems({ place: 'x'.repeat(301) })).toEqual({ place: { ja: '会場は300文字以内で入力してください。', en: 'Keep the place to 300 characters.' } });
    expect(checkInput(trainingSessionInputSchema, { ...valid, place: null, onlineUrl: 'https://meet.example.jp/a' }).ok).toBe(true);
  });
});
