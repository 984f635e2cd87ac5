// How a device reads on /account and in the security log: "Chrome（Windows 10）" and its kind
// (computer, phone, tablet). The API parses the user agent (ua-parser-js); the web only words it.
import type { DevicePartsFragment } from '@tsunagu/graphql-client';
import type { TFunction } from 'i18next';

export function deviceLabel(t: TFunction, device: DevicePartsFragment | null | undefined): string {
  if (!device) return t('security.device.unknown');
  if (device.browser && device.os) return t('security.device.label', { browser: device.browser, os: device.os });
  return device.browser ?? device.os ?? t('security.device.unknown');
}

export function deviceKindLabel(t: TFunction, device: DevicePartsFragment | null | undefined): string | null {
  return device ? t(`security.device.kind.${device.kind}`) : null;
}
