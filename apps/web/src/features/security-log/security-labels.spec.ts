// Devices and security-log methods read as words in ja and en; what the web cannot name (no
// device, a method code it has no label for) falls back rather than showing a key.
import { createInstance, type i18n as I18n } from 'i18next';
import { resources, supportedLanguages, type SupportedLanguage } from '../../app/i18n/resources';
import { deviceKindLabel, deviceLabel } from '../account/device-label';
import { methodLabel } from './security-event-columns';

function i18nIn(language: SupportedLanguage): I18n {
  const i18n = createInstance();
  void i18n.init({ resources, lng: language, interpolation: { escapeValue: false }, initAsync: false });
  return i18n;
}

describe('device and method labels', () => {
  const ja = i18nIn('ja');
  const en = i18nIn('en');

  it('names a device by browser and system, or by what is known', () => {
    expect(deviceLabel(ja.t, { browser: 'Chrome', os: 'Windows 10', kind: 'DESKTOP' })).toBe('Chrome（Windows 10）');
    expect(deviceLabel(en.t, { browser: 'Chrome', os: 'Windows 10', kind: 'DESKTOP' })).toBe('Chrome (Windows 10)');
    expect(deviceLabel(en.t, { browser: null, os: 'iOS 17.0', kind: 'MOBILE' })).toBe('iOS 17.0');
    expect(deviceLabel(ja.t, null)).toBe('不明な端末');
    expect(deviceKindLabel(ja.t, { browser: null, os: 'iOS', kind: 'MOBILE' })).toBe('スマートフォン');
    expect(deviceKindLabel(en.t, null)).toBeNull();
  });

  it.each(supportedLanguages)('labels the recorded methods in %s and shows an unknown one as recorded', (language) => {
    const i18n = i18nIn(language);
    for (const method of ['PASSWORD', 'TOTP', 'PASSKEY', 'RECOVERY_CODE']) {
      expect(methodLabel(i18n, method)).not.toBe(method);
    }
    expect(methodLabel(i18n, 'CARRIER_PIGEON')).toBe('CARRIER_PIGEON');
    expect(methodLabel(i18n, null)).toBe('—');
  });
});
