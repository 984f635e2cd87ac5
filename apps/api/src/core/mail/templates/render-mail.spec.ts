import { formatTokyoTime } from './mail-format';
import type { InvitationMail } from './mail-template';
import { renderMail } from './render-mail';

// 09:30 UTC is 18:30 in Tokyo, and 23:30 UTC already the next day there.
const EXPIRES = new Date('2025-12-01T09:30:00Z');

const invitation: InvitationMail = {
  kind: 'invitation',
  inviterName: '山田 花子',
  organizationName: 'NPO法人 <むすび> & "となり"',
  networkName: '中央区つながりネットワーク',
  acceptUrl: 'https://tsunagu.example.jp/invitations/accept?token=abc&lang=ja',
  expiresAt: EXPIRES,
};

describe('renderMail: invitation', () => {
  it('writes polite Japanese with the inviter, organisation, network, link and Tokyo expiry', () => {
    const mail = renderMail(invitation, 'ja');
    expect(mail.subject).toBe('【つなぐ】山田 花子さんから「NPO法人 <むすび> & "となり"」への招待が届いています');
    expect(mail.text).toContain('山田 花子さんから、中央区つながりネットワークの「NPO法人 <むすび> & "となり"」に参加するよう招待されました。');
    expect(mail.text).toContain('https://tsunagu.example.jp/invitations/accept?token=abc&lang=ja');
    expect(mail.text).toContain('このリンクは 2025年12月1日(月) 18:30 まで有効で、一度だけお使いいただけます。');
    expect(mail.text).toMatch(/してください。/);
  });

  it('writes English with the expiry in Japan time', () => {
    const mail = renderMail(invitation, 'en');
    expect(mail.subject).toBe('山田 花子 invited you to join NPO法人 <むすび> & "となり" on Tsunagu');
    expect(mail.text).toContain('The link works once and expires on Monday, 1 December 2025, 18:30 (Japan time).');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('escapes every interpolated value in the HTML part, links included', () => {
    const html = renderMail(
      { ...invitation, inviterName: '<script>alert(1)</script>', networkName: "O'Brien & co" },
      'ja',
    ).html;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<むすび>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('NPO法人 &lt;むすび&gt; &amp; &quot;となり&quot;');
    expect(html).toContain('O&#39;Brien &amp; co');
    expect(html).toContain('href="https://tsunagu.example.jp/invitations/accept?token=abc&amp;lang=ja"');
  });

  it('keeps names typed with line breaks on one line of the subject', () => {
    const mail = renderMail({ ...invitation, inviterName: '山田\r\nBcc: x@example.jp' }, 'en');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject.startsWith('山田 Bcc: x@example.jp invited you')).toBe(true);
  });

  it('refuses links that are not http(s)', () => {
    expect(() => renderMail({ ...invitation, acceptUrl: 'javascript:alert(1)' }, 'ja')).toThrow(/http\(s\)/);
  });
});

describe('renderMail: password-reset', () => {
  const reset = { kind: 'password-reset', resetUrl: 'https://tsunagu.example.jp/reset?t=x"y', expiresAt: EXPIRES } as const;

  it('renders both languages with the link and the Tokyo expiry', () => {
    const ja = renderMail(reset, 'ja');
    expect(ja.subject).toBe('【つなぐ】パスワード再設定のご案内');
    expect(ja.text).toContain('https://tsunagu.example.jp/reset?t=x"y');
    expect(ja.text).toContain('2025年12月1日(月) 18:30');
    expect(ja.text).toContain('パスワードは変更されません。');
    const en = renderMail(reset, 'en');
    expect(en.subject).toBe('Reset your Tsunagu password');
    expect(en.text).toContain('Monday, 1 December 2025, 18:30 (Japan time)');
    expect(en.html).toContain('href="https://tsunagu.example.jp/reset?t=x&quot;y"');
  });
});

describe('formatTokyoTime', () => {
  it('shows Japan time whatever the instant, crossing the date line when it must', () => {
    const lateUtc = new Date('2025-12-31T23:30:00Z');
    expect(formatTokyoTime(lateUtc, 'ja')).toBe('2026年1月1日(木) 08:30');
    expect(formatTokyoTime(lateUtc, 'en')).toBe('Thursday, 1 January 2026, 08:30 (Japan time)');
  });
});
