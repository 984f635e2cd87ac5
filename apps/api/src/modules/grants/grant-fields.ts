// Validation of a grant listing's input (the shared schema in libs/domain, every faulty field
// reported at once), the sanitising of its rich-text details, and the search document it is
// found by.
import { FUNDER_KINDS, GRANT_TYPES, grantInputSchema, MAX_GRANT_AMOUNT, normalizeForSearch, SERVICE_CATEGORIES, type GrantFields } from '@tsunagu/domain';
import sanitizeHtml from 'sanitize-html';
import { validateInput } from '../../core/graphql/validate-input';
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

/**
 * What a grant is found by: its title, funder, summary and the text of its details, and the
 * labels of its themes and funder kind in both languages (so 居場所 finds IBASHO grants).
 */
export function grantSearchDocument(fields: Pick<GrantFields, 'title' | 'funderName' | 'funderKind' | 'summary' | 'detailsHtml' | 'themes' | 'grantType'>): string {
  const labels = [
    ...fields.themes.map((code) => SERVICE_CATEGORIES.labels[code]),
    FUNDER_KINDS.labels[fields.funderKind],
    GRANT_TYPES.labels[fields.grantType],
  ].flatMap((label) => [label.ja, label.en]);
  return normalizeForSearch([fields.title, fields.funderName, fields.summary, detailsText(fields.detailsHtml), ...labels].join(' | '));
}

/** The columns grantWritableValues() fills, in its order (search_bigrams follows from the document in SQL). */
export const GRANT_WRITABLE_COLUMNS = [
  'title', 'funder_name', 'funder_kind', 'summary', 'details_html', 'grant_type', 'amount_min', 'amount_max',
  'amount_unlimited', 'subsidy_rate_percent', 'window_opens_at', 'window_closes_at', 'project_starts_on',
  'project_ends_on', 'eligible_kinds', 'legal_forms', 'nationwide', 'region_codes', 'themes', 'application_url',
  'contact', 'visibility', 'search_document',
];

export function grantWritableValues(fields: GrantFields): unknown[] {
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
    grantSearchDocument(fields),
  ];
}
