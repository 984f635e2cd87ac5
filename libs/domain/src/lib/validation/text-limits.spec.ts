import { z } from 'zod';
import { courseMaterialInputSchema } from './courses';
import { grantInputSchema } from './grants';
import { organizationInputSchema } from './organizations';
import { interactionInputSchema, partnershipInputSchema } from './partnerships';
import { correctionReason, personInputSchema } from './people';
import { quizInputSchema } from './quizzes';
import { referralMessageSchema } from './referrals';
import { serviceInputSchema } from './services';
import { textLimitAt, withTextLimit } from './text-limits';
import { trainingSessionInputSchema } from './training-sessions';

describe('textLimitAt', () => {
  // [what the field is, its schema, the path a form names it by, the limit the API applies]
  it.each([
    ["a plain string's max, through a trim and a transform", serviceInputSchema, 'name', 200],
    ["a plain string's max, through a trim and a transform", serviceInputSchema, 'description', 8000],
    ["a plain string's max, through a trim and a transform", referralMessageSchema, 'body', 4000],
    ["a plain string's max, through a trim and a transform", grantInputSchema, 'summary', 1000],
    ['a text trimmed or nulled before its length is checked', partnershipInputSchema, 'description', 4000],
    ['a text trimmed or nulled before its length is checked', interactionInputSchema, 'notes', 8000],
    ['a text trimmed or nulled before its length is checked', organizationInputSchema, 'address', 300],
    ['a text trimmed or nulled before its length is checked', organizationInputSchema, 'website', 500],
    ['a text refined again after the text helper', grantInputSchema, 'applicationUrl', 500],
    ['a text refined again after the text helper', trainingSessionInputSchema, 'onlineUrl', 1000],
    ['a text refined again after the text helper', courseMaterialInputSchema, 'url', 1000],
    ["a list item's field, by the item's index", quizInputSchema, 'questions.0.prompt', 1000],
    ["a list item's field, by the item's index", quizInputSchema, 'questions.4.choices.1', 300],
    ["a list item's field, by the item's index", partnershipInputSchema, 'contacts.0.name', 100],
    ["a list item's field, by the item's index", partnershipInputSchema, 'contacts.3.jobTitle', 100],
    ["a list item's field, by the item's index", interactionInputSchema, 'followUps.1.description', 1000],
  ] as const)('reads the limit of %s (row %#)', (_kind, schema, path, limit) => {
    expect(textLimitAt(schema, path)).toBe(limit);
  });

  it.each([
    ['a list without an index', partnershipInputSchema, 'contacts.name'],
    ['a field without a limit', serviceInputSchema, 'categories'],
    ['a field the schema does not have', serviceInputSchema, 'nope'],
    ['a path below a text', serviceInputSchema, 'name.deeper'],
  ] as const)('says nothing for %s', (_kind, schema, path) => {
    expect(textLimitAt(schema, path)).toBeUndefined();
  });

  it("reads the person form's sections and the extras that travel with them", () => {
    const schema = personInputSchema(new Date(), { reason: correctionReason });
    expect(textLimitAt(schema, 'consultation.notes')).toBe(4000);
    expect(textLimitAt(schema, 'health.medicalInstitution')).toBe(300);
    expect(textLimitAt(schema, 'reason')).toBe(1000);
    expect(textLimitAt(schema, 'consultation.needs')).toBeUndefined();
    expect(textLimitAt(schema, 'toString')).toBeUndefined();
  });

  it('prefers the outermost mark, as a wrapper may narrow what it wraps', () => {
    const inner = z.string().max(50);
    expect(textLimitAt(z.object({ note: withTextLimit(inner.optional(), 20) }), 'note')).toBe(20);
    expect(textLimitAt(z.object({ note: inner.nullish() }), 'note')).toBe(50);
  });
});
