// Which of a person's consents allows sharing a category with a receiving organisation for a
// referral. The API decides (and refuses anything else with CONSENT_REQUIRED); the wizard uses
// this to offer only what will pass and to name the consent that allows each category.
import type { OrganizationKind, PersonalDataCategory } from '@tsunagu/domain';
import type { ConsentRowFragment } from '@tsunagu/graphql-client';

export interface Receiver {
  readonly id: string;
  readonly kind: OrganizationKind | null;
}

/** The first active consent that covers the category for the receiver and purpose REFERRAL. */
export function consentAllowing(
  consents: readonly ConsentRowFragment[],
  category: PersonalDataCategory,
  receiver: Receiver,
): ConsentRowFragment | null {
  return (
    consents.find(
      (consent) =>
        consent.state === 'ACTIVE' &&
        consent.purposes.includes('REFERRAL') &&
        consent.categories.includes(category) &&
        (consent.recipientOrganizations.some((organization) => organization.id === receiver.id) ||
          (receiver.kind !== null && consent.recipientKinds.includes(receiver.kind))),
    ) ?? null
  );
}
