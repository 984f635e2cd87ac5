// Builders for referral tests: a directory service to refer to, a referral sent, and the
// GraphQL documents every referral test needs.
import { DataSource } from 'typeorm';
import type { SignedInClient } from './accounts';
import { allPages, type Page } from './graphql';
import { serviceInput } from './directory';
import { dataOf } from './people';

export const REFERRAL_FIELDS = `id status urgency needs reason notes senderOrganization { id name } senderName
  receiverOrganization { id name } serviceId serviceName personId personPseudonym anonymousCase { ageBand gender municipalityCode }
  sharedCategories sentAt responseDueAt expiresAt escalatedAt answeredAt closedAt outcome overdue forwardedFromId
  mySides availableActions unreadMessages createdAt`;

export const CREATE_REFERRAL = `mutation CreateReferral($input: ReferralInput!, $send: Boolean! = true) {
  createReferral(input: $input, send: $send) { ${REFERRAL_FIELDS} }
}`;
export const TRANSITION = `mutation Transition($id: ID!, $action: ReferralAction!, $text: String) {
  transitionReferral(id: $id, action: $action, text: $text) { ${REFERRAL_FIELDS} }
}`;
export const REFERRAL_DETAIL = `query Referral($id: ID!) {
  referral(id: $id) {
    referral { ${REFERRAL_FIELDS} }
    person { id pseudonym categories { category access withheldReason consentId }
             identity { access withheldReason values { familyName givenName } }
             contact { access withheldReason values { phone } } }
    events { action fromStatus toStatus actorName actorOrganization { id } note relatedReferralId at }
    messages { authorName authorOrganization { id } mine body sentAt }
  }
}`;

export interface ReferralResult {
  id: string;
  status: string;
  availableActions: string[];
  mySides: string[];
  sharedCategories: string[];
  [key: string]: unknown;
}

/** Creates a directory service of the client's organisation that takes referrals; returns its id. */
export async function createReceivingService(client: SignedInClient, name: string): Promise<string> {
  const response = await client.request<{ createService: { id: string } }>(
    `mutation Create($input: ServiceInput!) { createService(input: $input) { id } }`,
    { input: serviceInput(name, { acceptsReferrals: true }) },
  );
  return dataOf(response).createService.id;
}

export async function createReferral(client: SignedInClient, input: Record<string, unknown>, send = true): Promise<ReferralResult> {
  const response = await client.request<{ createReferral: ReferralResult }>(CREATE_REFERRAL, {
    input: { urgency: 'NORMAL', reason: 'テストの紹介です', needs: ['HOUSING'], ...input },
    send,
  });
  return dataOf(response).createReferral;
}

/**
 * Asks to create and send a referral of exactly `input` (no defaults added): the response as it
 * comes, for a test that expects a refusal.
 */
export function requestReferral(client: SignedInClient, input: Record<string, unknown>) {
  return client.request<{ createReferral: { id: string } }>(`mutation R($input: ReferralInput!) { createReferral(input: $input) { id } }`, { input });
}

export async function transition(client: SignedInClient, id: string, action: string, text?: string) {
  return client.request<{ transitionReferral: ReferralResult }>(TRANSITION, { id, action, text });
}

/** How many rows a table holds for a referral, read below row-level security. */
export async function countFor(sql: DataSource, table: string, where: string, params: unknown[]): Promise<number> {
  const [row]: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM ${table} WHERE ${where}`, params);
  return row.count;
}

export const FORWARD = `mutation Forward($id: ID!, $input: ForwardReferralInput!) {
  forwardReferral(id: $id, input: $input) { forwarded { ${REFERRAL_FIELDS} } created { ${REFERRAL_FIELDS} } }
}`;
export const UPDATE_DRAFT = `mutation UpdateDraft($id: ID!, $input: ReferralInput!) { updateReferralDraft(id: $id, input: $input) { ${REFERRAL_FIELDS} } }`;
export const POST_MESSAGE = `mutation Post($id: ID!, $body: String!) { postReferralMessage(id: $id, body: $body) { id authorName mine body sentAt authorOrganization { id } } }`;
export const MARK_READ = `mutation MarkRead($id: ID!) { markReferralRead(id: $id) { id unreadMessages } }`;
export const REFERRAL_LIST = `query List($box: ReferralBox!, $filter: ReferralFilter, $first: Int, $after: String) {
  referrals(box: $box, filter: $filter, first: $first, after: $after) {
    nodes { id status urgency needs overdue unreadMessages createdAt senderOrganization { id } receiverOrganization { id } }
    pageInfo { endCursor hasNextPage }
  }
}`;
export const REFERRAL_COUNTS = `query Counts($box: ReferralBox!) { referralCounts(box: $box) { byStatus { status count } overdue withUnreadMessages } }`;
export const PERSON_REFERRALS = `query PersonReferrals($personId: ID!) { personReferrals(personId: $personId) { id status mySides } }`;

export interface ListedReferral {
  id: string;
  status: string;
  urgency: string;
  needs: string[];
  overdue: boolean;
  unreadMessages: number;
  createdAt: string;
  senderOrganization: { id: string };
  receiverOrganization: { id: string };
}

export async function forward(client: SignedInClient, id: string, input: Record<string, unknown>) {
  return client.request<{ forwardReferral: { forwarded: ReferralResult; created: ReferralResult } }>(FORWARD, {
    id,
    input: { sharedCategories: [], ...input },
  });
}

/** Every referral of a box that matches the filter, following the cursor. */
export async function listAll(client: SignedInClient, box: 'INBOX' | 'OUTBOX', filter: Record<string, unknown> = {}, first = 50): Promise<ListedReferral[]> {
  return allPages(async (after) =>
    dataOf(await client.request<{ referrals: Page<ListedReferral> }>(REFERRAL_LIST, { box, filter, first, after })).referrals,
  );
}
