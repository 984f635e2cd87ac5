// The two checks that keep the personal-data catalogue true: pure functions over a schema's
// columns and the API's source text, so the same code runs on the live schema (integration
// test), on the real sources (unit spec) and on deliberately broken fixtures.
import { NOT_PERSONAL, PERSONAL_DATA_CATALOGUE, type PersonalDataPath } from './personal-data-catalogue';

export interface SchemaColumn {
  readonly table: string;
  readonly column: string;
  /** text, json, bytea, arrays, enums: anything that can hold a value typed by a person. */
  readonly textLike: boolean;
}

export interface SourceFile {
  /** Relative to apps/api/src. */
  readonly path: string;
  readonly text: string;
}

export interface UnlistedQuery {
  readonly file: string;
  readonly table: string;
  readonly columns: readonly string[];
}

type NotPersonal = typeof NOT_PERSONAL;

function catalogued(catalogue: readonly PersonalDataPath[]): Set<string> {
  return new Set(catalogue.flatMap((entry) => entry.columns));
}

/**
 * Columns of the schema that nobody has classified: a text-like column must be named (in the
 * catalogue, or as not personal with a reason); any other column needs its table to be known.
 */
export function unclassifiedColumns(
  columns: readonly SchemaColumn[],
  catalogue: readonly PersonalDataPath[] = PERSONAL_DATA_CATALOGUE,
  notPersonal: NotPersonal = NOT_PERSONAL,
): string[] {
  const personal = catalogued(catalogue);
  const knownTables = new Set([...Object.keys(notPersonal), ...[...personal].map((name) => name.split('.')[0])]);
  return columns
    .filter(({ table, column, textLike }) => {
      const name = `${table}.${column}`;
      if (personal.has(name) || notPersonal[table]?.columns.includes(column)) return false;
      return textLike || !knownTables.has(table);
    })
    .map(({ table, column }) => `${table}.${column}`)
    .sort();
}

/** The SQL a source file holds: its template literals (every query here is one). */
function statements(text: string): string[] {
  return [...text.matchAll(/`([^`]*)`/g)].map((match) => match[1]);
}

/**
 * Source files whose SQL names a catalogued table together with one of its personal columns but
 * that the catalogue does not list for that column: a query path nobody has named a rule for.
 */
export function unlistedQueryPaths(
  sources: readonly SourceFile[],
  catalogue: readonly PersonalDataPath[] = PERSONAL_DATA_CATALOGUE,
): UnlistedQuery[] {
  const byTable = new Map<string, Map<string, Set<string>>>();
  const writesOnly = new Set<string>();
  for (const entry of catalogue) {
    if (entry.checked === 'NOT_CHECKED') continue;
    for (const name of entry.columns) {
      const [table, column] = name.split('.');
      if (entry.checked === 'WRITES') writesOnly.add(table);
      const columnsOfTable = byTable.get(table) ?? new Map<string, Set<string>>();
      const allowed = columnsOfTable.get(column) ?? new Set<string>();
      entry.paths.forEach((file) => allowed.add(file));
      columnsOfTable.set(column, allowed);
      byTable.set(table, columnsOfTable);
    }
  }
  const found: UnlistedQuery[] = [];
  for (const source of sources) {
    const sql = statements(source.text);
    for (const [table, columnsOfTable] of byTable) {
      const naming = writesOnly.has(table)
        ? new RegExp(`\\b(UPDATE|INTO)\\s+${table}\\b`, 'i')
        : new RegExp(`\\b(FROM|JOIN|UPDATE|INTO)\\s+${table}\\b`, 'i');
      const unlisted = new Set<string>();
      for (const statement of sql.filter((candidate) => naming.test(candidate))) {
        for (const [column, allowed] of columnsOfTable) {
          if (!allowed.has(source.path) && new RegExp(`\\b${column}\\b`).test(statement)) unlisted.add(column);
        }
      }
      if (unlisted.size) found.push({ file: source.path, table, columns: [...unlisted].sort() });
    }
  }
  return found;
}

/** Catalogue paths that name files which do not exist (a renamed file must be renamed here too). */
export function missingPaths(catalogue: readonly PersonalDataPath[], exists: (file: string) => boolean): string[] {
  return [...new Set(catalogue.flatMap((entry) => entry.paths))].filter((file) => !exists(file)).sort();
}
