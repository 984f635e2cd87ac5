// Every entity and action the API can write to the audit log (listed in libs/domain, which the
// API's audit-vocabulary.spec checks against its sources) reads as words in ja and en, and codes
// nobody labelled fall back to themselves.
import { AUDIT_ACTIONS, AUDIT_ENTITIES, AUDIT_STATUS_ACTIONS } from '@tsunagu/domain';
import { createInstance, type i18n as I18n } from 'i18next';
import { resources, supportedLanguages, type SupportedLanguage } from '../../app/i18n/resources';
import { auditActionLabel, auditEntityLabel, auditFieldLabel } from './audit-labels';

function i18nIn(language: SupportedLanguage): I18n {
  const i18n = createInstance();
  void i18n.init({ resources, lng: language, interpolation: { escapeValue: false }, initAsync: false });
  return i18n;
}

describe.each(supportedLanguages)('the audit log in %s', (language) => {
  const i18n = i18nIn(language);

  it.each(AUDIT_ENTITIES)('labels the entity %s', (entity) => {
    expect(i18n.exists(`audit.entity.${entity}`)).toBe(true);
    expect(auditEntityLabel(i18n, entity)).toBe(i18n.t(`audit.entity.${entity}`));
  });

  it.each(AUDIT_ACTIONS.filter((action) => action !== 'KIND_CHANGED'))('labels the action %s', (action) => {
    expect(i18n.exists(`audit.action.${action}`)).toBe(true);
    expect(auditActionLabel(i18n, 'Referral', action)).not.toMatch(/^[A-Z_]+$/);
  });

  it.each([...AUDIT_STATUS_ACTIONS])('labels the status move %s with the status in words', (action) => {
    const entity = action === 'STATUS_ACTIVE' || action === 'STATUS_PROPOSED' || action === 'STATUS_UNDER_REVIEW' || action === 'STATUS_ENDED' ? 'Partnership' : 'Referral';
    const label = auditActionLabel(i18n, entity, action);
    expect(label).not.toContain('STATUS');
    expect(label).not.toContain(action.slice('STATUS_'.length));
  });

  it('labels a kind change with both kinds', () => {
    const label = auditActionLabel(i18n, 'Organization', 'KIND_CHANGED:NPO:MUNICIPALITY');
    expect(label).toContain(`${i18n.t('organizationKind.NPO')} → ${i18n.t('organizationKind.MUNICIPALITY')}`);
  });

  it('labels changed fields from the audit table, the entity form and the data categories', () => {
    expect(auditFieldLabel(i18n, 'Grant', 'amountMax')).toBe(i18n.t('grants.fields.amountMax'));
    expect(auditFieldLabel(i18n, 'Grant', 'detailsHtml')).toBe(language === 'ja' ? '詳細' : 'Details');
    expect(auditFieldLabel(i18n, 'Person', 'IDENTITY')).not.toBe('IDENTITY');
    expect(auditFieldLabel(i18n, 'Partnership', 'followUps')).toBe(language === 'ja' ? '対応事項' : 'Follow-ups');
  });

  it('shows a code nobody labelled as recorded instead of failing', () => {
    expect(auditEntityLabel(i18n, 'Spaceship')).toBe('Spaceship');
    expect(auditActionLabel(i18n, 'Referral', 'LAUNCHED')).toBe('LAUNCHED');
    expect(auditActionLabel(i18n, 'Referral', 'STATUS_ORBITING')).toBe('STATUS_ORBITING');
    expect(auditActionLabel(i18n, 'Organization', 'KIND_CHANGED:X:Y')).toBe('KIND_CHANGED:X:Y');
    expect(auditFieldLabel(i18n, 'Grant', 'warpFactor')).toBe('warpFactor');
  });
});
