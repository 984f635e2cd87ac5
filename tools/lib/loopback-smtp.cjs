// An SMTP server for loopback only that hands every accepted mail, parsed by mailparser, to
// `onMail` with its envelope. Shared by the local mail catcher (tools/mail-catcher.mjs) and the
// tests' SMTP server (tests/support/smtp.ts); CommonJS so that jest and Node's ESM both load it.
const { simpleParser } = require('mailparser');
const { SMTPServer } = require('smtp-server');

function loopbackSmtpServer(onMail) {
  return new SMTPServer({
    // smtp-server's built-in certificate has expired: plain SMTP, on loopback only.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          onMail(parsed, session.envelope);
          callback();
        })
        .catch(callback);
    },
  });
}

module.exports = { loopbackSmtpServer };
