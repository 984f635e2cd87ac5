// The disclosure (開示) as a PDF a person can read: plain headings in their language, every
// category with a clear "nothing held" where empty, then consents, third-party provisions, who
// looked at the record and what was corrected. Internal ids are left out except the consent
// reference, which the person may need to quote when revoking. Fonts, page set-up and page
// numbers are core/pdf's.
import { PERSONAL_DATA_CATEGORIES, type Language, type LocalizedText, type PersonalDataCategory } from '@tsunagu/domain';
import { numberPages, startPdf } from '../../core/pdf/pdf-document';
import {
  EMPTY_MARK,
  categoryLabel,
  categoryLabels,
  consentMethodLabel,
  consentStateLabel,
  fieldLabel,
  formatFieldValue,
  listSeparator,
  organizationKindLabel,
  orderedFields,
  personStatusLabel,
  purposeLabel,
  tokyoDateTime,
  type DisclosureDocument,
} from './disclosure-document';

const T = {
  title: { ja: '保有個人データの開示', en: 'Disclosure of the personal data we hold about you' },
  intro: {
    ja: 'ご本人の請求に基づき、当ネットワークで保有しているあなたの個人データと、その提供・閲覧・訂正の記録をすべてお示しします。',
    en: 'At your request, this document shows all personal data held about you in this network, and the records of its provision, viewing and correction.',
  },
  pseudonym: { ja: '仮名ID', en: 'Pseudonymous ID' },
  owner: { ja: '管理している団体', en: 'Organisation holding your record' },
  status: { ja: '利用の状況', en: 'Status of use' },
  createdAt: { ja: '登録日時', en: 'Registered on' },
  generatedAt: { ja: '作成日時', en: 'Produced on' },
  timeNote: { ja: '日時はすべて日本時間です。', en: 'All times are Japan Standard Time (JST).' },
  dataSection: { ja: '1. 保有している個人データ', en: '1. Personal data held' },
  nothingHeld: { ja: 'この区分の情報は保有していません。', en: 'We hold no information in this category.' },
  consentSection: { ja: '2. あなたが同意した第三者提供', en: '2. Your consents to sharing' },
  consentReference: { ja: '同意の参照番号', en: 'Consent reference' },
  consentState: { ja: '状態', en: 'State' },
  consentCategories: { ja: '対象の情報', en: 'Data covered' },
  consentPurposes: { ja: '利用目的', en: 'Purposes' },
  consentRecipients: { ja: '提供先', en: 'Recipients' },
  consentPeriod: { ja: '有効期間', en: 'Valid' },
  openEnded: { ja: '期限なし', en: 'no end date' },
  consentMethod: { ja: '同意の方法', en: 'How consent was given' },
  obtainedBy: { ja: '同意を受けた担当者', en: 'Recorded by' },
  obtainedAt: { ja: '同意を受けた日時', en: 'Recorded on' },
  evidenceNote: { ja: '記録・備考', en: 'Note' },
  revokedAt: { ja: '撤回日時', en: 'Revoked on' },
  revocationReason: { ja: '撤回の理由', en: 'Reason for revoking' },
  provisionSection: { ja: '3. 第三者への提供の記録', en: '3. Records of sharing with other organisations' },
  providedAt: { ja: '提供日時', en: 'Shared on' },
  provider: { ja: '提供した団体', en: 'Shared by' },
  recipient: { ja: '提供を受けた団体', en: 'Shared with' },
  categories: { ja: '提供した情報', en: 'Data shared' },
  purpose: { ja: '目的', en: 'Purpose' },
  noConsentReference: { ja: '（同意によらない提供）', en: '(not based on a consent)' },
  accessSection: { ja: '4. 閲覧の記録', en: '4. Who viewed your data' },
  accessedAt: { ja: '閲覧日時', en: 'Viewed on' },
  accessOrganization: { ja: '団体', en: 'Organisation' },
  accessUser: { ja: '閲覧した人', en: 'Viewed by' },
  accessCategories: { ja: '閲覧した情報', en: 'Data viewed' },
  noPurpose: { ja: '（目的の記録なし）', en: '(no purpose recorded)' },
  correctionSection: { ja: '5. 訂正の記録', en: '5. Corrections' },
  correctedAt: { ja: '訂正日時', en: 'Corrected on' },
  correctedBy: { ja: '訂正した人', en: 'Corrected by' },
  correctedFields: { ja: '訂正した項目', en: 'Items corrected' },
  correctionReason: { ja: '理由', en: 'Reason' },
  noRecords: { ja: '記録はありません。', en: 'There are no records.' },
  page: { ja: 'ページ', en: 'Page' },
} satisfies Record<string, LocalizedText>;

const COLORS = { text: '#000000', label: '#555555', rule: '#bbbbbb', muted: '#666666' };
const SIZES = { title: 18, section: 13, subsection: 11, body: 10, footer: 8 };
const LABEL_WIDTH = 150;
const GAP = 10;

export async function renderDisclosurePdf(doc: DisclosureDocument): Promise<Buffer> {
  const language = doc.language;
  const t = (text: LocalizedText) => text[language];
  const { pdf, finish } = startPdf({
    title: t(T.title),
    lang: language === 'ja' ? 'ja-JP' : 'en-GB',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
  });

  const left = pdf.page.margins.left;
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  let pageNumber = 1;
  pdf.on('pageAdded', () => {
    pageNumber += 1;
  });

  const ensureSpace = (height: number) => {
    if (pdf.y + height > bottom()) pdf.addPage();
  };
  const heading = (text: string) => {
    pdf.moveDown(0.8);
    ensureSpace(60);
    pdf.font('bold').fontSize(SIZES.section).fillColor(COLORS.text).text(text, left, pdf.y, { width });
    const y = pdf.y + 2;
    pdf.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    pdf.y = y + 6;
  };
  const subheading = (text: string) => {
    pdf.moveDown(0.4);
    ensureSpace(40);
    pdf.font('bold').fontSize(SIZES.subsection).fillColor(COLORS.text).text(text, left, pdf.y, { width });
    pdf.moveDown(0.2);
  };
  const paragraph = (text: string, color = COLORS.text) => {
    pdf.font('regular').fontSize(SIZES.body).fillColor(color).text(text, left, pdf.y, { width });
  };
  /** A "label  value" line: label in a narrow column, the value wrapping beside it. */
  const row = (label: string, value: string) => {
    pdf.font('regular').fontSize(SIZES.body);
    const valueWidth = width - LABEL_WIDTH - GAP;
    const labelHeight = pdf.heightOfString(label, { width: LABEL_WIDTH });
    const valueHeight = pdf.heightOfString(value, { width: valueWidth });
    ensureSpace(Math.min(Math.max(labelHeight, valueHeight), 3 * SIZES.body * 1.4));
    const top = pdf.y;
    const startPage = pageNumber;
    pdf.fillColor(COLORS.label).text(label, left, top, { width: LABEL_WIDTH });
    const labelBottom = pdf.y;
    pdf.fillColor(COLORS.text).text(value, left + LABEL_WIDTH + GAP, top, { width: valueWidth });
    // A value longer than the page flows on; only on the same page can the label be taller.
    pdf.x = left;
    pdf.y = (pageNumber === startPage ? Math.max(pdf.y, labelBottom) : pdf.y) + 3;
  };
  /** One record of a list (a consent, a provision …): its rows, then a thin gap. */
  const record = (rows: Array<[LocalizedText, string]>) => {
    ensureSpace(rows.length * SIZES.body * 1.6);
    for (const [label, value] of rows) row(t(label), value);
    pdf.moveDown(0.6);
  };
  /** A numbered section listing records (consents, provisions …), or saying there are none. */
  const listSection = <Item>(title: LocalizedText, items: readonly Item[], rowsOf: (item: Item) => Array<[LocalizedText, string]>) => {
    heading(t(title));
    if (items.length === 0) paragraph(t(T.noRecords), COLORS.muted);
    for (const item of items) record(rowsOf(item));
  };
  const orEmpty = (value: string | null | undefined) => (value ? value : EMPTY_MARK);
  const time = (iso: string | null) => (iso ? tokyoDateTime(iso) : EMPTY_MARK);
  const join = (items: readonly string[]) => (items.length ? items.join(listSeparator(language)) : EMPTY_MARK);

  // --- title and header ---------------------------------------------------------------------
  pdf.font('bold').fontSize(SIZES.title).fillColor(COLORS.text).text(t(T.title), left, pdf.y, { width });
  pdf.moveDown(0.6);
  row(t(T.pseudonym), doc.person.pseudonym);
  row(t(T.owner), doc.person.ownerOrganizationName);
  row(t(T.status), personStatusLabel(doc.person.status, language));
  row(t(T.createdAt), time(doc.person.createdAt));
  row(t(T.generatedAt), time(doc.generatedAt));
  pdf.moveDown(0.5);
  paragraph(t(T.intro));
  paragraph(t(T.timeNote), COLORS.muted);

  // --- 1. the data, category by category -----------------------------------------------------
  heading(t(T.dataSection));
  for (const { category, values } of doc.categories) {
    subheading(categoryLabel(category, language));
    const fields = values ? orderedFields(category, values) : [];
    if (!values || fields.every((field) => formatFieldValue(field, values[field], language) === EMPTY_MARK)) {
      paragraph(t(T.nothingHeld), COLORS.muted);
      continue;
    }
    for (const field of fields) {
      row(fieldLabel(category, field, language), formatFieldValue(field, values[field], language));
    }
  }

  // --- 2. consents -------------------------------------------------------------------------------
  listSection(T.consentSection, doc.consents, (consent) => {
    const recipients = [
      ...consent.recipientOrganizationNames,
      ...consent.recipientKinds.map((kind) => organizationKindLabel(kind, language)),
    ];
    const rows: Array<[LocalizedText, string]> = [
      [T.consentReference, consent.id],
      [T.consentState, consentStateLabel(consent.state, language)],
      [T.consentCategories, categoryLabels(consent.categories, language) || EMPTY_MARK],
      [T.consentPurposes, join(consent.purposes.map((purpose) => purposeLabel(purpose, language)))],
      [T.consentRecipients, join(recipients)],
      [T.consentPeriod, `${time(consent.validFrom)} 〜 ${consent.validUntil ? time(consent.validUntil) : t(T.openEnded)}`],
      [T.consentMethod, consentMethodLabel(consent.method, language)],
      [T.obtainedBy, orEmpty(consent.obtainedByName)],
      [T.obtainedAt, time(consent.obtainedAt)],
      [T.evidenceNote, orEmpty(consent.evidenceNote)],
    ];
    if (consent.revokedAt) {
      rows.push([T.revokedAt, time(consent.revokedAt)], [T.revocationReason, orEmpty(consent.revocationReason)]);
    }
    return rows;
  });

  // --- 3. third-party provisions ------------------------------------------------------------------
  listSection(T.provisionSection, doc.provisions, (provision) => [
    [T.providedAt, time(provision.providedAt)],
    [T.provider, provision.providerOrganizationName],
    [T.recipient, provision.recipientOrganizationName],
    [T.categories, categoryLabels(provision.categories, language) || EMPTY_MARK],
    [T.purpose, purposeLabel(provision.purpose, language)],
    [T.consentReference, provision.consentId ?? t(T.noConsentReference)],
  ]);

  // --- 4. access log -----------------------------------------------------------------------------
  listSection(T.accessSection, doc.accessLog, (access) => [
    [T.accessedAt, time(access.accessedAt)],
    [T.accessOrganization, access.organizationName],
    [T.accessUser, access.userName],
    [T.accessCategories, categoryLabels(access.categories, language) || EMPTY_MARK],
    [T.purpose, access.purpose ? purposeLabel(access.purpose, language) : t(T.noPurpose)],
  ]);

  // --- 5. corrections ------------------------------------------------------------------------------
  listSection(T.correctionSection, doc.corrections, (correction) => [
    [T.correctedAt, time(correction.correctedAt)],
    [T.correctedBy, correction.byName],
    [T.correctedFields, join(correction.fields.map((field) => correctedFieldLabel(field, language)))],
    [T.correctionReason, orEmpty(correction.reason)],
  ]);

  // --- footer: "pseudonym · page n / N" on every page ---------------------------------------------
  numberPages(pdf, (page, count) => `${t(T.title)} — ${doc.person.pseudonym} — ${t(T.page)} ${page} / ${count}`, {
    size: SIZES.footer,
    color: COLORS.muted,
  });

  return finish();
}

/** A corrected field, stored as `contact.phone` (or just a category), reads as its labels. */
function correctedFieldLabel(field: string, language: Language): string {
  const [prefix, key] = field.split('.', 2);
  const category = prefix.toUpperCase();
  if (!isCategory(category)) return field;
  if (!key) return categoryLabel(category, language);
  return `${categoryLabel(category, language)}${language === 'ja' ? '：' : ': '}${fieldLabel(category, key, language)}`;
}

function isCategory(value: string): value is PersonalDataCategory {
  return (PERSONAL_DATA_CATEGORIES.codes as readonly string[]).includes(value);
}
