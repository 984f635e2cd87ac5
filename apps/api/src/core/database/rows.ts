// Query rows arrive with PostgreSQL's snake_case column names; the GraphQL models and service
// types use camelCase. Most row-to-model mappers are nothing but that renaming, so they say
// only what differs (a count to convert, a column to leave out) and rename the rest with this.

/** "learner_name" → "learnerName", at the type level. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** A row type with every column under its camelCase name. */
export type Camelized<Row> = { [K in keyof Row & string as CamelCase<K>]: Row[K] };

function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * The row's columns under their camelCase names, values untouched, leaving out the columns named
 * in `skip` (cursor keys, grouping ids: what the model does not carry).
 */
export function camelized<Row extends object, Skip extends keyof Row & string = never>(
  row: Row,
  skip: readonly Skip[] = [],
): Camelized<Omit<Row, Skip>> {
  const skipped: ReadonlySet<string> = new Set(skip);
  return Object.fromEntries(
    Object.entries(row)
      .filter(([column]) => !skipped.has(column))
      .map(([column, value]) => [camelCase(column), value]),
  ) as Camelized<Omit<Row, Skip>>;
}
