// An organisation's own columns as the features that read whole organisations select them
// (the Organization of the API, the HSDS export).
import type { OrganizationKind } from '@tsunagu/domain';

export interface OrganizationRecord {
  id: string;
  kind: OrganizationKind;
  name: string;
  name_kana: string | null;
  corporate_number: string | null;
  municipality_code: string | null;
  description: string | null;
  postal_code: string | null;
  address: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  logo_url: string | null;
}

export const ORGANIZATION_RECORD_COLUMNS = `id, kind, name, name_kana, corporate_number, municipality_code, description, postal_code,
  address, website, phone, email, logo_url`;
