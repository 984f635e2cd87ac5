import { base64ByteLength, CONSENT_MESSAGES, consentInputSchema, consentRevocationSchema, MAX_EVIDENCE_BYTES } from './consents';
import { checkInput, inputProblems, localizedMessage } from './kit';

const ORGANIZATION = '11111111-2222-4333-8444-555555555555';
const FROM = new Date('2026-04-01T00:00:00Z');
const UNTIL = new Date('2027-04-01T00:00:00Z');
const valid = {
  personId: 'person',
  categories: ['CONTACT', 'IDENTITY', 'NOPE', 'IDENTITY'],
  purposes: ['REFERRAL'],
  recipientOrganizationIds: [ORGANIZATION, ORGANIZATION],
  recipientKinds: ['OTHER', 'NPO'],
  validFrom: FROM,
  validUntil: UNTIL,
  method: 'WRITTEN',
  evidenceNote: '  同意書に署名  ',
  evidenceFile: { fileName: ' scan.pdf ', mediaType: '', contentBase64: 'JVBERi0=' },
};

const problems = (change: object) => inputProblems(consentInputSchema, { ...valid, ...change });

describe('consent input', () => {
  it('normalises codes to their vocabulary order, de-duplicates recipients and trims the texts', () => {
    expect(checkInput(consentInputSchema, valid)).toEqual({
      ok: true,
      value: {
        personId: 'person',
        categories: ['IDENTITY', 'CONTACT'],
        purposes: ['REFERRAL'],
        recipientOrganizationIds: [ORGANIZATION],
        recipientKinds: ['NPO', 'OTHER'],
        validFrom: FROM,
        validUntil: UNTIL,
        method: 'WRITTEN',
        obtainedByMembershipId: null,
        obtainedAt: null,
        evidenceNote: '同意書に署名',
        evidenceFile: { fileName: 'scan.pdf', mediaType: 'application/octet-stream', contentBase64: 'JVBERi0=' },
        specialCareExplained: false,
        supersedesId: null,
      },
    });
  });

  it('takes an explained special-care consent, and recipients given by kind only', () => {
    expect(problems({ categories: ['HEALTH', 'LEGAL'], specialCareExplained: true, recipientOrganizationIds: [], evidenceNote: ' ', evidenceFile: null, validUntil: null })).toEqual({});
  });

  it.each([
    [{ categories: ['NOPE'] }, 'categories', CONSENT_MESSAGES.categories],
    [{ categories: ['IDENTITY', 'HEALTH'], specialCareExplained: true }, 'categories', CONSENT_MESSAGES.specialCareApart],
    [{ categories: ['HEALTH'] }, 'specialCareExplained', CONSENT_MESSAGES.specialCareExplained],
    [{ purposes: [] }, 'purposes', CONSENT_MESSAGES.purposes],
    [{ recipientOrganizationIds: ['not-an-id'] }, 'recipientOrganizationIds', CONSENT_MESSAGES.recipientOrganizations],
    [{ recipientOrganizationIds: [], recipientKinds: [] }, 'recipientOrganizationIds', CONSENT_MESSAGES.recipients],
    [{ validFrom: null }, 'validFrom', CONSENT_MESSAGES.validFrom],
    [{ validUntil: FROM }, 'validUntil', CONSENT_MESSAGES.validUntil],
    [{ method: 'EMAIL' }, 'method', CONSENT_MESSAGES.method],
    [{ evidenceNote: 'x'.repeat(2001) }, 'evidenceNote', CONSENT_MESSAGES.evidenceNote],
    [{ evidenceFile: { fileName: ' ', mediaType: 'application/pdf', contentBase64: 'JVBERi0=' } }, 'evidenceFile', CONSENT_MESSAGES.evidenceFile],
    [{ evidenceFile: { fileName: 'empty.pdf', mediaType: 'application/pdf', contentBase64: '' } }, 'evidenceFile', CONSENT_MESSAGES.evidenceFile],
    [{ evidenceFile: { fileName: 'big.pdf', mediaType: 'application/pdf', contentBase64: 'A'.repeat(((MAX_EVIDENCE_BYTES + 3) / 3) * 4) } }, 'evidenceFile', CONSENT_MESSAGES.evidenceFile],
  ])('reports a faulty field (case %#)', (input, field, message) => {
    expect(problems(input)).toEqual({ [field]: localizedMessage(message) });
  });

  it('says each problem in both languages', () => {
    expect(problems({ categories: [], purposes: [] })).toEqual({
      categories: { ja: '同意する項目を1つ以上選んでください。', en: 'Choose at least one category.' },
      purposes: { ja: '利用目的を1つ以上選んでください。', en: 'Choose at least one purpose.' },
    });
    expect(problems({ categories: ['DISABILITY'] })).toEqual({
      specialCareExplained: { ja: '本人への説明を確認してください。', en: 'Confirm that the person was told.' },
    });
  });

  it('counts the bytes of base64 content as the API decodes it', () => {
    expect(base64ByteLength('')).toBe(0);
    expect(base64ByteLength('JVBERi0=')).toBe(5);
    expect(base64ByteLength('JVBE\nRi0x')).toBe(6);
    expect(base64ByteLength(Buffer.from('x'.repeat(MAX_EVIDENCE_BYTES)).toString('base64'))).toBe(MAX_EVIDENCE_BYTES);
  });
});

describe('consent revocation', () => {
  it('takes a trimmed reason of 1 to 1,000 characters', () => {
    expect(checkInput(consentRevocationSchema, { reason: ' 本人から撤回の申し出 ' })).toEqual({ ok: true, value: { reason: '本人から撤回の申し出' } });
    const message = { ja: '撤回の理由を1〜1000文字で入力してください。', en: 'Give the reason for the revocation (1 to 1,000 characters).' };
    expect(checkInput(consentRevocationSchema, { reason: '  ' })).toEqual({ ok: false, problems: { reason: message } });
    expect(checkInput(consentRevocationSchema, { reason: 'x'.repeat(1001) })).toEqual({ ok: false, problems: { reason: message } });
  });
});
