// The two ordered lists of a course: its modules, and each module's materials. Both keep their
// positions 0, 1, 2, … in the order shown, with no gaps, and are reordered the same way, so the
// statements that keep them so are written once here.
import { LocalizedText, localizedText as text } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { invalid } from './course-fields';

export interface PositionedList {
  readonly table: 'course_modules' | 'course_materials';
  /** The column naming the list an item belongs to. */
  readonly parent: 'course_id' | 'module_id';
  /** What a reorder that does not name every item exactly once is told. */
  readonly mismatch: { readonly reason: string; readonly field: string; readonly message: LocalizedText };
}

export const COURSE_MODULES: PositionedList = {
  table: 'course_modules',
  parent: 'course_id',
  mismatch: {
    reason: 'MODULE_SET_MISMATCH',
    field: 'moduleIds',
    message: text('並べ替えには、この講座のすべての単元をちょうど1回ずつ指定してください。', "List every one of the course's modules exactly once to reorder them."),
  },
};

export const MODULE_MATERIALS: PositionedList = {
  table: 'course_materials',
  parent: 'module_id',
  mismatch: {
    reason: 'MATERIAL_SET_MISMATCH',
    field: 'materialIds',
    message: text('並べ替えには、この単元のすべての教材をちょうど1回ずつ指定してください。', "List every one of the module's materials exactly once to reorder them."),
  },
};

/** After an item was removed: the list's positions 0 … n-1 again, in their order. */
export async function closePositionGaps(manager: EntityManager, list: PositionedList, tenantId: string, parentId: string): Promise<void> {
  await manager.query(
    `UPDATE ${list.table} item SET position = r.position
       FROM (SELECT id, (row_number() OVER (ORDER BY position, id) - 1)::int AS position
               FROM ${list.table} WHERE tenant_id = $1 AND ${list.parent} = $2) r
      WHERE item.tenant_id = $1 AND item.id = r.id AND item.position <> r.position`,
    [tenantId, parentId],
  );
}

/** Puts the list in the order of `ids`, which must name each of its items exactly once. */
export async function reorderPositions(manager: EntityManager, list: PositionedList, tenantId: string, parentId: string, ids: readonly string[]): Promise<void> {
  const current: Array<{ id: string }> = await manager.query(`SELECT id FROM ${list.table} WHERE tenant_id = $1 AND ${list.parent} = $2`, [
    tenantId,
    parentId,
  ]);
  const wanted = new Set(ids);
  const same = wanted.size === ids.length && ids.length === current.length && current.every((row) => wanted.has(row.id));
  if (!same) throw invalid(list.mismatch.reason, { [list.mismatch.field]: list.mismatch.message });
  // The position constraint is deferred, so positions can swap within the transaction.
  await manager.query(
    `UPDATE ${list.table} item SET position = (o.ordinality - 1)::int
       FROM unnest($3::uuid[]) WITH ORDINALITY AS o(id, ordinality)
      WHERE item.tenant_id = $1 AND item.${list.parent} = $2 AND item.id = o.id`,
    [tenantId, parentId, ids],
  );
}
