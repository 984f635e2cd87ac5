import { messageIdFor, smtpStatusOf } from './mail-delivery';

describe('smtpStatusOf', () => {
  it('keeps the error code, SMTP command and reply code, never the server text', () => {
    const error = Object.assign(new Error('Can not send mail to hanako@example.jp: 550 mailbox unavailable'), {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      response: '550 5.1.1 <hanako@example.jp> unknown',
    });
    expect(smtpStatusOf(error)).toBe('EENVELOPE RCPT TO 550');
  });

  it('says something useful for errors without SMTP details', () => {
    expect(smtpStatusOf(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET', command: 'CONN' }))).toBe('ESOCKET CONN');
    expect(smtpStatusOf(new Error('hanako@example.jp'))).toBe('SMTP delivery failed');
    expect(smtpStatusOf(undefined)).toBe('SMTP delivery failed');
  });
});

describe('messageIdFor', () => {
  it('is stable per outbox id and uses the sender domain', () => {
    const id = '6f1c3c0e-8d1b-4c39-9c55-3f0d8a3e2b11';
    expect(messageIdFor(id, 'つなぐ Tsunagu <no-reply@tsunagu.example.jp>')).toBe(`<${id}@tsunagu.example.jp>`);
    expect(messageIdFor(id, 'no-reply@example.jp')).toBe(`<${id}@example.jp>`);
  });
});
