// A fixed vocabulary: codes with Japanese and English labels, in display order. Every
// taxonomy of the product (directory categories, data categories, statuses…) is one of these.
import type { LocalizedText } from './error-codes';

export function vocabulary<const T extends string>(entries: Record<T, LocalizedText>) {
  return { codes: Object.keys(entries) as T[], labels: entries };
}
