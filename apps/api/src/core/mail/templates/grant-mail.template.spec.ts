import type { GrantReminderMail, GrantSavedSearchMail } from './mail-template';
import { renderMail } from './render-mail';

const reminder: GrantReminderMail = {
  kind: 'grant-reminder',
  daysBefore: 7,
  title: '地域の<居場所>づくり助成',
  funderName: 'テスト財団',
  // 08:59 UTC is 17:59 in Tokyo.
  closesAt: new Date('2025-12-01T08:59:00Z'),
  grantUrl: 'https://tsunagu.example.jp/grants/0b7c3f5e-2d1a-4c6b-9e8f-1a2b3c4d5e6f',
};

describe('renderMail: grant-reminder', () => {
  it('tells the title, funder, closing time in Japan time and the link, in Japanese and English', () => {
    const ja = renderMail(reminder, 'ja');
    expect(ja.subject).toBe('【つなぐ】締切7日前：「地域の<居場所>づくり助成」');
    expect(ja.text).toContain('名称: 地域の<居場所>づくり助成\n実施主体: テスト財団\n締切: 2025年12月1日(月) 17:59');
    expect(ja.text).toContain(reminder.grantUrl);
    expect(ja.html).toContain('&lt;居場所&gt;');
    expect(ja.html).not.toContain('<居場所>');
    const en = renderMail({ ...reminder, daysBefore: 1 }, 'en');
    expect(en.subject).toBe('Closing tomorrow: 地域の<居場所>づくり助成 (Tsunagu)');
    expect(en.text).toContain('Closes: Monday, 1 December 2025, 17:59 (Japan time)');
    expect(en.html).toContain('<html lang="en">');
    expect(renderMail({ ...reminder, daysBefore: 1 }, 'ja').subject).toContain('締切1日前');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => renderMail({ ...reminder, grantUrl: 'javascript:alert(1)' }, 'ja')).toThrow('http(s)');
  });
});

describe('renderMail: grant-saved-search', () => {
  const digest: GrantSavedSearchMail = {
    kind: 'grant-saved-search',
    searches: [
      {
        name: '子ども 居場所',
        grants: [
          { title: '子ども食堂助成', funderName: 'A財団', closesAt: new Date('2025-12-01T08:59:00Z'), grantUrl: 'https://tsunagu.example.jp/grants/1' },
          { title: '随時募集の助成', funderName: 'B市', closesAt: null, grantUrl: 'https://tsunagu.example.jp/grants/2' },
        ],
      },
      { name: '住まい', grants: [{ title: '住まい支援', funderName: 'C県', closesAt: new Date('2026-01-05T03:00:00Z'), grantUrl: 'https://tsunagu.example.jp/grants/3' }] },
    ],
    savedSearchesUrl: 'https://tsunagu.example.jp/grants/saved',
  };

  it('lists every new match under its search with funder, closing time and link', () => {
    const ja = renderMail(digest, 'ja');
    expect(ja.subject).toBe('【つなぐ】検索条件に合う新しい助成金情報（3件）');
    expect(ja.text).toContain('■ 検索条件「子ども 居場所」');
    expect(ja.text).toContain('1. 子ども食堂助成\n実施主体: A財団\n締切: 2025年12月1日(月) 17:59');
    expect(ja.text).toContain('2. 随時募集の助成\n実施主体: B市\n締切: 定めなし');
    expect(ja.text).toContain('1. 住まい支援\n実施主体: C県\n締切: 2026年1月5日(月) 12:00');
    for (const url of ['https://tsunagu.example.jp/grants/1', 'https://tsunagu.example.jp/grants/2', 'https://tsunagu.example.jp/grants/3']) {
      expect(ja.text).toContain(url);
    }
    const en = renderMail(digest, 'en');
    expect(en.subject).toBe('New grants for your saved searches: 3 (Tsunagu)');
    expect(en.text).toContain('■ Saved search "住まい"');
    expect(en.text).toContain('Closes: no closing date');
    expect(renderMail({ ...digest, searches: [digest.searches[1]] }, 'en').text).toContain('1 new grant matches your saved searches.');
  });
});
