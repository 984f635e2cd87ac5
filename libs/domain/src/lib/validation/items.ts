// A list input whose items are checked one by one (a partnership's contacts, an interaction's
// follow-ups): a faulty item's field is named `list.index.field`, as the form's input for it is
// (and as the API has always named it), not just `list`.
import { z } from 'zod';
import { withListItem } from './text-limits';

/**
 * The list as given (an array, checked for its length only); its items are checked by
 * `itemProblems` with `itemSchema`, which the list names so their fields' limits can be read.
 */
export function itemList(max: number, tooMany: string, itemSchema: z.ZodType) {
  return withListItem(z.array(z.unknown()).max(max, tooMany).nullish(), itemSchema);
}

/** Adds each faulty item's problems, under `field.index.key`; run in the whole input's superRefine. */
export function itemProblems(field: string, items: unknown, itemSchema: z.ZodType, context: z.RefinementCtx): void {
  if (!Array.isArray(items)) return;
  items.forEach((item, index) => {
    const result = itemSchema.safeParse(item);
    if (result.success) return;
    for (const issue of result.error.issues) {
      context.addIssue({ code: 'custom', path: [[field, index, ...issue.path.map(String)].join('.')], message: issue.message });
    }
  });
}

/** The checked items, normalised by their schema (only reached when every item passed). */
export function parsedItems<S extends z.ZodType>(items: readonly unknown[] | null | undefined, itemSchema: S): z.output<S>[] | null {
  return items ? items.map((item) => itemSchema.parse(item)) : null;
}
