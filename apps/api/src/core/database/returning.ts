// TypeORM's query() answers UPDATE and DELETE with [rows, affectedCount] but INSERT and SELECT
// with the rows alone. Statements with RETURNING go through this so callers always get rows; a
// statement about one record that must exist goes through the *OrNotFound helpers, so a missing
// record always ends in the same NOT_FOUND.
import type { LocalizedText } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { notFound } from '../authz/authorize';

export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** Runs a SELECT of one record; NOT_FOUND naming `what` when there is none (gone, never there, or not the actor's). */
export async function oneOrNotFound<T>(manager: EntityManager, sql: string, params: unknown[], what: LocalizedText): Promise<T> {
  const [row] = await queryRows<T>(manager, sql, params);
  if (!row) throw notFound(what);
  return row;
}

/** Runs a DELETE; NOT_FOUND naming `what` when it matched no row (gone, never there, or not the actor's). */
export async function deleteOrNotFound(manager: EntityManager, sql: string, params: unknown[], what: LocalizedText): Promise<void> {
  const [, removed]: [unknown, number] = await manager.query(sql, params);
  if (!removed) throw notFound(what);
}
