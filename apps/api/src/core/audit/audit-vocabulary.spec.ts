// The audit log is shown in the user's language (apps/web features/audit) from the entity names
// and actions listed in libs/domain (AUDIT_ENTITIES, AUDIT_ACTIONS, AUDIT_STATUS_ACTIONS); the
// web's spec checks each has a ja and an en label. This spec reads the API's sources and checks
// every entity and action they hand to recordAudit is on those lists, so a new action cannot
// reach the log unlabelled. Values are read where they are written: recordAudit's own argument,
// the wrappers that pass an action through (grants/partnerships `audited`, courses `edit`), the
// `const action = …` and `return { action: … }` that compute one. A comparison (`=== 'X'`) is
// not a written value.
import { AUDIT_ACTIONS, AUDIT_ENTITIES, AUDIT_STATUS_ACTIONS } from '@tsunagu/domain';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const API_SOURCES = path.resolve(__dirname, '../..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** The text of each call's arguments (balanced parentheses) after every match of `opening`. */
function callArguments(source: string, opening: RegExp): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(opening)) {
    let depth = 1;
    let index = (match.index ?? 0) + match[0].length;
    const start = index;
    while (index < source.length && depth > 0) {
      if (source[index] === '(') depth++;
      if (source[index] === ')') depth--;
      index++;
    }
    found.push(source.slice(start, index - 1));
  }
  return found;
}

/** Upper-case string literals that are values, not the right side of a comparison. */
function writtenCodes(text: string): string[] {
  return [...text.matchAll(/(===?\s*|!==?\s*)?'([A-Z][A-Z_]+)'/g)].filter((match) => !match[1]).map((match) => match[2]);
}

function auditedValues(): { entities: Set<string>; actions: Set<string> } {
  const entities = new Set<string>();
  const actions = new Set<string>();
  for (const file of sourceFiles(API_SOURCES)) {
    if (file.includes(`${path.sep}core${path.sep}audit${path.sep}`)) continue;
    const source = readFileSync(file, 'utf8');
    if (!source.includes('recordAudit(')) continue;
    for (const args of callArguments(source, /recordAudit\(/g)) {
      for (const match of args.matchAll(/entity:\s*'(\w+)'/g)) entities.add(match[1]);
      const action = /action(?::\s*([^,}]+))?[,}\s]/.exec(args)?.[1] ?? '';
      for (const code of writtenCodes(action)) actions.add(code);
      for (const match of action.matchAll(/`([A-Z_]+?)[_:]?\$\{/g)) actions.add(match[1]);
    }
    // Wrappers take the action before the changed fields' array.
    for (const args of callArguments(source, /this\.(?:audited|edit)\(/g)) for (const code of writtenCodes(args.split('[')[0])) actions.add(code);
    for (const match of source.matchAll(/const action = ([^;]+);/g)) for (const code of writtenCodes(match[1])) actions.add(code);
    for (const match of source.matchAll(/return \{ action: ([^,}]+)/g)) for (const code of writtenCodes(match[1])) actions.add(code);
  }
  return { entities, actions };
}

describe('the audit vocabulary', () => {
  const { entities, actions } = auditedValues();

  it('finds what the API writes (the scan itself works)', () => {
    expect([...entities]).toEqual(expect.arrayContaining(['Person', 'Grant', 'Referral', 'Network']));
    expect([...actions]).toEqual(expect.arrayContaining(['CREATED', 'DISCLOSED', 'INTERACTION_RECORDED', 'PUBLISHED', 'ROLES_CHANGED', 'STATUS', 'KIND_CHANGED']));
  });

  it('lists every entity the API records', () => {
    expect([...entities].filter((entity) => !(AUDIT_ENTITIES as readonly string[]).includes(entity))).toEqual([]);
  });

  it('lists every action the API records; a status move is one of the STATUS_ actions', () => {
    const listed = new Set<string>([...AUDIT_ACTIONS, 'STATUS']);
    expect([...actions].filter((action) => !listed.has(action))).toEqual([]);
    expect(AUDIT_STATUS_ACTIONS).toEqual(expect.arrayContaining(['STATUS_ACCEPTED', 'STATUS_ACTIVE']));
  });
});
