// Labels of the fields inside each category of a person's data (libs/domain people.ts), in
// Japanese and English. Shared by the API (disclosure document, PDF) and the web (forms, cards),
// so a field is called the same everywhere the person or a staff member reads it.
import type { LocalizedText } from './error-codes';
import type { PersonalDataCategory, PersonValues } from './people';

export const PERSONAL_DATA_FIELD_LABELS = {
  IDENTITY: {
    familyName: { ja: '姓', en: 'Family name' },
    givenName: { ja: '名', en: 'Given name' },
    familyNameKana: { ja: '姓（ふりがな）', en: 'Family name (kana)' },
    givenNameKana: { ja: '名（ふりがな）', en: 'Given name (kana)' },
    birthDate: { ja: '生年月日', en: 'Date of birth' },
    gender: { ja: '性別', en: 'Gender' },
  },
  CONTACT: {
    phone: { ja: '電話番号', en: 'Phone' },
    email: { ja: 'メールアドレス', en: 'Email' },
    postalCode: { ja: '郵便番号', en: 'Postal code' },
    address: { ja: '住所', en: 'Address' },
    municipalityCode: { ja: '市区町村', en: 'Municipality' },
    preferredChannel: { ja: '希望する連絡方法', en: 'Preferred way to be contacted' },
    notes: { ja: '連絡に関するメモ', en: 'Notes on contact' },
  },
  HOUSEHOLD: {
    livingSituation: { ja: '住まいの状況', en: 'Living situation' },
    householdSize: { ja: '世帯人数', en: 'Household size' },
    dependents: { ja: '扶養している家族', en: 'Dependants' },
    notes: { ja: '世帯に関するメモ', en: 'Notes on the household' },
  },
  HEALTH: {
    conditions: { ja: '病気・症状', en: 'Conditions' },
    medications: { ja: '服薬', en: 'Medication' },
    medicalInstitution: { ja: 'かかりつけ医療機関', en: 'Medical institution' },
    notes: { ja: '健康に関するメモ', en: 'Notes on health' },
  },
  DISABILITY: {
    certificate: { ja: '障害者手帳', en: 'Disability certificate' },
    grade: { ja: '等級', en: 'Grade' },
    notes: { ja: '障害に関するメモ', en: 'Notes on disability' },
  },
  FINANCIAL: {
    incomeSources: { ja: '収入源', en: 'Sources of income' },
    receivesPublicAssistance: { ja: '生活保護の受給', en: 'Receives public assistance' },
    hasDebt: { ja: '借金の有無', en: 'Has debts' },
    notes: { ja: '家計に関するメモ', en: 'Notes on finances' },
  },
  LEGAL: {
    criminalRecord: { ja: '犯罪歴', en: 'Criminal record' },
    victimisation: { ja: '被害歴', en: 'Experience of being a victim' },
    protectionOrder: { ja: '保護命令の有無', en: 'Protection order' },
    notes: { ja: '法的事項に関するメモ', en: 'Notes on legal matters' },
  },
  CONSULTATION: {
    needs: { ja: '相談したいこと', en: 'Needs' },
    summary: { ja: '相談の概要', en: 'Summary' },
    notes: { ja: '相談メモ', en: 'Notes' },
  },
} as const satisfies {
  // Exactly the value keys of each category (IdentityValues … ConsultationValues): a field added
  // to one of those interfaces without a label here, or a label for no field, is a type error.
  [C in PersonalDataCategory]: Record<keyof NonNullable<PersonValues[C]>, LocalizedText>;
};
