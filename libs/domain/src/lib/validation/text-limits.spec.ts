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
  it("reads the limit of a plain string's max, through a trim and a transform", () => {
    expect(textLimitAt(serviceInputSchema, 'name')).toBe(200);
    expect(textLimitAt(serviceInputSchema, 'description')).toBe(8000);
    expect(textLimitAt(referralMessageSchema, 'body')).toBe(4000);
    expect(textLimitAt(grantInputSchema, 'summary')).toBe(1000);
  });

  it('reads the limit of texts that are trimmed or nulled before their length is checked', () => {
    expect(textLimitAt(partnershipInputSchema, 'description')).toBe(4000);
    expect(textLimitAt(interactionInputSchema, 'notes')).toBe(8000);
    expect(textLimitAt(organizationInputSchema, 'address')).toBe(300);
    expect(textLimitAt(organizationInputSchema, 'website')).toBe(500);
  });

  it('keeps the limit through refinements added after the text helper', () => {
    expect(textLimitAt(grantInputSchema, 'applicationUrl')).toBe(500);
    expect(textLimitAt(trainingSessionInputSchema, 'onlineUrl')).toBe(1000);
    expect(textLimitAt(courseMaterialInputSchema, 'url')).toBe(1000);
  });

  it("reads the limits of a list item's fields, by the item's index", () => {
    expect(textLimitAt(quizInputSchema, 'questions.0.prompt')).toBe(1000);
    expect(textLimitAt(quizInputSchema, 'questions.4.choices.1')).toBe(300);
    expect(textLimitAt(partnershipInputSchema, 'contacts.0.name')).toBe(100);
    expect(textLimitAt(partnershipInputSchema, 'contacts.3.jobTitle')).toBe(100);
    expect(textLimitAt(interactionInputSchema, 'followUps.1.description')).toBe(1000);
    expect(textLimitAt(partnershipInputSchema, 'contacts.name')).toBeUndefined();
  });

  it("reads the person form's sections and the extras that travel with them", () => {
    const schema = personInputSchema(new Date(), { reason: correctionReason });
    expect(textLimitAt(schema, 'consultation.notes')).toBe(4000);
    expect(textLimitAt(schema, 'health.medicalInstitution')).toBe(300);
    expect(textLimitAt(schema, 'reason')).toBe(1000);
    expect(textLimitAt(schema, 'consultation.needs')).toBeUndefined();
    expect(textLimitAt(schema, 'toString')).toBeUndefined();
  });

  it('says nothing for a field without a limit, or one the schema does not have', () => {
    expect(textLimitAt(serviceInputSchema, 'categories')).toBeUndefined();
    expect(textLimitAt(serviceInputSchema, 'nope')).toBeUndefined();
    expect(textLimitAt(serviceInputSchema, 'name.deeper')).toBeUndefined();
  });

  it('prefers the outermost mark, as a wrapper may narrow what it wraps', () => {
    const inner = z.string().max(50);
    expect(textLimitAt(z.object({ note: withTextLimit(inner.optional(), 20) }), 'note')).toBe(20);
    expect(textLimitAt(z.object({ note: inner.nullish() }), 'note')).toBe(50);
  });
});
