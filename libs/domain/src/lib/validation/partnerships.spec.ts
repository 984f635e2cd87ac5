import { checkInput, inputProblems } from './kit';
import { interactionInputSchema, partnershipInputSchema } from './partnerships';

const partnership = {
  partnerOrganizationId: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7e12',
  type: 'CONTRACT',
  title: '  見守り訪問の委託 ',
  description: null,
  startsOn: '2026-04-01',
  endsOn: '2027-03-31',
  reviewOn: ' ',
  budgetYen: 0,
  contacts: [{ side: 'PARTNER', name: ' 田中 ', jobTitle: ' ', email: ' tanaka@example.jp ', phone: '+81 (3) 1234-5678' }],
};
/** What every date field of these inputs says of a malformed or impossible date. */
const NOT_A_DATE = { ja: '日付は「2026-04-01」の形の実在する日付で入力してください。', en: 'Give a real date as YYYY-MM-DD.' };

const interaction = { kind: 'MEETING', occurredOn: ' 2026-11-20 ', attendees: null, notes: ' 議事 ', followUps: [{ description: ' 資料送付 ', dueOn: '2026-11-27', assigneeMembershipId: ' ' }] };

describe('partnershipInputSchema', () => {
  it("stores a contact's phone typed in full width (an IME's digits and dashes) in ASCII", () => {
    const checked = checkInput(partnershipInputSchema, { ...partnership, contacts: [{ ...partnership.contacts[0], phone: '０３−１２３４−５６７８' }] });
    expect(checked.ok && checked.value.contacts?.[0].phone).toBe('03-1234-5678');
  });

  it('normalises a valid partnership and its contacts: trimmed, blanks as null', () => {
    expect(checkInput(partnershipInputSchema, partnership)).toEqual({
      ok: true,
      value: {
        ...partnership,
        title: '見守り訪問の委託',
        description: '',
        reviewOn: null,
        contacts: [{ side: 'PARTNER', name: '田中', jobTitle: null, email: 'tanaka@example.jp', phone: '+81 (3) 1234-5678' }],
      },
    });
    const kept = checkInput(partnershipInputSchema, { ...partnership, contacts: null });
    expect(kept.ok && kept.value.contacts).toBeNull();
    const emptied = checkInput(partnershipInputSchema, { ...partnership, contacts: [] });
    expect(emptied.ok && emptied.value.contacts).toEqual([]);
  });

  it('names every faulty field at once, a contact’s fields as contacts.index.field, in both languages', () => {
    expect(
      inputProblems(partnershipInputSchema, {
        ...partnership,
        type: 'MERGER',
        title: 'x'.repeat(201),
        description: 'x'.repeat(4001),
        startsOn: '2026-10-01',
        endsOn: '2026-09-30',
        reviewOn: '2026-02-30',
        budgetYen: 1.5,
        contacts: [{ side: 'PARTNER', name: ' ', jobTitle: 'x'.repeat(101), email: 'a@b', phone: '12345' }],
      }),
    ).toEqual({
      type: { ja: '連携の種類を一覧から選んでください。', en: 'Choose a partnership type from the list.' },
      title: { ja: '名称を1〜200文字で入力してください。', en: 'Enter a title of 1 to 200 characters.' },
      description: { ja: '内容は4000文字以内にしてください。', en: 'Keep the description within 4,000 characters.' },
      endsOn: { ja: '終了日は開始日以降にしてください。', en: 'The end date must not be before the start date.' },
      reviewOn: NOT_A_DATE,
      budgetYen: { ja: '予算額は0以上の整数（円）で入力してください（1兆円まで）。', en: 'Give the budget as whole yen, 0 or more (at most one trillion).' },
      'contacts.0.name': { ja: '担当者の氏名を1〜100文字で入力してください。', en: "Enter the contact's name (1 to 100 characters)." },
      'contacts.0.jobTitle': { ja: '役職は100文字以内にしてください。', en: 'Keep the job title within 100 characters.' },
      'contacts.0.email': { ja: 'メールアドレスの形が正しくありません（例：tanaka@example.jp）。', en: 'Not an e-mail address (e.g. tanaka@example.jp).' },
      'contacts.0.phone': {
        ja: '電話番号は数字と「-」「+」「()」で6〜20文字にしてください（例：03-1234-5678）。',
        en: 'Give a phone number of 6 to 20 digits, spaces and - + ( ) (e.g. 03-1234-5678).',
      },
    });
  });

  it('names the partner, the type and the title together when an empty form is sent (the form sends no choice as null)', () => {
    const empty = { partnerOrganizationId: '', type: null, title: '', description: '', startsOn: null, endsOn: null, reviewOn: null, budgetYen: null, contacts: [] };
    expect(inputProblems(partnershipInputSchema, empty)).toEqual({
      partnerOrganizationId: { ja: '連携先の団体を選んでください。', en: 'Choose the partner organisation.' },
      type: { ja: '連携の種類を一覧から選んでください。', en: 'Choose a partnership type from the list.' },
      title: { ja: '名称を1〜200文字で入力してください。', en: 'Enter a title of 1 to 200 characters.' },
    });
    expect(Object.keys(inputProblems(partnershipInputSchema, { ...partnership, partnerOrganizationId: '  ' }))).toEqual(['partnerOrganizationId']);
  });

  it('refuses more than 20 contacts as a whole, and budgets below zero or beyond one trillion yen', () => {
    const many = Array.from({ length: 21 }, () => ({ side: 'PARTNER', name: '担当' }));
    expect(inputProblems(partnershipInputSchema, { ...partnership, contacts: many })).toEqual({ contacts: { ja: '担当者は20人までです。', en: 'At most 20 contacts.' } });
    expect(Object.keys(inputProblems(partnershipInputSchema, { ...partnership, budgetYen: -1 }))).toEqual(['budgetYen']);
    expect(Object.keys(inputProblems(partnershipInputSchema, { ...partnership, budgetYen: 1_000_000_000_001 }))).toEqual(['budgetYen']);
    expect(Object.keys(inputProblems(partnershipInputSchema, { ...partnership, startsOn: '2026/04/01' }))).toEqual(['startsOn']);
  });
});

describe('interactionInputSchema', () => {
  it('normalises a valid interaction and its follow-ups, which may be left out', () => {
    expect(checkInput(interactionInputSchema, interaction)).toEqual({
      ok: true,
      value: { kind: 'MEETING', occurredOn: '2026-11-20', attendees: '', notes: '議事', followUps: [{ id: null, description: '資料送付', dueOn: '2026-11-27', assigneeMembershipId: null }] },
    });
    const without = checkInput(interactionInputSchema, { ...interaction, followUps: null });
    expect(without.ok && without.value.followUps).toBeNull();
  });

  it('names every faulty field, a follow-up’s as followUps.index.field', () => {
    expect(
      inputProblems(interactionInputSchema, { kind: 'PARTY', occurredOn: '2026-02-29', attendees: 'x'.repeat(1001), notes: 'x'.repeat(8001), followUps: [{ description: '', dueOn: 'x' }] }),
    ).toEqual({
      kind: { ja: '記録の種類が正しくありません。', en: 'Unknown interaction kind.' },
      occurredOn: NOT_A_DATE,
      attendees: { ja: '出席者は1000文字以内にしてください。', en: 'Keep the attendees within 1,000 characters.' },
      notes: { ja: '内容は8000文字以内にしてください。', en: 'Keep the notes within 8,000 characters.' },
      'followUps.0.description': { ja: '対応事項を1〜1000文字で入力してください。', en: 'Describe the follow-up in 1 to 1,000 characters.' },
      'followUps.0.dueOn': NOT_A_DATE,
    });
    const many = Array.from({ length: 21 }, () => ({ description: '対応', dueOn: '2026-12-01' }));
    expect(inputProblems(interactionInputSchema, { ...interaction, followUps: many })).toEqual({ followUps: { ja: '対応事項は20件までです。', en: 'At most 20 follow-ups.' } });
  });
});
