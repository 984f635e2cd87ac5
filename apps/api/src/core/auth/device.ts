// A recognisable name for the browser and system behind a user agent ("Chrome on Windows, a
// computer"), for the session list and the security log. Parsed on the server with ua-parser-js
// 1.x (MIT; 2.x is AGPL): it knows far more browsers and systems than a few hand-written patterns
// would, and the API and the web then show the same name for the same row.
import UAParser from 'ua-parser-js';

export type DeviceKind = 'DESKTOP' | 'MOBILE' | 'TABLET' | 'OTHER';

export interface DeviceDescription {
  /** The browser's name ("Chrome", "Mobile Safari"), or null when unknown. */
  readonly browser: string | null;
  /** The system's name and version ("Windows 10", "iOS 17.0"), or null when unknown. */
  readonly os: string | null;
  readonly kind: DeviceKind;
}

/** ua-parser leaves the type unset for ordinary computers. */
function kindOf(type: string | undefined): DeviceKind {
  if (type === undefined) return 'DESKTOP';
  if (type === 'mobile') return 'MOBILE';
  if (type === 'tablet') return 'TABLET';
  return 'OTHER';
}

/** Null when there is no user agent, or nothing in it names a browser or a system. */
export function describeDevice(userAgent: string | null | undefined): DeviceDescription | null {
  if (!userAgent) return null;
  const result = new UAParser(userAgent).getResult();
  const browser = result.browser.name ?? null;
  const os = result.os.name ? [result.os.name, result.os.version].filter(Boolean).join(' ') : null;
  if (!browser && !os) return null;
  return { browser, os, kind: kindOf(result.device.type) };
}
