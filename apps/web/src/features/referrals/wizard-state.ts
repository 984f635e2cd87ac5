// What the new-referral wizard collects, step by step, and the API input it becomes.
import type { AgeBand, Gender, PersonalDataCategory, ReferralUrgency, ServiceCategory } from '@tsunagu/domain';
import type { ReferralFullFragment, ReferralInput } from '@tsunagu/graphql-client';

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

/** The receiving service: from the directory search, or — editing a draft — from the draft. */
export interface ChosenService {
  readonly id: string;
  readonly name: string;
  readonly organization: { readonly id: string; readonly name: string };
}

export interface WizardState {
  mode: 'person' | 'anonymous';
  person: ChosenPerson | null;
  anonymous: AnonymousCaseDraft;
  service: ChosenService | null;
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

/** A saved draft, back in the wizard. */
export function wizardOfDraft(draft: ReferralFullFragment): WizardState {
  return {
    mode: draft.anonymousCase ? 'anonymous' : 'person',
    person: draft.personId ? { id: draft.personId, pseudonym: draft.personPseudonym ?? '', name: null } : null,
    anonymous: {
      ageBand: draft.anonymousCase?.ageBand ?? null,
      gender: draft.anonymousCase?.gender ?? null,
      municipalityCode: draft.anonymousCase?.municipalityCode ?? '',
    },
    service: draft.serviceId ? { id: draft.serviceId, name: draft.serviceName, organization: draft.receiverOrganization } : null,
    categories: [...draft.sharedCategories],
    needs: [...draft.needs],
    urgency: draft.urgency,
    reason: draft.reason ?? '',
    notes: draft.notes ?? '',
  };
}
