// The SMTP server both the local mail catcher (tools/mail-catcher.mjs) and the tests' mail
// server (tests/support/smtp.ts) run: it accepts every message (no authentication) and hands it
// on parsed. CommonJS so that jest can load it too.
const { simpleParser } = require('mailparser');
const { SMTPServer } = require('smtp-server');

/** A server (not yet listening) calling onMail(parsed, envelope) for every message it accepts. */
function loopbackSmtpServer(onMail) {
  return new SMTPServer({
    // smtp-server's built-in certificate has expired; this is plain SMTP, for loopback only.
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
