// Who sees a published grant listing or course: its own network only, or every network. Grants
// and courses share the one vocabulary (GRANT_VISIBILITIES and COURSE_VISIBILITIES are it).
import { vocabulary } from './vocabulary';

export const NETWORK_VISIBILITIES = vocabulary({
  NETWORK: { ja: 'このネットワーク内', en: 'This network' },
  PUBLIC: { ja: 'すべてのネットワークに公開', en: 'Public to all networks' },
});
export type NetworkVisibility = (typeof NETWORK_VISIBILITIES.codes)[number];
