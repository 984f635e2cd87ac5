import { z } from 'zod';
import { checkInput, inputProblems, isoDate, localizedMessage, MALFORMED_VALUE, optionalText, problemsIn, requiredText, say } from './kit';

const name = say('名前を1〜5文字で入力してください。', 'Enter a name of 1 to 5 characters.');
const note = say('メモは3文字以内です。', 'Keep the note within 3 characters.');
const day = say('日付が正しくありません。', 'Not a valid date.');
const schema = z.object({ name: requiredText(1, 5, name), note: optionalText(3, note), day: isoDate(day), tags: z.array(z.string().min(1, name)) });

describe('validation kit', () => {
  it('normalises a valid input: trimmed text, blank optional text as null', () => {
    expect(checkInput(schema, { name: ' 太郎 ', note: '  ', day: '2026-02-28', tags: ['a'] })).toEqual({
      ok: true,
      value: { name: '太郎', note: null, day: '2026-02-28', tags: ['a'] },
    });
  });

  it('reports every faulty field at once, in both languages, keyed by the top-level field', () => {
    const checked = checkInput(schema, { name: '   ', note: 'long', day: '2026-02-30', tags: ['ok', ''] });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual({
      name: localizedMessage(name),
      note: localizedMessage(note),
      day: localizedMessage(day),
      tags: localizedMessage(name),
    });
    expect(problemsIn(checked.problems, 'en')['note']).toBe('Keep the note within 3 characters.');
    expect(problemsIn(checked.problems, 'ja')['name']).toBe('名前を1〜5文字で入力してください。');
  });

  it('answers a value of the wrong kind with the generic message, never zod English alone', () => {
    const checked = checkInput(schema, { name: 7, note: null, day: '2026-01-01', tags: [] });
    expect(checked).toEqual({ ok: false, problems: { name: MALFORMED_VALUE } });
  });

  it('takes only real calendar days written YYYY-MM-DD as dates', () => {
    const date = isoDate(day);
    expect(['2026-02-28', '2028-02-29', '2026-12-31'].map((value) => date.safeParse(value).success)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-02-30', '2026-13-01', '2026-4-1', '2026/04/01', ''].map((value) => date.safeParse(value).success)).toEqual([false, false, false, false, false, false]);
  });

  it('lists an input’s problems alone, none for a valid input', () => {
    expect(inputProblems(schema, { name: '太郎', day: '2026-01-01', tags: [] })).toEqual({});
    expect(inputProblems(schema, { name: '', day: '2026-01-01', tags: [] })).toEqual({ name: localizedMessage(name) });
  });
});
