// Who sees a published grant listing or course: its own network only, or every network. Grants
// and courses share the one vocabulary (GRANT_VISIBILITIES and COURSE_VISIBILITIES are it), and
// the words for where a listing is in its life cycle.
import type { LocalizedText } from './error-codes';
import { vocabulary } from './vocabulary';

export const NETWORK_VISIBILITIES = vocabulary({
  NETWORK: { ja: 'このネットワーク内', en: 'This network' },
  PUBLIC: { ja: 'すべてのネットワークに公開', en: 'Public to all networks' },
});
export type NetworkVisibility = (typeof NETWORK_VISIBILITIES.codes)[number];

/** The publication steps grant listings and courses both go through, called the same in both. */
export const PUBLICATION_STATUS_LABELS = {
  DRAFT: { ja: '下書き', en: 'Draft' },
  PUBLISHED: { ja: '公開中', en: 'Published' },
  ARCHIVED: { ja: 'アーカイブ', en: 'Archived' },
} as const satisfies Record<string, LocalizedText>;
