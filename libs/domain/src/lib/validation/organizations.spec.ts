import { checkInput, inputProblems, localizedMessage } from './kit';
import { ORGANIZATION_MESSAGES, organizationInputSchema } from './organizations';

const problems = (input: Record<string, unknown>) => inputProblems(organizationInputSchema, input);

describe('organization input', () => {
  it('normalises what is given and leaves out what is not', () => {
    const checked = checkInput(organizationInputSchema, {
      name: ' つながる会 ',
      nameKana: ' ツナガルカイ ',
      corporateNumber: '',
      municipalityCode: ' 131024 ',
      description: '  ',
      phone: null,
      website: ' https://example.org ',
    });
    expect(checked).toEqual({
      ok: true,
      value: { name: 'つながる会', nameKana: 'ツナガルカイ', corporateNumber: null, municipalityCode: '13102', description: null, phone: null, website: 'https://example.org' },
    });
    expect(checked.ok && Object.keys(checked.value)).not.toContain('email');
  });

  it('takes the numbers as typed with a Japanese IME: full-width digits and dashes, stored in ASCII', () => {
    expect(
      checkInput(organizationInputSchema, {
        corporateNumber: '７０００ー０１２０ー５０００２',
        municipalityCode: '１３１０２',
        postalCode: '１０４－００６１',
        phone: '０３－１２３４－５６７８',
      }),
    ).toEqual({ ok: true, value: { corporateNumber: '7000012050002', municipalityCode: '13102', postalCode: '104-0061', phone: '03-1234-5678' } });
  });

  it.each([
    ['name', { name: ' ' }, ORGANIZATION_MESSAGES.name],
    ['nameKana', { nameKana: 'つながる' }, ORGANIZATION_MESSAGES.nameKana],
    ['corporateNumber', { corporateNumber: '1234567890123' }, ORGANIZATION_MESSAGES.corporateNumber],
    ['municipalityCode', { municipalityCode: '99999' }, ORGANIZATION_MESSAGES.municipalityCode],
    ['description', { description: 'x'.repeat(4001) }, ORGANIZATION_MESSAGES.description],
    ['postalCode', { postalCode: '1040' }, ORGANIZATION_MESSAGES.postalCode],
    ['address', { address: 'x'.repeat(301) }, ORGANIZATION_MESSAGES.address],
    ['website', { website: 'example.org' }, ORGANIZATION_MESSAGES.website],
    ['phone', { phone: 'call me' }, ORGANIZATION_MESSAGES.phone],
    ['email', { email: 'not-an-address' }, ORGANIZATION_MESSAGES.email],
    ['logoUrl', { logoUrl: 'http://example.org/logo.png' }, ORGANIZATION_MESSAGES.logoUrl],
  ])('reports %s (case %#)', (field, input, message) => {
    expect(problems(input)).toEqual({ [field]: localizedMessage(message) });
  });

  it('says each problem in both languages', () => {
    expect(problems({ name: '', email: 'x' })).toEqual({
      name: { ja: '団体名を1〜200文字で入力してください。', en: 'Enter an organisation name of 1 to 200 characters.' },
      email: { ja: 'メールアドレスの形式が正しくありません。', en: 'This is not a valid email address.' },
    });
  });
});
