// Keyset pagination for every list: ordered by (sort key, id), the cursor carries the last
// row's key, and the next page starts strictly after it — stable under inserts and as fast on
// page 1,000 as on page 1 (given an index on the same columns).
import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { isoDate } from '@tsunagu/domain';
import { AppError } from './app-error';
import { usableId } from './ids';
import type { Conditions } from '../database/conditions';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface KeysetCursor {
  readonly key: string;
  readonly id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): KeysetCursor | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { key, id };
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

function invalidCursor(): AppError {
  return new AppError(
    'BAD_USER_INPUT',
    {
      ja: 'ページの位置を示す値（カーソル）が正しくありません。一覧を最初から読み込み直してください。',
      en: 'The page cursor is not valid. Please reload the list from the start.',
    },
    { reason: 'INVALID_CURSOR' },
  );
}

/**
 * Cursor keys as `::text` writes a timestamptz (an instant, or 'infinity' for a sort key that puts
 * rows without a value last) or a date column (forged keys are refused before they reach SQL).
 */
const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const calendarDate = isoDate('');
const KEY_FORMATS = {
  timestamptz: (key: string) => TIMESTAMP_KEY.test(key) || key === 'infinity',
  date: (key: string) => calendarDate.safeParse(key).success,
} as const;

/** Refuses a cursor whose id is no usable id or whose key is not what a `keyType` sort key writes. */
export function assertCursorKey(cursor: KeysetCursor, keyType: keyof typeof KEY_FORMATS): void {
  if (!usableId(cursor.id) || !KEY_FORMATS[keyType](cursor.key)) throw invalidCursor();
}

/**
 * Adds "strictly past the cursor" to `where` for a list ordered by (sortKey, id) in `order`:
 * `sortKey` is the SQL expression the rows are sorted by, `keyType` what its `::text` is cast back to.
 */
export function addKeysetCondition(
  where: Conditions,
  cursor: KeysetCursor | null,
  sortKey: string,
  idColumn: string,
  keyType: keyof typeof KEY_FORMATS,
  order: 'ASC' | 'DESC' = 'DESC',
): void {
  if (!cursor) return;
  assertCursorKey(cursor, keyType);
  const past = order === 'DESC' ? '<' : '>';
  where.add(`(${sortKey}, ${idColumn}) ${past} (${where.param(cursor.key)}::${keyType}, ${where.param(cursor.id)}::uuid)`);
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new AppError(
      'BAD_USER_INPUT',
      {
        ja: `一度に取得できる件数は1〜${MAX_PAGE_SIZE}件です。`,
        en: `Ask for between 1 and ${MAX_PAGE_SIZE} items at a time.`,
      },
      { reason: 'INVALID_PAGE_SIZE' },
    );
  }
  return size;
}

export interface Page<T> {
  readonly nodes: T[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/** Rows fetched with LIMIT size + 1; the extra row only says whether another page exists. */
export function toPage<T>(rows: T[], size: number, keyOf: (row: T) => KeysetCursor): Page<T> {
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return { nodes, endCursor: last ? encodeCursor(keyOf(last)) : null, hasNextPage: rows.length > size };
}

/** The page arguments of every list: `first` (the page size) and `after` (the previous page's endCursor). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

type ComplexityArgs = { args: { first?: number }; childComplexity: number };

/**
 * The estimated cost of a list field (query-limits.ts): `overhead` for the query itself plus its
 * node selection once per row of the page asked for.
 */
export function listComplexity(overhead: number) {
  return ({ args, childComplexity }: ComplexityArgs) => overhead + (args.first ?? DEFAULT_PAGE_SIZE) * childComplexity;
}

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

/** A GraphQL connection type for T: nodes plus pageInfo. */
export function Connection<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Connection`)
  abstract class ConnectionType {
    @Field(() => [node], { complexity: 0 })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export function toConnection<T>(page: Page<T>) {
  return { nodes: page.nodes, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
}
