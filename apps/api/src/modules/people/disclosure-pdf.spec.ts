// The PDF text extraction is shared with the integration tests, which check downloaded PDFs too.
import { pdfText } from '../../../../../tests/support/pdf';
import type { DisclosureDocument } from './disclosure-document';
import { pdfFontPath } from '../../core/pdf/pdf-document';
import { renderDisclosurePdf } from './disclosure-pdf';

function disclosure(overrides: Partial<DisclosureDocument> = {}): DisclosureDocument {
  return {
    generatedAt: '2026-04-01T01:00:00.000Z',
    language: 'ja',
    person: { pseudonym: 'P-7QK2M', status: 'ACTIVE', ownerOrganizationName: 'NPO法人こもれび', createdAt: '2026-01-10T00:00:00.000Z' },
    categories: [
      {
        category: 'IDENTITY',
        values: { familyName: '山田', givenName: '花子', familyNameKana: 'やまだ', givenNameKana: 'はなこ', birthDate: '1990-05-01', gender: 'FEMALE' },
      },
      { category: 'CONTACT', values: { phone: '090-0000-0000', email: null, address: '東京都中央区築地1-1-1', notes: null } },
      { category: 'HOUSEHOLD', values: { livingSituation: 'ALONE', householdSize: 1, dependents: null, notes: null } },
      { category: 'HEALTH', values: null },
      { category: 'DISABILITY', values: null },
      { category: 'FINANCIAL', values: { incomeSources: 'アルバイト', receivesPublicAssistance: false, hasDebt: true, notes: null } },
      { category: 'LEGAL', values: null },
      { category: 'CONSULTATION', values: { needs: ['HOUSING', 'EMPLOYMENT'], summary: '住まいと仕事について相談したい。', notes: null } },
    ],
    consents: [
      {
        id: 'c0a80101-0000-4000-8000-000000000001',
        state: 'ACTIVE',
        categories: ['IDENTITY', 'CONTACT'],
        purposes: ['REFERRAL'],
        recipientOrganizationNames: ['中央区 福祉保健部'],
        recipientKinds: ['SOCIAL_WELFARE_COUNCIL'],
        validFrom: '2026-01-10T00:00:00.000Z',
        validUntil: null,
        method: 'WRITTEN',
        obtainedByName: '佐藤 一郎',
        obtainedAt: '2026-01-10T00:00:00.000Z',
        evidenceNote: '同意書（紙）を事務所で保管',
        revokedAt: null,
        revocationReason: null,
      },
    ],
    provisions: [
      {
        providedAt: '2026-02-01T03:00:00.000Z',
        providerOrganizationName: 'NPO法人こもれび',
        recipientOrganizationName: '中央区 福祉保健部',
        categories: ['IDENTITY', 'CONTACT'],
        purpose: 'REFERRAL',
        consentId: 'c0a80101-0000-4000-8000-000000000001',
      },
    ],
    accessLog: [
      { accessedAt: '2026-02-02T04:00:00.000Z', organizationName: '中央区 福祉保健部', userName: '鈴木 次郎', categories: ['IDENTITY'], purpose: 'REFERRAL' },
    ],
    corrections: [],
    ...overrides,
  };
}

describe('renderDisclosurePdf', () => {
  it('resolves the Japanese font from its npm package', () => {
    expect(pdfFontPath('regular')).toMatch(/NotoSansJP_400Regular\.ttf$/);
  });

  it('renders a PDF with the Japanese font embedded and the Japanese text extractable', async () => {
    const pdf = await renderDisclosurePdf(disclosure());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansJP-Regular/);
    expect(raw).toContain('/FontFile2');
    // Subset, not the 5 MB font file.
    expect(pdf.length).toBeLessThan(400_000);

    const text = await pdfText(pdf);
    expect(text).toContain('保有個人データの開示');
    expect(text).toContain('山田');
    expect(text).toContain('花子');
    expect(text).toContain('P-7QK2M');
    expect(text).toContain('2026-04-01 10:00'); // generatedAt in Japan time
    expect(text).toContain('女性'); // gender code shown as its label
    expect(text).toContain('住まい・就労'); // needs codes as labels
    expect(text).toContain('この区分の情報は保有していません。'); // HEALTH holds nothing
    expect(text).toContain('c0a80101-0000-4000-8000-000000000001'); // the consent reference
    expect(text).toContain('鈴木 次郎');
    expect(text).toContain('記録はありません。'); // no corrections
  });

  it('renders in English with the same data', async () => {
    const pdf = await renderDisclosurePdf(
      disclosure({
        language: 'en',
        corrections: [{ correctedAt: '2026-03-01T00:00:00.000Z', byName: 'Sato', fields: ['contact.phone'], reason: 'Number changed' }],
      }),
    );
    const text = await pdfText(pdf);
    expect(text).toContain('Disclosure of the personal data we hold about you');
    expect(text).toContain('山田');
    expect(text).toContain('We hold no information in this category.');
    expect(text).toContain('Contact details: Phone');
  });
});
