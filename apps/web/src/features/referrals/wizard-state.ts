// What the new-referral wizard collects, step by step, and the API input it becomes (checked
// with the API's referralInputSchema; the first step with referralCaseSchema on its own).
import type { AgeBand, Gender, PersonalDataCategory, ReferralUrgency, ServiceCategory } from '@tsunagu/domain';
import type { ReferralFullFragment } from '@tsunagu/graphql-client';

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

// A type, not an interface: the form layer wants a plain record of values.
export type WizardState = {
  mode: 'person' | 'anonymous';
  person: ChosenPerson | null;
  anonymous: AnonymousCaseDraft;
  service: ChosenService | null;
  categories: PersonalDataCategory[];
  needs: ServiceCategory[];
  urgency: ReferralUrgency;
  reason: string;
  notes: string;
};

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

/** Who the referral is about, as the API input says it. */
export function caseInputOf(state: WizardState) {
  if (state.mode === 'person') return { personId: state.person?.id ?? null, anonymousCase: null, sharedCategories: state.categories };
  return { personId: null, anonymousCase: state.anonymous, sharedCategories: [] };
}

/** The API input the wizard's answers make, unchecked (the schema trims and checks it). */
export function referralInputOf(state: WizardState) {
  return {
    serviceId: state.service?.id ?? '',
    ...caseInputOf(state),
    needs: state.needs,
    urgency: state.urgency,
    reason: state.reason,
    notes: state.notes,
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
