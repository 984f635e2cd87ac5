// Keeps the personal-data catalogue true of the sources (the live schema is checked by
// tests/integration/personal-data-catalogue.spec.ts), and shows with broken fixtures that the
// checks do fail when a new path or column appears outside the catalogue.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NOT_PERSONAL, PERSONAL_DATA_CATALOGUE } from './personal-data-catalogue';
import { missingPaths, type SourceFile, unclassifiedColumns, unlistedQueryPaths } from './personal-data-catalogue-checks';

const SOURCE_ROOT = path.resolve(__dirname, '../..');

function sources(directory: string): SourceFile[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return sources(full);
    if (!full.endsWith('.ts') || full.endsWith('.spec.ts')) return [];
    return [{ path: path.relative(SOURCE_ROOT, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }];
  });
}

describe('the personal-data catalogue', () => {
  const all = sources(SOURCE_ROOT);

  it('reads the sources it guards', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.map((source) => source.path)).toContain('modules/referrals/referrals.service.ts');
  });

  it('names every query path that touches a personal column', () => {
    expect(unlistedQueryPaths(all)).toEqual([]);
  });

  it('names only files that exist', () => {
    expect(missingPaths(PERSONAL_DATA_CATALOGUE, (file) => existsSync(path.join(SOURCE_ROOT, file)))).toEqual([]);
  });

  it('gives every entry a rule and every catalogued column one place', () => {
    for (const entry of PERSONAL_DATA_CATALOGUE) expect(entry.rule.length).toBeGreaterThan(20);
    const columns = PERSONAL_DATA_CATALOGUE.flatMap((entry) => entry.columns);
    expect(new Set(columns).size).toBe(columns.length);
    for (const column of columns) {
      const [table, name] = column.split('.');
      expect(NOT_PERSONAL[table]?.columns ?? []).not.toContain(name);
    }
  });

  describe('fails on a deliberately broken fixture', () => {
    it('finds a new query of referral free text in an unlisted file', () => {
      const leaky: SourceFile = {
        path: 'modules/insights/leaky-digest.ts',
        text: 'const sql = `SELECT r.id, r.reason FROM referrals r WHERE r.tenant_id = $1`;',
      };
      expect(unlistedQueryPaths([leaky])).toEqual([{ file: 'modules/insights/leaky-digest.ts', table: 'referrals', columns: ['reason'] }]);
    });

    it('finds a value column read outside the reader, through a join', () => {
      const leaky: SourceFile = {
        path: 'modules/reports/people-export.ts',
        text: 'q(`SELECT p.identity FROM referrals r JOIN persons p ON p.id = r.person_id`)',
      };
      expect(unlistedQueryPaths([leaky])).toContainEqual({ file: 'modules/reports/people-export.ts', table: 'persons', columns: ['identity'] });
    });

    it('lets a listed file through and ignores tables without personal columns', () => {
      const listed: SourceFile = { path: 'modules/referrals/referrals.service.ts', text: '`SELECT reason FROM referrals`' };
      const harmless: SourceFile = { path: 'modules/grants/x.ts', text: '`SELECT title, notes FROM grants`' };
      expect(unlistedQueryPaths([listed, harmless])).toEqual([]);
    });

    it('finds a new free-text column nobody classified, and a new table', () => {
      expect(
        unclassifiedColumns([
          { table: 'referrals', column: 'reason', textLike: true },
          { table: 'referrals', column: 'helper_note', textLike: true },
          { table: 'referrals', column: 'sent_at', textLike: false },
          { table: 'support_records', column: 'recorded_at', textLike: false },
        ]),
      ).toEqual(['referrals.helper_note', 'support_records.recorded_at']);
    });

    it('finds a renamed file', () => {
      const stale = [{ ...PERSONAL_DATA_CATALOGUE[0], paths: ['core/personal-data/person-reader-old.ts'] }];
      expect(missingPaths(stale, (file) => existsSync(path.join(SOURCE_ROOT, file)))).toEqual(['core/personal-data/person-reader-old.ts']);
    });
  });
});
