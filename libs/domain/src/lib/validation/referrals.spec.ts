import { checkInput, inputProblems, localizedMessage } from './kit';
import {
  categoryRequestSchema,
  forwardReferralSchema,
  REFERRAL_MESSAGES,
  referralActionTextSchema,
  referralCaseSchema,
  referralInputSchema,
  referralDeadlinesSchema,
  referralMessageSchema,
} from './referrals';

const SERVICE = '11111111-2222-4333-8444-555555555555';
const anonymous = { serviceId: SERVICE, reason: ' 家賃の相談 ', anonymousCase: { ageBand: 'AGE_30_39', gender: null, municipalityCode: ' 131024 ' } };

describe('referral input', () => {
  it('trims the texts, drops unknown categories, de-duplicates needs and normalises the municipality code', () => {
    const checked = checkInput(referralInputSchema, { ...anonymous, needs: ['HOUSING', 'HOUSING'], notes: '  ' });
    expect(checked).toEqual({
      ok: true,
      value: {
        serviceId: SERVICE,
        personId: null,
        anonymousCase: { ageBand: 'AGE_30_39', gender: null, municipalityCode: '13102' },
        sharedCategories: [],
        needs: ['HOUSING'],
        urgency: 'NORMAL',
        reason: '家賃の相談',
        notes: null,
      },
    });
  });

  it.each([
    ['serviceId', { serviceId: '' }, REFERRAL_MESSAGES.serviceId],
    ['reason', { reason: '   ' }, REFERRAL_MESSAGES.reason],
    ['notes', { notes: 'x'.repeat(4001) }, REFERRAL_MESSAGES.notes],
    ['anonymousCase', { anonymousCase: { ageBand: null } }, REFERRAL_MESSAGES.ageBand],
    ['anonymousCase', { anonymousCase: { ageBand: 'AGE_30_39', municipalityCode: '123' } }, REFERRAL_MESSAGES.municipalityCode],
    ['sharedCategories', { sharedCategories: ['IDENTITY'] }, REFERRAL_MESSAGES.anonymousShares],
    ['personId', { personId: 'someone' }, REFERRAL_MESSAGES.personOrCase],
    ['personId', { anonymousCase: null }, REFERRAL_MESSAGES.noCase],
  ])('names %s when it is wrong', (field, change, message) => {
    expect(inputProblems(referralInputSchema, { ...anonymous, ...change })[field]).toEqual(localizedMessage(message));
  });

  it('checks the case on its own, whatever the rest of the referral says', () => {
    expect(checkInput(referralCaseSchema, { personId: 'someone', sharedCategories: ['CONTACT', 'IDENTITY'] })).toEqual({
      ok: true,
      value: { personId: 'someone', anonymousCase: null, sharedCategories: ['IDENTITY', 'CONTACT'] },
    });
    expect(inputProblems(referralCaseSchema, {})['personId']).toEqual(localizedMessage(REFERRAL_MESSAGES.noCase));
  });
});

describe('the other referral inputs', () => {
  it('asks for the reason or the outcome an action needs, and limits any text to 4,000 characters', () => {
    expect(inputProblems(referralActionTextSchema('DECLINE'), { text: ' ' })['text']).toEqual(localizedMessage(REFERRAL_MESSAGES.actionReason));
    expect(inputProblems(referralActionTextSchema('COMPLETE'), { text: null })['text']).toEqual(localizedMessage(REFERRAL_MESSAGES.outcome));
    expect(inputProblems(referralActionTextSchema('ACCEPT'), { text: 'x'.repeat(4001) })['text']).toEqual(localizedMessage(REFERRAL_MESSAGES.actionText));
    expect(checkInput(referralActionTextSchema('ACCEPT'), { text: '  ' })).toEqual({ ok: true, value: { text: null } });
    expect(checkInput(referralActionTextSchema('COMPLETE'), { text: ' 就労 ' })).toEqual({ ok: true, value: { text: '就労' } });
  });

  it('forwards with a service and a reason', () => {
    expect(checkInput(forwardReferralSchema, { serviceId: SERVICE, reason: ' 社協へ ', sharedCategories: ['CONTACT', 'NOPE'] })).toEqual({
      ok: true,
      value: { serviceId: SERVICE, reason: '社協へ', urgency: null, sharedCategories: ['CONTACT'], forwardOriginalText: false },
    });
    expect(inputProblems(forwardReferralSchema, { serviceId: '', reason: '' })).toEqual({
      serviceId: localizedMessage(REFERRAL_MESSAGES.serviceId),
      reason: localizedMessage(REFERRAL_MESSAGES.actionReason),
    });
  });

  it('asks for categories with a reason, and a message of 1 to 4,000 characters', () => {
    expect(inputProblems(categoryRequestSchema, { categories: [], reason: ' ' })).toEqual({
      categories: localizedMessage(REFERRAL_MESSAGES.newCategories),
      reason: localizedMessage(REFERRAL_MESSAGES.categoriesReason),
    });
    expect(inputProblems(referralMessageSchema, { body: '   ' })['body']).toEqual(localizedMessage(REFERRAL_MESSAGES.message));
    expect(checkInput(referralMessageSchema, { body: ' よろしく ' })).toEqual({ ok: true, value: { body: 'よろしく' } });
  });
});

describe('referral deadlines', () => {
  it('takes whole hours: 1 to 720 to answer, 1 to 2,160 before expiry', () => {
    const hours = { urgentHours: 4, highHours: 24, normalHours: 72, expiryGraceHours: 2160 };
    expect(checkInput(referralDeadlinesSchema, hours)).toEqual({ ok: true, value: hours });
    expect(inputProblems(referralDeadlinesSchema, { ...hours, urgentHours: 0, highHours: 1.5, normalHours: Number.NaN, expiryGraceHours: 2161 })).toEqual({
      urgentHours: localizedMessage(REFERRAL_MESSAGES.responseHours),
      highHours: localizedMessage(REFERRAL_MESSAGES.responseHours),
      normalHours: localizedMessage(REFERRAL_MESSAGES.responseHours),
      expiryGraceHours: localizedMessage(REFERRAL_MESSAGES.expiryGraceHours),
    });
  });
});
