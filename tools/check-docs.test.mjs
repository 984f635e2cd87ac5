// @ts-check
// The docs check on small repositories written for each case: a sound one passes, and each kind
// of broken one fails with its problem named. Run by `npm run lint` (node --test).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { anchorOf, checkDocs, README_MAX_BYTES } from './check-docs.mjs';

const roots = /** @type {string[]} */ ([]);
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/**
 * A repository with these files (path → content), the sound base overridden by `files`.
 * @param {Record<string, string>} files
 */
function repository(files) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'check-docs-'));
  roots.push(root);
  const base = {
    'README.md': '# Project\n\nSee [operations](docs/operations.md#backups-and-restore) and [the standard](https://example.org/x).\n',
    'docs/operations.md': '# Operations\n\n## Backups and restore\n\nBack to the [README](../README.md) and the [capabilities](capabilities/README.md).\n',
    'docs/capabilities/README.md': '# Capabilities\n\n[Security](../security.md#audit).\n',
    'docs/security.md': '# Security\n\n## Audit\n\n```sh\n# a comment, not a heading\n```\n',
  };
  for (const [file, content] of Object.entries({ ...base, ...files })) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

test('a sound repository passes', () => {
  assert.deepEqual(checkDocs(repository({})), []);
});

test('a link to a missing file fails', () => {
  const problems = checkDocs(repository({ 'docs/security.md': '# Security\n\n## Audit\n\nSee [privacy](privacy.md).\n' }));
  assert.deepEqual(problems, ['docs/security.md: link to privacy.md: no such file']);
});

test('a link to a missing heading fails', () => {
  const problems = checkDocs(repository({ 'docs/capabilities/README.md': '# Capabilities\n\n[Security](../security.md#tokens).\n' }));
  assert.deepEqual(problems, ['docs/capabilities/README.md: link to ../security.md#tokens: no heading "tokens" in docs/security.md']);
});

test('a path leaving the repository fails, in a link or in prose', () => {
  const problems = checkDocs(repository({ 'README.md': '# Project\n\nThe design is in `../shared/DESIGN.md`; [notes](../../notes.md).\n' }));
  assert.deepEqual(problems, [
    'README.md: ../shared/DESIGN.md points outside the repository',
    'README.md: ../../notes.md points outside the repository',
  ]);
});

test('a path named in prose that does not exist fails', () => {
  const problems = checkDocs(repository({ 'docs/security.md': '# Security\n\n## Audit\n\nPinned (see `../shared/STACK-NOTES.md`).\n' }));
  assert.deepEqual(problems, ['docs/security.md: ../shared/STACK-NOTES.md: no such file']);
});

test('a README of 12 KB or more fails', () => {
  const problems = checkDocs(repository({ 'README.md': `# Project\n\n${'x'.repeat(README_MAX_BYTES)}\n` }));
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^README\.md: \d+ bytes, the limit is 12000/);
});

test('anchors are made as GitHub makes them', () => {
  assert.equal(anchorOf('Running against an external PostgreSQL (15 or newer)'), 'running-against-an-external-postgresql-15-or-newer');
  assert.equal(anchorOf('What `npm start` does'), 'what-npm-start-does');
  assert.equal(anchorOf('Training (人材育成・研修)'), 'training-人材育成研修');
});
