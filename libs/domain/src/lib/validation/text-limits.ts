// The longest text each input field takes, read from the field's own schema, so that a form
// states the limit (a character counter) from the same rule the API applies instead of a
// number typed again in the form, which drifts (a form once allowed 5,000 characters where
// the API took 4,000). zod keeps `.max(n)` on plain strings; texts that are trimmed or nulled
// before their length is checked are marked with their limit here instead.
import { z } from 'zod';

const TEXT_LIMITS = new WeakMap<z.ZodType, number>();
const LIST_ITEMS = new WeakMap<z.ZodType, z.ZodType>();
const FIELDS = new WeakMap<z.ZodType, Readonly<Record<string, z.ZodType>>>();

/** Marks a text schema with the longest text it takes; returns the same schema. */
export function withTextLimit<S extends z.ZodType>(schema: S, maxLength: number): S {
  TEXT_LIMITS.set(schema, maxLength);
  return schema;
}

/** Marks a list schema with the schema its items are checked by, so their fields' limits can be found. */
export function withListItem<S extends z.ZodType>(schema: S, item: z.ZodType): S {
  LIST_ITEMS.set(schema, item);
  return schema;
}

/** Marks a schema that checks its fields by hand (not a zod object) with their schemas, by key. */
export function withFields<S extends z.ZodType>(schema: S, fields: Readonly<Record<string, z.ZodType>>): S {
  FIELDS.set(schema, fields);
  return schema;
}

/**
 * The longest text the field at `path` takes (`'title'`, `'contacts.0.name'`), or undefined
 * when the schema sets none or has no such field.
 */
export function textLimitAt(schema: z.ZodType, path: string): number | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path.split('.')) {
    current = current && fieldOf(current, key);
  }
  return current && limitOf(current);
}

/** The schema of one key (or list index) below a schema, through its wrappers. */
function fieldOf(schema: z.ZodType, key: string): z.ZodType | undefined {
  for (const layer of layersOf(schema)) {
    const fields = FIELDS.get(layer) ?? (layer instanceof z.ZodObject ? (layer.shape as Record<string, z.ZodType>) : undefined);
    if (fields) return Object.hasOwn(fields, key) ? fields[key] : undefined;
    const item = LIST_ITEMS.get(layer) ?? (layer instanceof z.ZodArray ? (layer.element as z.ZodType) : undefined);
    if (item && /^\d+$/.test(key)) return item;
  }
  return undefined;
}

function limitOf(schema: z.ZodType): number | undefined {
  for (const layer of layersOf(schema)) {
    const limit = TEXT_LIMITS.get(layer) ?? (layer instanceof z.ZodString ? (layer.maxLength ?? undefined) : undefined);
    if (limit !== undefined) return limit;
  }
  return undefined;
}

/** The schema and what it wraps: optional, nullable and default values, and a pipe's input side. */
function* layersOf(schema: z.ZodType): Generator<z.ZodType> {
  let layer: z.ZodType | undefined = schema;
  while (layer) {
    yield layer;
    layer =
      layer instanceof z.ZodOptional || layer instanceof z.ZodNullable || layer instanceof z.ZodDefault
        ? (layer.unwrap() as z.ZodType)
        : layer instanceof z.ZodPipe
          ? (layer.in as z.ZodType)
          : undefined;
  }
}
