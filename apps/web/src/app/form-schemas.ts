// The schema each live form checks with, so that its inputs can read their field's limit from
// the same rule (see textLimitOf) without every form handing the schema to every input.
// useSchemaForm binds its form here on every render (@mantine/form hands out a new form object
// each render; a WeakMap lets the old ones go).
import { textLimitAt } from '@tsunagu/domain';
import type { z } from 'zod';

const formSchemas = new WeakMap<object, z.ZodType>();

export function bindFormSchema(form: object, schema: z.ZodType): void {
  formSchemas.set(form, schema);
}

/** The longest text the schema bound to `form` takes at `name`, when it sets one. */
export function textLimitOf(form: object, name: string): number | undefined {
  const schema = formSchemas.get(form);
  return schema && textLimitAt(schema, name);
}
