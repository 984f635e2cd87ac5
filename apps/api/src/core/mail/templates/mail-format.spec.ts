import { factLines } from './mail-format';

describe('factLines', () => {
  const facts = [
    [{ ja: '研修', en: 'Course' }, '入門'],
    [{ ja: '受講期限', en: 'Due' }, null],
    [{ ja: '場所', en: 'Where' }, '会議室A'],
  ] as const;

  it('writes one "label: value" line per fact in the mail language, leaving out facts without a value', () => {
    expect(factLines('ja', facts)).toBe('研修: 入門\n場所: 会議室A');
    expect(factLines('en', facts)).toBe('Course: 入門\nWhere: 会議室A');
  });
});
