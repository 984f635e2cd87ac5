// The partnership and interaction rules a person meets as messages: every faulty field at once,
// under a stable reason, with real calendar dates and Japan's today.
import { AppError } from '../../core/graphql/app-error';
import type { InteractionInput, PartnershipInput } from './dto/partnerships.input';
import { validateInteractionFields, validatePartnershipFields } from './partnership-fields';

function problemOf(work: () => unknown): { reason: unknown; fields: string[] } {
  try {
    work();
  } catch (error) {
    const extensions = (error as AppError).extensions;
    return { reason: extensions['reason'], fields: Object.keys((extensions['fields'] as object) ?? {}).sort() };
  }
  throw new Error('Expected a refusal');
}

const valid: PartnershipInput = {
  partnerOrganizationId: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7e12',
  type: 'CONTRACT',
  title: '  見守り訪問の委託 ',
  description: null,
  startsOn: '2026-04-01',
  endsOn: '2027-03-31',
  reviewOn: ' ',
  budgetYen: 0,
  contacts: null,
};

it('normalises a valid partnership: trimmed, blanks as null, contacts kept only when given', () => {
  expect(validatePartnershipFields(valid)).toEqual({
    partnerOrganizationId: valid.partnerOrganizationId,
    type: 'CONTRACT',
    title: '見守り訪問の委託',
    description: '',
    startsOn: '2026-04-01',
    endsOn: '2027-03-31',
    reviewOn: null,
    budgetYen: 0,
    contacts: null,
  });
  const withContacts = validatePartnershipFields({
    ...valid,
    contacts: [{ side: 'PARTNER', name: ' 田中 ', jobTitle: ' ', email: ' tanaka@example.jp ', phone: '+81 (3) 1234-5678' }],
  });
  expect(withContacts.contacts).toEqual([{ side: 'PARTNER', name: '田中', jobTitle: null, email: 'tanaka@example.jp', phone: '+81 (3) 1234-5678' }]);
  expect(validatePartnershipFields({ ...valid, contacts: [] }).contacts).toEqual([]);
});

it('names every faulty partnership field under INVALID_PARTNERSHIP', () => {
  expect(
    problemOf(() =>
      validatePartnershipFields({
        ...valid,
        title: 'x'.repeat(201),
        description: 'x'.repeat(4001),
        startsOn: '2026-10-01',
        endsOn: '2026-09-30',
        reviewOn: '2026-02-30',
        budgetYen: 1.5,
        contacts: [{ side: 'PARTNER', name: ' ', email: 'a@b', phone: '12345' }],
      }),
    ),
  ).toEqual({ reason: 'INVALID_PARTNERSHIP', fields: ['budgetYen', 'contacts.0.email', 'contacts.0.name', 'contacts.0.phone', 'description', 'endsOn', 'reviewOn', 'title'] });
  expect(problemOf(() => validatePartnershipFields({ ...valid, budgetYen: -1 })).fields).toEqual(['budgetYen']);
  expect(problemOf(() => validatePartnershipFields({ ...valid, budgetYen: 1_000_000_000_001 })).fields).toEqual(['budgetYen']);
  const many = Array.from({ length: 21 }, () => ({ side: 'PARTNER' as const, name: '担当' }));
  expect(problemOf(() => validatePartnershipFields({ ...valid, contacts: many })).fields).toEqual(['contacts']);
});

it('checks interactions and their follow-ups under INVALID_INTERACTION', () => {
  const input: InteractionInput = { kind: 'MEETING', occurredOn: '2026-11-20', attendees: null, notes: ' 議事 ', followUps: [{ description: ' 資料送付 ', dueOn: '2026-11-27' }] };
  expect(validateInteractionFields(input)).toEqual({
    kind: 'MEETING',
    occurredOn: '2026-11-20',
    attendees: '',
    notes: '議事',
    followUps: [{ id: null, description: '資料送付', dueOn: '2026-11-27', assigneeMembershipId: null }],
  });
  expect(validateInteractionFields({ ...input, followUps: null }).followUps).toBeNull();
  expect(
    problemOf(() =>
      validateInteractionFields({ kind: 'MEETING', occurredOn: '2026-02-29', attendees: 'x'.repeat(1001), notes: 'x'.repeat(8001), followUps: [{ description: '', dueOn: 'x' }] }),
    ),
  ).toEqual({ reason: 'INVALID_INTERACTION', fields: ['attendees', 'followUps.0.description', 'followUps.0.dueOn', 'notes', 'occurredOn'] });
  const many = Array.from({ length: 21 }, () => ({ description: '対応', dueOn: '2026-12-01' }));
  expect(problemOf(() => validateInteractionFields({ ...input, followUps: many })).fields).toEqual(['followUps']);
});
