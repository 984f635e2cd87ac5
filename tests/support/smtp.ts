// A real SMTP server for tests (smtp-server on loopback), keeping every message it accepts,
// parsed with mailparser.
import type { ParsedMail } from 'mailparser';
import { loopbackSmtpServer } from '../../tools/lib/loopback-smtp.cjs';

export interface DeliveredMail {
  /** The first recipient (the outbox sends every mail to one). */
  readonly to: string;
  readonly recipients: string[];
  readonly mail: ParsedMail;
}

export interface TestSmtpServer {
  readonly port: number;
  readonly url: string;
  readonly messages: ParsedMail[];
  /** RCPT TO addresses, one list per accepted message. */
  readonly recipients: string[][];
  /** The messages accepted from the `since`-th on (counted from 0), with their recipients. */
  deliveredSince(since: number): DeliveredMail[];
  /** The messages to `email` accepted from the `since`-th on. */
  mailsTo(email: string, since?: number): ParsedMail[];
  close(): Promise<void>;
}

/** Listens on `port` (0 = any free port). */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  const recipients: string[][] = [];
  const server = loopbackSmtpServer((parsed, envelope) => {
    messages.push(parsed);
    recipients.push(envelope.rcptTo.map((rcpt) => rcpt.address));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    recipients,
    deliveredSince: (since) =>
      messages.map((mail, index) => ({ to: recipients[index][0], recipients: recipients[index], mail })).slice(since),
    mailsTo: (email, since = 0) => messages.filter((_, index) => index >= since && recipients[index].includes(email)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
