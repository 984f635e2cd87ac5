// What the new-referral wizard collects, step by step, and the API input it becomes.
import type { AgeBand, Gender, PersonalDataCategory, ReferralUrgency, ServiceCategory } from '@tsunagu/domain';
import type { ReferralInput, ServiceSummaryFragment } from '@tsunagu/graphql-client';

export interface ChosenPerson {
  readonly id: string;
  readonly pseudonym: string;
  readonly name: string | null;
}

export interface AnonymousCaseDraft {
  ageBand: AgeBand | null;
  gender: Gender | null;
  municipalityCode: string;
}

export interface WizardState {
  mode: 'person' | 'anonymous';
  person: ChosenPerson | null;
  anonymous: AnonymousCaseDraft;
  service: ServiceSummaryFragment | null;
  categories: PersonalDataCategory[];
  needs: ServiceCategory[];
  urgency: ReferralUrgency;
  reason: string;
  notes: string;
}

export const emptyWizard: WizardState = {
  mode: 'person',
  person: null,
  anonymous: { ageBand: null, gender: null, municipalityCode: '' },
  service: null,
  categories: [],
  needs: [],
  urgency: 'NORMAL',
  reason: '',
  notes: '',
};

export function caseChosen(state: WizardState): boolean {
  if (state.mode === 'person') return state.person !== null;
  return state.anonymous.ageBand !== null && (state.anonymous.municipalityCode === '' || /^\d{5}$/.test(state.anonymous.municipalityCode));
}

export function referralInputOf(state: WizardState): ReferralInput | null {
  if (!state.service) return null;
  const base = {
    serviceId: state.service.id,
    needs: state.needs,
    urgency: state.urgency,
    reason: state.reason.trim(),
    ...(state.notes.trim() ? { notes: state.notes.trim() } : {}),
  };
  if (state.mode === 'person') {
    if (!state.person) return null;
    return { ...base, personId: state.person.id, sharedCategories: state.categories };
  }
  if (!state.anonymous.ageBand) return null;
  return {
    ...base,
    sharedCategories: [],
    anonymousCase: {
      ageBand: state.anonymous.ageBand,
      ...(state.anonymous.gender ? { gender: state.anonymous.gender } : {}),
      ...(state.anonymous.municipalityCode ? { municipalityCode: state.anonymous.municipalityCode } : {}),
    },
  };
}
