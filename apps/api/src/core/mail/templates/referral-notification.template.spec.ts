import { NOTIFICATION_KINDS, type ReferralNotificationKind } from '@tsunagu/domain';
import type { ReferralNoticeFacts } from './mail-template';
import { renderMail } from './render-mail';

const facts: ReferralNoticeFacts = {
  notification: 'REFERRAL_RECEIVED',
  counterpartName: 'NPO法人 <こもれび>',
  serviceName: '住まいの相談窓口',
  status: 'SENT',
  urgency: 'URGENT',
  // 09:30 UTC is 18:30 in Tokyo.
  responseDueAt: new Date('2025-12-01T09:30:00Z'),
  expiresAt: new Date('2025-12-04T09:30:00Z'),
  referralUrl: 'https://tsunagu.example.jp/referrals/0b7c3f5e-2d1a-4c6b-9e8f-1a2b3c4d5e6f',
};

describe('renderMail: referral-notification', () => {
  it('renders every kind in Japanese and English with the link, the organisation and the service', () => {
    for (const notification of NOTIFICATION_KINDS.codes.filter((kind): kind is ReferralNotificationKind => kind.startsWith('REFERRAL_'))) {
      for (const language of ['ja', 'en'] as const) {
        const mail = renderMail({ kind: 'referral-notification', ...facts, notification }, language);
        expect(mail.subject).toContain('住まいの相談窓口');
        expect(mail.text).toContain(facts.referralUrl);
        expect(mail.text).toContain('NPO法人 <こもれび>');
        expect(mail.html).toContain(`<html lang="${language}">`);
        expect(mail.html).not.toContain('<こもれび>');
        expect(mail.html).toContain('&lt;こもれび&gt;');
      }
    }
  });

  it('says the urgency and the reply deadline in Japan time for a new referral', () => {
    const ja = renderMail({ kind: 'referral-notification', ...facts }, 'ja');
    expect(ja.subject).toBe('【つなぐ】【緊急】「NPO法人 <こもれび>」から「住まいの相談窓口」への紹介が届きました');
    expect(ja.text).toContain('緊急度: 緊急\n返答期限: 2025年12月1日(月) 18:30');
    const en = renderMail({ kind: 'referral-notification', ...facts }, 'en');
    expect(en.text).toContain('Reply by: Monday, 1 December 2025, 18:30 (Japan time)');
  });

  it('tells the escalation with the deadline passed and when the referral expires', () => {
    const ja = renderMail({ kind: 'referral-notification', ...facts, notification: 'REFERRAL_ESCALATED' }, 'ja');
    expect(ja.text).toContain('返答期限（2025年12月1日(月) 18:30）を過ぎました');
    expect(ja.text).toContain('2025年12月4日(木) 18:30 までに返答がない場合、この紹介は期限切れになります。');
  });

  it('keeps names on one line of the subject and refuses links that are not http(s)', () => {
    const mail = renderMail({ kind: 'referral-notification', ...facts, counterpartName: 'A\r\nBcc: x@example.jp' }, 'en');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(() => renderMail({ kind: 'referral-notification', ...facts, referralUrl: 'javascript:alert(1)' }, 'ja')).toThrow(/http\(s\)/);
  });
});

describe('renderMail: referral-digest', () => {
  it('lists each notice with its link', () => {
    const items = [facts, { ...facts, notification: 'REFERRAL_MESSAGE' as const, referralUrl: 'https://tsunagu.example.jp/referrals/x' }];
    const ja = renderMail({ kind: 'referral-digest', items, notificationsUrl: 'https://tsunagu.example.jp/notifications' }, 'ja');
    expect(ja.subject).toBe('【つなぐ】紹介の通知のまとめ（2件）');
    expect(ja.text).toContain('1. 「NPO法人 <こもれび>」から、「住まいの相談窓口」への紹介が届きました。');
    expect(ja.text).toContain('2. 「住まいの相談窓口」の紹介について');
    expect(ja.text).toContain('https://tsunagu.example.jp/referrals/x');
    const en = renderMail({ kind: 'referral-digest', items: [facts], notificationsUrl: 'https://tsunagu.example.jp/notifications' }, 'en');
    expect(en.subject).toBe('Your referral notifications: 1 new (Tsunagu)');
    expect(en.text).toContain('You have 1 referral notification since the last digest.');
  });
});
