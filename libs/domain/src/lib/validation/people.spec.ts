import { checkInput, inputProblems, localizedMessage } from './kit';
import { correctionReason, erasureConfirmationSchema, PERSON_MESSAGES, personInputSchema, REASON_MESSAGES, reasonText } from './people';
import { z } from 'zod';

const TODAY = new Date('2026-04-01T00:00:00Z');
const schema = personInputSchema(TODAY);
const identity = { familyName: ' 山田 ', givenName: '花子', familyNameKana: 'やまだ', givenNameKana: 'ハナコ', birthDate: ' ', gender: null };

const problems = (input: Record<string, unknown>) => inputProblems(schema, input);

describe('person input', () => {
  it('takes a postcode, phone number and municipality code typed in full width, and stores them in ASCII', () => {
    const checked = checkInput(schema, { identity, contact: { postalCode: '１０４－００６１', phone: '０３ー１２３４ー５６７８', municipalityCode: '１３１０２' } });
    expect(checked.ok && checked.value).toMatchObject({
      CONTACT: { postalCode: '104-0061', phone: '03-1234-5678', municipalityCode: '13102' },
    });
  });

  it('normalises the categories given, by stored category, and clears those given as null', () => {
    expect(checkInput(schema, { identity, contact: { phone: ' 03-0000-1234 ', municipalityCode: '131024', email: '' }, health: null, consultation: { needs: ['HOUSING', 'HOUSING'] } })).toEqual({
      ok: true,
      value: {
        IDENTITY: { familyName: '山田', givenName: '花子', familyNameKana: 'やまだ', givenNameKana: 'ハナコ', birthDate: null, gender: null },
        CONTACT: { phone: '03-0000-1234', email: null, postalCode: null, address: null, municipalityCode: '13102', preferredChannel: null, notes: null },
        HEALTH: null,
        CONSULTATION: { needs: ['HOUSING'], summary: null, notes: null },
      },
    });
  });

  it.each([
    [{ identity: null }, 'identity', PERSON_MESSAGES.nameCannotBeCleared],
    [{ identity: { ...identity, familyName: ' ' } }, 'identity.familyName', PERSON_MESSAGES.required(50, '姓', 'family name')],
    [{ identity: { ...identity, givenNameKana: 'Hanako' } }, 'identity.givenNameKana', PERSON_MESSAGES.kana],
    [{ identity: { ...identity, birthDate: '2026-04-02' } }, 'identity.birthDate', PERSON_MESSAGES.birthDate],
    [{ identity: { ...identity, birthDate: '1899-12-31' } }, 'identity.birthDate', PERSON_MESSAGES.birthDate],
    [{ identity: { ...identity, gender: 'X' } }, 'identity.gender', PERSON_MESSAGES.choose],
    [{ contact: { phone: 'call me' } }, 'contact.phone', PERSON_MESSAGES.phone],
    [{ contact: { email: 'nope' } }, 'contact.email', PERSON_MESSAGES.email],
    [{ contact: { postalCode: '1040' } }, 'contact.postalCode', PERSON_MESSAGES.postalCode],
    [{ contact: { municipalityCode: '99999' } }, 'contact.municipalityCode', PERSON_MESSAGES.municipalityCode],
    [{ contact: { address: 'x'.repeat(301) } }, 'contact.address', PERSON_MESSAGES.tooLong(300)],
    [{ household: { householdSize: 31 } }, 'household.householdSize', PERSON_MESSAGES.householdSize],
    [{ consultation: { needs: ['NOPE'] } }, 'consultation.needs', PERSON_MESSAGES.needs],
  ])('reports a faulty field (case %#)', (input, field, message) => {
    expect(problems(input)).toEqual({ [field]: localizedMessage(message) });
  });

  it('says each problem in both languages', () => {
    expect(problems({ identity: { ...identity, familyName: '', familyNameKana: 'yamada' } })).toEqual({
      'identity.familyName': { ja: '姓を1〜50文字で入力してください。', en: 'Enter the family name (1 to 50 characters).' },
      'identity.familyNameKana': { ja: 'ふりがなは、ひらがなかカタカナで入力してください。', en: 'Write the kana in hiragana or katakana.' },
    });
  });
});

describe('reasons and confirmations', () => {
  it('takes a trimmed reason and names the missing one as the API does', () => {
    expect(checkInput(z.object({ reason: reasonText('ceaseUse') }), { reason: ' 本人の申出 ' })).toEqual({ ok: true, value: { reason: '本人の申出' } });
    expect(checkInput(z.object({ reason: reasonText('revocation') }), { reason: ' ' })).toEqual({ ok: false, problems: { reason: localizedMessage(REASON_MESSAGES.revocation) } });
    expect(problems({ reason: 'x'.repeat(1001) })).toEqual({});
    const correction = personInputSchema(TODAY, { reason: correctionReason });
    expect(checkInput(correction, { identity, reason: '' })).toEqual({ ok: false, problems: { reason: localizedMessage(REASON_MESSAGES.correction) } });
    const checked = checkInput(correction, { identity, reason: ' 誤記 ' });
    expect(checked.ok && checked.value.reason).toBe('誤記');
  });

  it('confirms an erasure only with the pseudonym', () => {
    const schema = erasureConfirmationSchema('P-1234');
    expect(checkInput(schema, { confirmPseudonym: ' P-1234 ' }).ok).toBe(true);
    expect(checkInput(schema, { confirmPseudonym: 'P-1234x' })).toEqual({
      ok: false,
      problems: { confirmPseudonym: { ja: '仮名IDが一致しません。', en: 'The pseudonymous id does not match.' } },
    });
  });
});
