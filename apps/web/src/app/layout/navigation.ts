// The capabilities of Tsunagu (see DESIGN.md), in the order the navbar lists them.
// An item without a `path` is not built yet and is shown disabled with a "coming soon" badge.
import type { ParseKeys } from 'i18next';

export interface NavigationItem {
  labelKey: ParseKeys;
  path?: string;
}

export const navigationItems: readonly NavigationItem[] = [
  { labelKey: 'nav.home', path: '/' },
  { labelKey: 'nav.directory' },
  { labelKey: 'nav.people' },
  { labelKey: 'nav.referrals' },
  { labelKey: 'nav.grants' },
  { labelKey: 'nav.training' },
  { labelKey: 'nav.partnerships' },
  { labelKey: 'nav.reports' },
];
