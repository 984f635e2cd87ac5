// Builders for partnership tests (連携管理): a valid partnership input with the fields a test
// does not care about, the GraphQL documents, a liaison's partnership made in one call, a
// recorded meeting with follow-ups, and a stored PARTNERSHIP_DOCUMENT file row.
import type { DataSource } from 'typeorm';
import type { SignedInClient } from './accounts';
import { storedFileRow } from './files';
import { dataOf } from './people';

/** A date `days` from `from` (default: today) as YYYY-MM-DD in Japan time. */
export function japanDay(days = 0, from: Date = new Date()): string {
  return new Date(from.getTime() + 9 * 60 * 60 * 1000 + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export function partnershipInput(partnerOrganizationId: string, title: string, overrides: Record<string, unknown> = {}) {
  return {
    partnerOrganizationId,
    type: 'CONTRACT',
    title,
    description: '',
    startsOn: '2026-04-01',
    endsOn: '2027-03-31',
    reviewOn: null,
    budgetYen: 1_200_000,
    ...overrides,
  };
}

export const FOLLOW_UP_FIELDS = `id description dueOn assignee { membershipId displayName } doneAt overdue interactionId`;

export const PARTNERSHIP_FIELDS = `id municipality { id name kind } partner { id name kind } type title description startsOn endsOn reviewOn
  status budgetYen mayManage availableStatuses contacts { id side name jobTitle email phone }
  documents { id fileId fileName mediaType byteSize uploadedAt } openFollowUps { ${FOLLOW_UP_FIELDS} } createdAt updatedAt`;

export const INTERACTION_FIELDS = `id kind occurredOn attendees notes recordedBy { membershipId displayName } createdAt followUps { ${FOLLOW_UP_FIELDS} }`;

export const PARTNERSHIP_QUERY = `query Partnership($id: ID!, $first: Int, $after: String) {
  partnership(id: $id) { ${PARTNERSHIP_FIELDS} interactions(first: $first, after: $after) { nodes { ${INTERACTION_FIELDS} } pageInfo { endCursor hasNextPage } } }
}`;
export const PARTNERSHIPS_QUERY = `query Partnerships($input: PartnershipSearchInput, $first: Int, $after: String) {
  partnerships(input: $input, first: $first, after: $after) { nodes { ${PARTNERSHIP_FIELDS} } pageInfo { endCursor hasNextPage } }
}`;
export const PARTNERSHIP_ASSIGNEES = `{ partnershipAssignees { membershipId displayName } }`;
export const CREATE_PARTNERSHIP = `mutation CreatePartnership($input: PartnershipInput!) { createPartnership(input: $input) { ${PARTNERSHIP_FIELDS} } }`;
export const UPDATE_PARTNERSHIP = `mutation UpdatePartnership($id: ID!, $input: PartnershipInput!) { updatePartnership(id: $id, input: $input) { ${PARTNERSHIP_FIELDS} } }`;
export const SET_PARTNERSHIP_STATUS = `mutation SetStatus($id: ID!, $status: PartnershipStatus!) { setPartnershipStatus(id: $id, status: $status) { id status availableStatuses } }`;
export const ATTACH_DOCUMENT = `mutation Attach($id: ID!, $fileId: ID!) { attachPartnershipDocument(id: $id, fileId: $fileId) { id documents { id fileId fileName } } }`;
export const REMOVE_DOCUMENT = `mutation Remove($id: ID!, $documentId: ID!) { removePartnershipDocument(id: $id, documentId: $documentId) { id documents { id fileId } } }`;
export const RECORD_INTERACTION = `mutation Record($partnershipId: ID!, $input: InteractionInput!) {
  recordInteraction(partnershipId: $partnershipId, input: $input) { ${PARTNERSHIP_FIELDS} interactions { nodes { ${INTERACTION_FIELDS} } } }
}`;
export const UPDATE_INTERACTION = `mutation UpdateInteraction($id: ID!, $input: InteractionInput!) {
  updateInteraction(id: $id, input: $input) { ${PARTNERSHIP_FIELDS} interactions { nodes { ${INTERACTION_FIELDS} } } }
}`;
export const COMPLETE_FOLLOW_UP = `mutation Complete($id: ID!, $done: Boolean!) { completeFollowUp(id: $id, done: $done) { id openFollowUps { ${FOLLOW_UP_FIELDS} } } }`;

export interface FollowUpResult {
  id: string;
  description: string;
  dueOn: string;
  assignee: { membershipId: string; displayName: string } | null;
  doneAt: string | null;
  overdue: boolean;
  interactionId: string | null;
}

export interface InteractionResult {
  id: string;
  kind: string;
  occurredOn: string;
  attendees: string;
  notes: string;
  recordedBy: { membershipId: string; displayName: string } | null;
  followUps: FollowUpResult[];
}

export interface PartnershipResult {
  id: string;
  status: string;
  title: string;
  mayManage: boolean;
  availableStatuses: string[];
  contacts: Array<{ id: string; side: string; name: string; jobTitle: string | null; email: string | null; phone: string | null }>;
  documents: Array<{ id: string; fileId: string; fileName: string }>;
  openFollowUps: FollowUpResult[];
  interactions?: { nodes: InteractionResult[] };
  [key: string]: unknown;
}

/** Creates a partnership as a liaison; returns it. */
export async function createPartnership(
  client: SignedInClient,
  partnerOrganizationId: string,
  title: string,
  overrides: Record<string, unknown> = {},
): Promise<PartnershipResult> {
  const input = partnershipInput(partnerOrganizationId, title, overrides);
  return dataOf(await client.request<{ createPartnership: PartnershipResult }>(CREATE_PARTNERSHIP, { input })).createPartnership;
}

/** Records a meeting (today, unless given) with the follow-ups given; returns the partnership. */
export async function recordMeeting(
  client: SignedInClient,
  partnershipId: string,
  followUps: Array<{ description: string; dueOn: string; assigneeMembershipId?: string | null }> = [],
  overrides: Record<string, unknown> = {},
): Promise<PartnershipResult> {
  const input = { kind: 'MEETING', occurredOn: japanDay(), attendees: '区・団体 各2名', notes: '定例打合せ', followUps, ...overrides };
  return dataOf(await client.request<{ recordInteraction: PartnershipResult }>(RECORD_INTERACTION, { partnershipId, input })).recordInteraction;
}

/** Moves a partnership's status; throws on an error. */
export async function setPartnershipStatus(client: SignedInClient, id: string, status: string): Promise<void> {
  dataOf(await client.request(SET_PARTNERSHIP_STATUS, { id, status }));
}

/** A PARTNERSHIP_DOCUMENT file's catalogue row, as the upload endpoint would write it; returns its id. */
export function storedPartnershipFile(sql: DataSource, tenantId: string, organizationId: string, fileName = '協定書.pdf'): Promise<string> {
  return storedFileRow(sql, tenantId, organizationId, { purpose: 'PARTNERSHIP_DOCUMENT', fileName });
}
