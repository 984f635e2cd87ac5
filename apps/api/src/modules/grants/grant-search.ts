// The one query that finds grants, shared by searchGrants and the saved-search digest: which
// listings the member may see (their network's published ones and its own organisation's in any
// status, and every network's public published ones), the keyword and filter conditions, and
// the keyset order of each sort.
import { normalizeMunicipalityCode, prefectureRegion } from '@tsunagu/domain';
import { Conditions } from '../../core/database/conditions';
import { addKeywordConditions, searchTerms } from '../../core/database/keyword-search';
import { AppError } from '../../core/graphql/app-error';
import type { KeysetCursor } from '../../core/graphql/pagination';
import type { GrantSearchInput } from './dto/grants.input';
import type { GrantSort } from './grant.model';
import { MAX_AMOUNT } from './grant-fields';
import { usableId } from '../../core/graphql/ids';

/** Who is looking: the network and organisation of the membership. */
export interface Viewer {
  readonly tenantId: string;
  readonly organizationId: string;
}

export const LISTED = `('PUBLISHED', 'CLOSED')`;

/**
 * The grants a member may see. Row-level security already limits rows to the member's network
 * and every network's public published or closed listings; within the network, other
 * organisations' drafts and archived listings stay hidden too.
 */
export function visibleTo(where: Conditions, viewer: Viewer, alias = 'g'): string {
  const tenant = where.param(viewer.tenantId);
  const organization = where.param(viewer.organizationId);
  return `((${alias}.tenant_id = ${tenant} AND (${alias}.organization_id = ${organization} OR ${alias}.status IN ${LISTED}))
           OR (${alias}.visibility = 'PUBLIC' AND ${alias}.status IN ${LISTED}))`;
}

function badInput(field: string, message: { ja: string; en: string }): AppError {
  return new AppError('BAD_USER_INPUT', message, { fields: { [field]: message } });
}

/** The conditions of a search (visibility included), with "now" from the injected clock. */
export function searchConditions(input: GrantSearchInput, viewer: Viewer, now: Date): Conditions {
  const where = new Conditions();
  where.add(visibleTo(where, viewer));
  addKeywordConditions(where, 'g', searchTerms(input.keywords));
  const statuses = input.statuses?.length ? input.statuses : ['PUBLISHED', 'CLOSED'];
  where.add(`g.status = ANY(${where.param(statuses)}::text[])`);
  if (input.openNow) {
    const at = where.param(now);
    where.add(`g.status = 'PUBLISHED' AND (g.window_opens_at IS NULL OR g.window_opens_at <= ${at}) AND (g.window_closes_at IS NULL OR g.window_closes_at > ${at})`);
  }
  if (input.closingWithinDays !== null && input.closingWithinDays !== undefined) {
    const days = input.closingWithinDays;
    if (!Number.isInteger(days) || days < 0 || days > 366) {
      throw badInput('closingWithinDays', { ja: '日数は0〜366で指定してください。', en: 'Give the number of days as 0 to 366.' });
    }
    const at = where.param(now);
    const until = where.param(new Date(now.getTime() + days * 24 * 60 * 60 * 1000));
    where.add(`g.window_closes_at > ${at} AND g.window_closes_at <= ${until}`);
  }
  if (input.themes?.length) where.add(`g.themes && ${where.param(input.themes)}::text[]`);
  if (input.municipalityCode) {
    const code = normalizeMunicipalityCode(input.municipalityCode);
    if (!code) throw badInput('municipalityCode', { ja: '地域は地方公共団体コード（5桁）で指定してください。', en: 'Give the area as a 5-digit local government code.' });
    where.add(`(g.nationwide OR g.region_codes && ${where.param([...new Set([code, prefectureRegion(code)])])}::text[])`);
  }
  if (input.organizationKinds?.length) {
    where.add(`(cardinality(g.eligible_kinds) = 0 OR g.eligible_kinds && ${where.param(input.organizationKinds)}::text[])`);
  }
  if (input.legalForms?.length) {
    where.add(`(cardinality(g.legal_forms) = 0 OR g.legal_forms && ${where.param(input.legalForms)}::text[])`);
  }
  const from = input.amountFrom ?? null;
  const to = input.amountTo ?? null;
  for (const [field, value] of [['amountFrom', from], ['amountTo', to]] as const) {
    if (value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_AMOUNT)) {
      throw badInput(field, { ja: '金額は0以上の整数（円）で指定してください。', en: 'Give amounts as whole yen, 0 or more.' });
    }
  }
  if (from !== null && to !== null && from > to) {
    throw badInput('amountTo', { ja: '金額の上限は下限以上にしてください。', en: 'The upper amount must not be below the lower.' });
  }
  if (from !== null || to !== null) {
    // Ranges overlap: the grant's [min or 0, max or no limit] meets [from, to]; a listing
    // without any amount (in-kind support, say) has no range to meet.
    where.add(`(g.amount_min IS NOT NULL OR g.amount_max IS NOT NULL OR g.amount_unlimited)`);
    if (from !== null) where.add(`(g.amount_unlimited OR g.amount_max IS NULL OR g.amount_max >= ${where.param(from)})`);
    if (to !== null) where.add(`coalesce(g.amount_min, 0) <= ${where.param(to)}`);
  }
  if (input.funderKinds?.length) where.add(`g.funder_kind = ANY(${where.param(input.funderKinds)}::text[])`);
  if (input.grantTypes?.length) where.add(`g.grant_type = ANY(${where.param(input.grantTypes)}::text[])`);
  return where;
}

/** timestamptz as PostgreSQL writes it as text ('infinity' included: see DEADLINE). */
const TIMESTAMP_TEXT = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?|infinity)$/;

interface SortSpec {
  /** The sorted value; NULLs always come last. */
  readonly expression: string;
  readonly direction: 'ASC' | 'DESC';
  readonly type: 'timestamptz' | 'bigint';
}

/**
 * The sorts. DEADLINE (締切が近い順) is for finding what one can still apply to: open listings by
 * their closing time, then those open without a deadline ('infinity'), then every closed one
 * (closed by status or by a past closing time, as NULL, by id) — closed listings used to come
 * first, since their closing times are the earliest. One sorted value keeps the keyset cursor
 * a single key; "now" is the request's, so a listing closing between two pages can move once.
 */
function sortSpec(where: Conditions, sort: GrantSort, now: Date): SortSpec {
  switch (sort) {
    case 'DEADLINE': {
      const at = where.param(now);
      return {
        expression: `(CASE WHEN g.status = 'CLOSED' OR g.window_closes_at <= ${at}::timestamptz THEN NULL
                           ELSE coalesce(g.window_closes_at, 'infinity'::timestamptz) END)`,
        direction: 'ASC',
        type: 'timestamptz',
      };
    }
    case 'NEWEST':
      return { expression: 'g.published_at', direction: 'DESC', type: 'timestamptz' };
    case 'AMOUNT':
      // No upper limit ranks above every amount.
      return { expression: `(CASE WHEN g.amount_unlimited THEN 9223372036854775807 ELSE g.amount_max END)`, direction: 'DESC', type: 'bigint' };
  }
}

/**
 * Appends the keyset condition after `cursor` (key: the sorted value as text, '' for NULL) and
 * returns the select of the sort key and the ORDER BY, with id as the tie-breaker.
 */
export function applySort(where: Conditions, sort: GrantSort, cursor: KeysetCursor | null, now: Date): { sortKey: string; orderBy: string } {
  const { expression, direction, type } = sortSpec(where, sort, now);
  if (cursor) {
    if (!usableId(cursor.id)) throw new AppError('BAD_USER_INPUT', undefined, { reason: 'INVALID_CURSOR' });
    const id = where.param(cursor.id);
    if (cursor.key === '') {
      where.add(`(${expression} IS NULL AND g.id > ${id}::uuid)`);
    } else {
      if (!(type === 'bigint' ? /^\d{1,19}$/ : TIMESTAMP_TEXT).test(cursor.key)) {
        throw new AppError('BAD_USER_INPUT', undefined, { reason: 'INVALID_CURSOR' });
      }
      const key = `${where.param(cursor.key)}::${type}`;
      const beyond = direction === 'ASC' ? '>' : '<';
      where.add(`(${expression} ${beyond} ${key} OR (${expression} = ${key} AND g.id > ${id}::uuid) OR ${expression} IS NULL)`);
    }
  }
  return {
    sortKey: `coalesce((${expression})::text, '')`,
    orderBy: `${expression} ${direction} NULLS LAST, g.id ASC`,
  };
}
