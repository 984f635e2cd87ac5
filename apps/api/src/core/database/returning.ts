// TypeORM's query() answers UPDATE and DELETE with [rows, affectedCount] but INSERT and SELECT
// with the rows alone. Statements with RETURNING go through this so callers always get rows.
import type { EntityManager } from 'typeorm';

export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
