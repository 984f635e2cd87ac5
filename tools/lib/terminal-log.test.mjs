// node --test: what `npm start` shows of the API's JSON log lines.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { terminalLogStream } from './terminal-log.mjs';

async function shown(lines) {
  let text = '';
  for await (const chunk of Readable.from(lines.join('\n') + '\n').pipe(terminalLogStream())) text += chunk;
  return text;
}

const line = (fields) => JSON.stringify({ level: 'info', time: '2026-12-07T10:00:00.000Z', service: 'tsunagu-api', version: '0.1.0', ...fields });

test('leaves out Nest start-up chatter and the API listening line, keeps the rest', async () => {
  const text = await shown([
    line({ context: 'InstanceLoader', message: 'AppModule dependencies initialized' }),
    line({ context: 'RouterExplorer', message: 'Mapped {/readyz, GET} route' }),
    line({ message: 'Tsunagu API listening on http://0.0.0.0:3000' }),
    line({ context: 'GrantJobs', message: 'Grant deadline reminders queued', mails: 2 }),
  ]);
  assert.doesNotMatch(text, /dependencies initialized|Mapped|listening/);
  assert.match(text, /INFO: \[GrantJobs\] Grant deadline reminders queued \{"mails":2\}/);
  assert.equal(text.trim().split('\n').length, 1);
});

test('never leaves out a warning or an error, even from a start-up context', async () => {
  const text = await shown([line({ level: 'warn', context: 'InstanceLoader', message: 'odd' }), line({ level: 'error', context: 'MailSender', message: 'SMTP down', err: { type: 'Error', message: 'ECONNREFUSED', code: 'ESOCKET' } })]);
  assert.match(text, /WARN: \[InstanceLoader\] odd/);
  assert.match(text, /ERROR: \[MailSender\] SMTP down: ECONNREFUSED \(ESOCKET\)/);
});

test('a request reads as method, path, status and time; migrations as a count', async () => {
  const text = await shown([
    line({ requestId: 'r1', req: { method: 'POST', path: '/graphql' }, res: { statusCode: 200 }, responseTime: 12.4, message: 'request completed' }),
    JSON.stringify({ level: 'info', message: 'migrations applied', applied: ['A1', 'B2', 'C3'] }),
  ]);
  assert.match(text, /INFO: POST \/graphql 200 \(12 ms\)\n/);
  assert.match(text, /INFO: Applied 3 database migration\(s\)\n/);
  assert.doesNotMatch(text, /A1|r1/);
});

test('lines that are not JSON log entries pass through unchanged, also after an Nx task prefix', async () => {
  const text = await shown(['[tsunagu] Mail is caught locally', '{not json', 'api: ' + line({ message: 'hello' })]);
  assert.match(text, /^\[tsunagu\] Mail is caught locally\n\{not json\napi: \[\d\d:\d\d:\d\d\] INFO: hello\n$/);
});
