// Builders for grant tests: a valid listing input with the fields a test does not care about,
// the GraphQL documents every grant test needs, and a stored file row (the bytes do not matter).
import type { DataSource } from 'typeorm';
import type { SignedInClient } from './accounts';
import { storedFileRow } from './files';
import { allPages, type Page } from './graphql';
import { dataOf } from './people';

const DAY = 24 * 60 * 60 * 1000;

export function daysFromNow(days: number, from = Date.now()): string {
  return new Date(from + days * DAY).toISOString();
}

export function grantInput(title: string, overrides: Record<string, unknown> = {}) {
  return {
    title,
    funderName: 'テスト財団',
    funderKind: 'FOUNDATION',
    summary: '',
    detailsHtml: '',
    grantType: 'GRANT',
    amountMax: 1_000_000,
    nationwide: true,
    themes: ['IBASHO'],
    visibility: 'NETWORK',
    windowOpensAt: daysFromNow(-10),
    windowClosesAt: daysFromNow(30),
    ...overrides,
  };
}

export const GRANT_FIELDS = `id inMyNetwork mine publisher { id name } title funderName funderKind summary detailsHtml grantType
  amountMin amountMax amountUnlimited subsidyRatePercent windowOpensAt windowClosesAt projectStartsOn projectEndsOn
  eligibleKinds legalForms nationwide regionCodes themes applicationUrl contact status visibility publishedAt closedAt source
  attachments { fileId fileName mediaType byteSize } myBookmark
  myApplication { id status amountRequested amountAwarded notes } applicationCounts { status count }`;

export const GRANT_QUERY = `query Grant($id: ID!) { grant(id: $id) { ${GRANT_FIELDS} } }`;
export const CREATE_GRANT = `mutation CreateGrant($input: GrantInput!) { createGrant(input: $input) { ${GRANT_FIELDS} } }`;
export const UPDATE_GRANT = `mutation UpdateGrant($id: ID!, $input: GrantInput!) { updateGrant(id: $id, input: $input) { ${GRANT_FIELDS} } }`;
export const SEARCH_GRANTS = `query Search($input: GrantSearchInput, $first: Int, $after: String) {
  searchGrants(input: $input, first: $first, after: $after) { nodes { id title status windowClosesAt publishedAt amountMax amountUnlimited } pageInfo { endCursor hasNextPage } }
}`;
export const RECORD_APPLICATION = `mutation Record($input: GrantApplicationInput!) {
  recordGrantApplication(input: $input) { id grantId status amountRequested amountAwarded notes }
}`;

export function transitionMutation(name: 'publishGrant' | 'closeGrant' | 'reopenGrant' | 'archiveGrant'): string {
  return `mutation Move($id: ID!) { ${name}(id: $id) { id status publishedAt closedAt } }`;
}

export interface GrantResult {
  id: string;
  status: string;
  [key: string]: unknown;
}

export async function createGrant(client: SignedInClient, title: string, overrides: Record<string, unknown> = {}): Promise<GrantResult> {
  return dataOf(await client.request<{ createGrant: GrantResult }>(CREATE_GRANT, { input: grantInput(title, overrides) })).createGrant;
}

/** Creates and publishes a listing; returns its id. */
export async function publishedGrant(client: SignedInClient, title: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const { id } = await createGrant(client, title, overrides);
  dataOf(await client.request(transitionMutation('publishGrant'), { id }));
  return id;
}

export interface SearchedGrant {
  id: string;
  title: string;
  status: string;
  windowClosesAt: string | null;
  publishedAt: string | null;
  amountMax: number | null;
  amountUnlimited: boolean;
}

/** Every listing a search finds, page by page. */
export async function searchAll(client: SignedInClient, input: Record<string, unknown>, first = 50): Promise<SearchedGrant[]> {
  return allPages(async (after) =>
    dataOf(await client.request<{ searchGrants: Page<SearchedGrant> }>(SEARCH_GRANTS, { input, first, after })).searchGrants,
  );
}

/** A stored file's catalogue row, as the upload endpoint would write it; returns its id. */
export function storedFile(sql: DataSource, tenantId: string, organizationId: string, fileName = '募集要項.pdf'): Promise<string> {
  return storedFileRow(sql, tenantId, organizationId, { purpose: 'GRANT_ATTACHMENT', fileName });
}

export const BOOKMARK_GRANT = `mutation Bookmark($grantId: ID!) { bookmarkGrant(grantId: $grantId) { id myBookmark } }`;
export const SAVE_GRANT_SEARCH = `mutation Save($name: String!, $criteria: GrantSearchInput!) { saveGrantSearch(name: $name, criteria: $criteria) { id name } }`;

/** Bookmarks a listing for the signed-in member. */
export async function bookmarkGrant(client: SignedInClient, grantId: string): Promise<void> {
  const result = dataOf(await client.request<{ bookmarkGrant: { myBookmark: boolean } }>(BOOKMARK_GRANT, { grantId }));
  if (!result.bookmarkGrant.myBookmark) throw new Error('The grant was not bookmarked');
}

/** Saves a search for the signed-in member; returns its id. */
export async function saveGrantSearch(client: SignedInClient, name: string, criteria: Record<string, unknown>): Promise<string> {
  return dataOf(await client.request<{ saveGrantSearch: { id: string } }>(SAVE_GRANT_SEARCH, { name, criteria })).saveGrantSearch.id;
}
