import type { ParsedMail } from 'mailparser';
import type { SMTPServer, SMTPServerEnvelope } from 'smtp-server';

export declare function loopbackSmtpServer(onMail: (mail: ParsedMail, envelope: SMTPServerEnvelope) => void): SMTPServer;
