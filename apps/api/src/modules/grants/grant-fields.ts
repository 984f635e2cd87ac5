// Validation of a grant listing's input (the shared schema in libs/domain, every faulty field
// reported at once), the sanitising of its rich-text details, and the search document and
// reading it is found by.
import { FUNDER_KINDS, GRANT_TYPES, grantInputSchema, MAX_GRANT_AMOUNT, normalizeForSearch, SERVICE_CATEGORIES, type GrantFields } from '@tsunagu/domain';
import sanitizeHtml from 'sanitize-html';
import { validateInput } from '../../core/graphql/validate-input';
import { searchReadingOrNull } from '../../core/search/japanese-reading';
import type { MissingReadings } from '../../core/search/search-readings';
import type { GrantInput } from './dto/grants.input';

/** The largest yen amount carried exactly by a GraphQL Float (2^53 − 1). */
export const MAX_AMOUNT = MAX_GRANT_AMOUNT;

/** The only markup kept in a grant's details; everything else (scripts, styles, handlers) goes. */
const DETAILS_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h3', 'h4'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links open outside the app and never pass the referrer or the opener.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
};

export function sanitizeDetails(html: string): string {
  return sanitizeHtml(html, DETAILS_POLICY).trim();
}

/** The plain text of sanitised details, for the search document. */
export function detailsText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}

export type { GrantFields };

/**
 * Returns normalised fields, or throws BAD_USER_INPUT naming every faulty field. The details are
 * sanitised first, so their length rule counts only the markup that is kept.
 */
export function validateGrantFields(input: GrantInput): GrantFields {
  return validateInput(grantInputSchema, { ...input, detailsHtml: sanitizeDetails(input.detailsHtml) });
}

type GrantSearchFields = Pick<GrantFields, 'title' | 'funderName' | 'funderKind' | 'summary' | 'detailsHtml' | 'themes' | 'grantType'>;

/**
 * What a grant is found by, as written: its title, funder, summary and the text of its details,
 * and the labels of its themes and funder kind in both languages (so 居場所 finds IBASHO grants).
 * The search document is this normalised; the search reading is read from it (core/search).
 */
export function grantSearchSource(fields: GrantSearchFields): string {
  const labels = [
    ...fields.themes.map((code) => SERVICE_CATEGORIES.labels[code]),
    FUNDER_KINDS.labels[fields.funderKind],
    GRANT_TYPES.labels[fields.grantType],
  ].flatMap((label) => [label.ja, label.en]);
  return [fields.title, fields.funderName, fields.summary, detailsText(fields.detailsHtml), ...labels].join(' | ');
}

export function grantSearchDocument(fields: GrantSearchFields): string {
  return normalizeForSearch(grantSearchSource(fields));
}

/** The search-readings job's view of grants (core/search): the network's own rows with no reading yet. */
export const missingGrantReadings: MissingReadings = async (manager, tenantId, afterId, limit) => {
  const rows: Array<{
    id: string; document: string; title: string; funder_name: string; funder_kind: GrantFields['funderKind']; summary: string;
    details_html: string; themes: GrantFields['themes']; grant_type: GrantFields['grantType'];
  }> = await manager.query(
    `SELECT id, search_document AS document, title, funder_name, funder_kind, summary, details_html, themes, grant_type
       FROM grants WHERE tenant_id = $1 AND search_reading IS NULL AND id > $2 ORDER BY id LIMIT $3`,
    [tenantId, afterId, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    document: row.document,
    source: grantSearchSource({
      title: row.title, funderName: row.funder_name, funderKind: row.funder_kind, summary: row.summary,
      detailsHtml: row.details_html, themes: row.themes, grantType: row.grant_type,
    }),
  }));
};

/** The columns grantWritableValues() fills, in its order (search_bigrams follows from the document and reading). */
export const GRANT_WRITABLE_COLUMNS = [
  'title', 'funder_name', 'funder_kind', 'summary', 'details_html', 'grant_type', 'amount_min', 'amount_max',
  'amount_unlimited', 'subsidy_rate_percent', 'window_opens_at', 'window_closes_at', 'project_starts_on',
  'project_ends_on', 'eligible_kinds', 'legal_forms', 'nationwide', 'region_codes', 'themes', 'application_url',
  'contact', 'visibility', 'search_document', 'search_reading',
];

/** The values of GRANT_WRITABLE_COLUMNS; async for the search reading (core/search). */
export async function grantWritableValues(fields: GrantFields): Promise<unknown[]> {
  const source = grantSearchSource(fields);
  return [
    fields.title,
    fields.funderName,
    fields.funderKind,
    fields.summary,
    fields.detailsHtml,
    fields.grantType,
    fields.amountMin,
    fields.amountMax,
    fields.amountUnlimited,
    fields.subsidyRatePercent,
    fields.windowOpensAt,
    fields.windowClosesAt,
    fields.projectStartsOn,
    fields.projectEndsOn,
    fields.eligibleKinds,
    fields.legalForms,
    fields.nationwide,
    fields.regionCodes,
    fields.themes,
    fields.applicationUrl,
    fields.contact,
    fields.visibility,
    normalizeForSearch(source),
    await searchReadingOrNull(source),
  ];
}
