// @ts-check
// `npm run lint` runs this: the README stays short enough to read (under 12 KB), and every
// relative link in README.md and docs/ resolves to a file inside the repository (and, for a
// link to a heading, to a heading that exists). Links to the web (https:, mailto:) are not
// followed. A path that leaves the repository is refused even in prose or code, since readers of
// the repository alone cannot follow it (`../shared/…` was such a path).
//
//   node tools/check-docs.mjs [--root DIR]     exit 0 when all is well, 1 with one line per problem
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const README_MAX_BYTES = 12_000;

/** The Markdown files checked: README.md and everything under docs/. @param {string} root */
function markdownFiles(root) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) files.push(full);
    }
  };
  if (existsSync(path.join(root, 'README.md'))) files.push(path.join(root, 'README.md'));
  if (existsSync(path.join(root, 'docs'))) walk(path.join(root, 'docs'));
  return files;
}

/**
 * A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens.
 * @param {string} heading
 */
export function anchorOf(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** @param {string} text the Markdown without its fenced code blocks */
function anchorsIn(text) {
  return new Set([...text.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((match) => anchorOf(match[1])));
}

/** @param {string} text */
function withoutFences(text) {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/**
 * Every problem of the repository's docs at `root`, as "file: problem" lines.
 * @param {string} root
 * @returns {string[]}
 */
export function checkDocs(root) {
  /** @type {string[]} */
  const problems = [];
  const readme = path.join(root, 'README.md');
  if (!existsSync(readme)) problems.push('README.md: missing');
  else if (statSync(readme).size >= README_MAX_BYTES) {
    problems.push(`README.md: ${statSync(readme).size} bytes, the limit is ${README_MAX_BYTES} (move detail to docs/)`);
  }
  /** @type {Map<string, Set<string>>} */
  const anchorCache = new Map();
  /** @param {string} file */
  const anchorsOf = (file) => {
    let anchors = anchorCache.get(file);
    if (!anchors) {
      anchors = anchorsIn(withoutFences(readFileSync(file, 'utf8')));
      anchorCache.set(file, anchors);
    }
    return anchors;
  };
  for (const file of markdownFiles(root)) {
    const where = path.relative(root, file);
    const raw = readFileSync(file, 'utf8');
    // Leaving the repository is refused anywhere in the text, code included.
    // A path named in prose or code must exist too (a link's target is checked below).
    for (const match of raw.matchAll(/(?<![\w/.])(?:\.\.\/)+[\w.-][^\s)`'"#]*/g)) {
      const target = path.resolve(path.dirname(file), match[0]);
      if (path.relative(root, target).startsWith('..')) problems.push(`${where}: ${match[0]} points outside the repository`);
      else if (raw[(match.index ?? 0) - 1] !== '(' && !existsSync(target)) problems.push(`${where}: ${match[0]}: no such file`);
    }
    const text = withoutFences(raw);
    for (const match of text.matchAll(/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const link = match[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:, …
      const [target, anchor] = link.split('#');
      const resolved = target ? path.resolve(path.dirname(file), decodeURIComponent(target)) : file;
      if (path.relative(root, resolved).startsWith('..')) continue; // reported above
      if (!existsSync(resolved)) {
        problems.push(`${where}: link to ${link}: no such file`);
        continue;
      }
      if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) {
        problems.push(`${where}: link to ${link}: no heading "${anchor}" in ${path.relative(root, resolved)}`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { root: { type: 'string' } } });
  const root = path.resolve(values.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = checkDocs(root);
  for (const problem of problems) process.stderr.write(`check-docs: ${problem}\n`);
  process.exit(problems.length ? 1 : 0);
}
