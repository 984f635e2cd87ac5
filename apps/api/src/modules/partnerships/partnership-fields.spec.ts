// The API's side of the partnership and interaction rules: GraphQL input goes through the shared
// schemas and comes back normalised, or refused as BAD_USER_INPUT under the stable reason clients
// rely on, naming every faulty field. The rules and their messages themselves are specified where
// they live: libs/domain/src/lib/validation/partnerships.spec.ts.
import { AppError } from '../../core/graphql/app-error';
import type { InteractionInput, PartnershipInput } from './dto/partnerships.input';
import { validateInteractionFields, validatePartnershipFields } from './partnership-fields';

function problemOf(work: () => unknown): { code: unknown; reason: unknown; fields: string[] } {
  try {
    work();
  } catch (error) {
    const extensions = (error as AppError).extensions;
    return { code: extensions['code'], reason: extensions['reason'], fields: Object.keys((extensions['fields'] as object) ?? {}).sort() };
  }
  throw new Error('Expected a refusal');
}

const partnership: PartnershipInput = {
  partnerOrganizationId: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7e12',
  type: 'CONTRACT',
  title: '  見守り訪問の委託 ',
  description: null,
  startsOn: '2026-04-01',
  endsOn: '2027-03-31',
  reviewOn: null,
  budgetYen: null,
  contacts: null,
};
const interaction: InteractionInput = { kind: 'MEETING', occurredOn: '2026-11-20', attendees: null, notes: ' 議事 ', followUps: null };

it('answers a partnership normalised, or refused under INVALID_PARTNERSHIP naming every faulty field', () => {
  expect(validatePartnershipFields(partnership)).toMatchObject({ title: '見守り訪問の委託', description: '' });
  expect(problemOf(() => validatePartnershipFields({ ...partnership, title: ' ', endsOn: '2026-03-31' }))).toEqual({
    code: 'BAD_USER_INPUT',
    reason: 'INVALID_PARTNERSHIP',
    fields: ['endsOn', 'title'],
  });
});

it('answers an interaction normalised, or refused under INVALID_INTERACTION naming every faulty field', () => {
  expect(validateInteractionFields(interaction)).toMatchObject({ notes: '議事', followUps: null });
  expect(problemOf(() => validateInteractionFields({ ...interaction, occurredOn: '2026-02-29', followUps: [{ description: '', dueOn: 'x' }] }))).toEqual({
    code: 'BAD_USER_INPUT',
    reason: 'INVALID_INTERACTION',
    fields: ['followUps.0.description', 'followUps.0.dueOn', 'occurredOn'],
  });
});
