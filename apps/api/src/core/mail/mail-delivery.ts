// Pure helpers of the sender, kept apart so they are easy to test.

/** What the outbox keeps of a failed attempt: the SMTP status, never the server's text or the mail. */
export function smtpStatusOf(error: unknown): string {
  const { code, command, responseCode } = (error ?? {}) as { code?: unknown; command?: unknown; responseCode?: unknown };
  const parts = [code, command, responseCode].filter((part) => typeof part === 'string' || typeof part === 'number');
  return parts.length ? parts.join(' ').slice(0, 200) : 'SMTP delivery failed';
}

/** <outbox-id@sender-domain>: the same for every attempt at the same mail. */
export function messageIdFor(outboxId: string, from: string): string {
  const domain = /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? 'tsunagu.invalid';
  return `<${outboxId}@${domain}>`;
}
