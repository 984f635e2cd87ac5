// DESIGN.md: the consent rule "lives in one place in the API, below every resolver, so no new
// query can forget it". This keeps it true: outside core/personal-data (and the demo seed,
// which writes fixed rows), no source file may touch a person's value columns, and the files
// that name the persons table at all are the known ones, reading ids and pseudonyms only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE_ROOT = path.resolve(__dirname, '../..');
const OWNERS = [path.join('core', 'personal-data'), 'seed'];
const VALUE_COLUMNS =
  /\b(identity|contact|household|financial|consultation|health_sealed|disability_sealed|legal_sealed|search_text|duplicate_key)\b/;
const PERSONS_TABLE = /\b(FROM|JOIN|UPDATE|INTO)\s+persons\b/i;
/** Files that may name the persons table (for ids and pseudonyms, never values), and why. */
const KNOWN_READERS_OF_PSEUDONYMS = [
  // Counts people (by status and owner, no values) whose consents a kind change opens or closes.
  path.join('modules', 'organizations', 'organization-kind.service.ts'),
  path.join('modules', 'people', 'kept-records.service.ts'),
  // The referral list's statement (REFERRAL_SELECT): the person's pseudonym beside a referral.
  path.join('modules', 'referrals', 'referral-queries.ts'),
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') && !full.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('the single read path to personal data', () => {
  const outside = sourceFiles(SOURCE_ROOT)
    .map((file) => path.relative(SOURCE_ROOT, file))
    .filter((file) => !OWNERS.some((owner) => file.startsWith(owner + path.sep)));

  it('finds the sources it is guarding', () => {
    expect(outside.length).toBeGreaterThan(20);
    expect(outside).toContain(path.join('modules', 'people', 'people.service.ts'));
  });

  it('keeps SQL on the persons table inside core/personal-data', () => {
    const naming = outside.filter((file) => PERSONS_TABLE.test(readFileSync(path.join(SOURCE_ROOT, file), 'utf8')));
    expect(naming.sort()).toEqual(KNOWN_READERS_OF_PSEUDONYMS);
  });

  it('never lets another file select a value column of a person', () => {
    for (const file of KNOWN_READERS_OF_PSEUDONYMS) {
      const sql = [...readFileSync(path.join(SOURCE_ROOT, file), 'utf8').matchAll(/`([^`]*)`/g)].map((match) => match[1]);
      expect(sql.filter((statement) => PERSONS_TABLE.test(statement) && VALUE_COLUMNS.test(statement))).toEqual([]);
    }
  });
});
