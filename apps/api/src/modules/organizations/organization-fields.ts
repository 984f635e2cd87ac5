// Organisation input, checked by the shared schema (libs/domain validation/organizations).
import { organizationInputSchema } from '@tsunagu/domain';
import { validateInput } from '../../core/graphql/validate-input';

export interface OrganizationFields {
  name?: string;
  nameKana?: string | null;
  corporateNumber?: string | null;
  municipalityCode?: string | null;
  description?: string | null;
  postalCode?: string | null;
  address?: string | null;
  website?: string | null;
  phone?: string | null;
  email?: string | null;
  logoUrl?: string | null;
}

/** Returns the normalised fields (the shared organisation schema; blank optional values become null) or throws BAD_USER_INPUT. */
export function validateOrganizationFields(input: OrganizationFields): OrganizationFields {
  return validateInput(organizationInputSchema, input);
}
