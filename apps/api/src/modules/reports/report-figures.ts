// The arithmetic of the network reports, apart from the database: the Japan-day range, the
// figures built from the aggregate rows (suppression, percentiles and rates by the domain's
// rules in libs/domain/src/lib/reports.ts), and the CSV rows. The service reads; this decides.
import {
  APPLICATION_STATUSES,
  japanDate,
  Language,
  LocalizedText,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  peopleCount,
  percentileFromHistogram,
  plainCount,
  ratePercentIfSafe,
  REFERRAL_STATUSES,
  type ReportCount,
  SERVICE_CATEGORIES,
  startOfJapanDay,
} from '@tsunagu/domain';
import { spreadsheetCsv } from '../../core/csv/spreadsheet-csv';
import type { GrantFigures, LabeledCount, NetworkReport, OrganizationCount, PartnershipFigures, ReferralFigures, TrainingFigures } from './report.model';
import type { ProtectedFiscalYear, Slice } from './report-protection';

const DAY_MS = 24 * 60 * 60 * 1000;
/** 00:00 Japan time of a day this module computed (always a well-formed day). */
function midnightOf(day: string): Date {
  const start = startOfJapanDay(day);
  if (!start) throw new Error(`Not a calendar day: ${day}`);
  return start;
}

export interface DayRange {
  /** Inclusive, 00:00 Japan time. */
  readonly from: Date;
  /** Exclusive, 00:00 Japan time. */
  readonly to: Date;
  /** Japan days [fromDay, toDay). */
  readonly fromDay: string;
  readonly toDay: string;
}

/**
 * The range rounded outwards to whole Japan days: `from` back to 00:00 of its day, `to` forward
 * to the next 00:00 unless it is one already. The referral aggregates count per Japan day of
 * sending, so every figure of a report uses these same whole days.
 */
export function japanDayRange(from: Date, to: Date): DayRange {
  const fromDay = japanDate(from);
  const toFloor = japanDate(to);
  const toDay = midnightOf(toFloor).getTime() === to.getTime() ? toFloor : japanDate(new Date(midnightOf(toFloor).getTime() + DAY_MS));
  return { from: midnightOf(fromDay), to: midnightOf(toDay), fromDay, toDay };
}

/**
 * The whole Japan months inside the days [fromDay, toDay), as first days [from, to): the part of
 * a range the monthly aggregates answer; the days before `from` and from `to` on are read per day.
 * A range holding no whole month gives from = to = toDay (every day is read per day).
 */
export function wholeMonthsOf(range: Pick<DayRange, 'fromDay' | 'toDay'>): { readonly from: string; readonly to: string } {
  const [year, month] = range.fromDay.split('-').map(Number);
  const from = range.fromDay.endsWith('-01') ? range.fromDay : month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const to = `${range.toDay.slice(0, 7)}-01`;
  return from < to ? { from, to } : { from: range.toDay, to: range.toDay };
}

/** Every Japan month ("2026-04") the days [fromDay, toDay) touch, in order. */
export function monthsOf(range: Pick<DayRange, 'fromDay' | 'toDay'>): string[] {
  const months: string[] = [];
  const lastDay = japanDate(new Date(midnightOf(range.toDay).getTime() - DAY_MS));
  let [year, month] = range.fromDay.split('-').map(Number);
  const last = lastDay.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Statuses a sent referral can be in (DRAFT never reaches the aggregates). */
export const REPORTED_REFERRAL_STATUSES = REFERRAL_STATUSES.codes.filter((status) => status !== 'DRAFT');
/** Statuses that mean the referral was accepted (whatever happened after). */
export const ACCEPTED_REFERRAL_STATUSES = ['ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED_UNRESOLVED'] as const;
export const NO_CATEGORY = 'NONE';
const NO_CATEGORY_LABEL = { ja: 'ニーズの指定なし', en: 'No need named' };
/** Every need a report lists (with zeros), NONE last. */
export const REPORTED_CATEGORIES: readonly string[] = [...SERVICE_CATEGORIES.codes, NO_CATEGORY];

export interface KeyedRow {
  readonly key: string;
  readonly count: number;
}
function countOf(rows: readonly KeyedRow[], key: string): number {
  return rows.filter((row) => row.key === key).reduce((sum, row) => sum + Number(row.count), 0);
}

function labeled<T extends string>(
  codes: readonly T[],
  labels: Readonly<Record<T, { ja: string; en: string }>>,
  rows: readonly KeyedRow[],
  language: Language,
  count: (value: number) => ReportCount,
): LabeledCount[] {
  return codes.map((key) => ({ key, label: labels[key][language], count: count(countOf(rows, key)) }));
}

function byOrganization(organizations: readonly string[], names: ReadonlyMap<string, string>, countOf: (organization: string) => ReportCount): OrganizationCount[] {
  return organizations
    .map((organization) => ({ organizationId: organization, organizationName: names.get(organization) ?? '', count: countOf(organization) }))
    .filter((row) => row.count.value !== 0)
    // Hidden cells sort together (as zero), so the order does not tell a 4 from a 1.
    .sort((a, b) => (b.count.value ?? 0) - (a.count.value ?? 0) || a.organizationName.localeCompare(b.organizationName, 'ja'));
}

/** Sample size under which the acceptance times and rates are not shown (as a suppressed cell). */
const MIN_ACCEPTED = 5;

export interface ReferralExtras {
  /** The acceptance-hour histogram of the slice's referrals. */
  readonly acceptanceHours: ReadonlyArray<{ readonly hours: number; readonly count: number }>;
  /** Awaiting a reply past the deadline now (a current state, one figure of its own). */
  readonly overdue: number;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * The referral figures of one slice (a month or the year) of the protected fiscal year. A rate
 * or percentile is given only when every count it is computed from is published: the accepted
 * statuses (its population) and its numerator; and, by ratePercentIfSafe, never when it would turn
 * back into a count of 1–4.
 */
export function referralFigures(year: ProtectedFiscalYear, slice: Slice, extras: ReferralExtras, language: Language): ReferralFigures {
  const accepted = ACCEPTED_REFERRAL_STATUSES.reduce((sum, status) => sum + year.statusValue(slice, status), 0);
  const acceptedHidden = ACCEPTED_REFERRAL_STATUSES.some((status) => year.status(slice, status).suppressed);
  const timed = extras.acceptanceHours.map((row) => ({ hours: Number(row.hours), count: Number(row.count) }));
  const timedCount = timed.reduce((sum, row) => sum + row.count, 0);
  const percentiles = timedCount >= MIN_ACCEPTED && !acceptedHidden;
  const rate = (status: string) =>
    ratePercentIfSafe(year.statusValue(slice, status), accepted, { part: year.status(slice, status).suppressed, whole: acceptedHidden });
  const categoryLabels: Record<string, { ja: string; en: string }> = { ...SERVICE_CATEGORIES.labels, [NO_CATEGORY]: NO_CATEGORY_LABEL };
  const months = slice === 'YEAR' ? year.months : [slice.month];
  return {
    total: year.total(slice),
    byStatus: REPORTED_REFERRAL_STATUSES.map((key) => ({ key, label: REFERRAL_STATUSES.labels[key][language], count: year.status(slice, key) })),
    byCategory: REPORTED_CATEGORIES.map((key) => ({ key, label: categoryLabels[key][language], count: year.category(slice, key) })),
    byMonth: months.map((month) => ({ month, count: year.total({ month }) })),
    bySender: byOrganization(year.senders, extras.names, (organization) => year.sender(slice, organization)),
    byReceiver: byOrganization(year.receivers, extras.names, (organization) => year.receiver(slice, organization)),
    medianHoursToAcceptance: percentiles ? percentileFromHistogram(timed, 50) : null,
    p90HoursToAcceptance: percentiles ? percentileFromHistogram(timed, 90) : null,
    completionRatePercent: rate('COMPLETED'),
    unresolvedRatePercent: rate('CLOSED_UNRESOLVED'),
    overdue: peopleCount(Number(extras.overdue)),
  };
}

export interface GrantRows {
  readonly published: number;
  readonly applicationsByStatus: readonly KeyedRow[];
  readonly awardedAmountYen: number;
}

export function grantFigures(rows: GrantRows, language: Language): GrantFigures {
  const applications = rows.applicationsByStatus.reduce((sum, row) => sum + Number(row.count), 0);
  return {
    published: plainCount(Number(rows.published)),
    applications: plainCount(applications),
    awarded: plainCount(countOf(rows.applicationsByStatus, 'AWARDED')),
    awardedAmountYen: Number(rows.awardedAmountYen),
    applicationsByStatus: labeled(APPLICATION_STATUSES.codes, APPLICATION_STATUSES.labels, rows.applicationsByStatus, language, plainCount),
  };
}

/**
 * Training of the slice: enrolments and completions from the protected year; the completion rate
 * (the slice's enrolments completed by now) only when neither count is hidden and it gives no
 * count of 1–4 back (5 enrolled, completions hidden, 40 % would be 2).
 */
export function trainingFigures(year: ProtectedFiscalYear, slice: Slice): TrainingFigures {
  const enrolments = year.enrolments(slice);
  const completions = year.completions(slice);
  const enrolled = enrolments.value ?? 0;
  return {
    enrolments,
    completions,
    completionRatePercent: ratePercentIfSafe(year.completedEnrolments(slice), enrolled, { part: completions.suppressed, whole: enrolments.suppressed }),
  };
}

export interface PartnershipRows {
  readonly byType: readonly KeyedRow[];
  readonly byStatus: readonly KeyedRow[];
}

export function partnershipFigures(rows: PartnershipRows, language: Language): PartnershipFigures {
  return {
    total: plainCount(rows.byType.reduce((sum, row) => sum + Number(row.count), 0)),
    byType: labeled(PARTNERSHIP_TYPES.codes, PARTNERSHIP_TYPES.labels, rows.byType, language, plainCount),
    byStatus: labeled(PARTNERSHIP_STATUSES.codes, PARTNERSHIP_STATUSES.labels, rows.byStatus, language, plainCount),
  };
}

// --- CSV -------------------------------------------------------------------------------------------

const HEADERS: Record<Language, readonly string[]> = {
  ja: ['区分', 'キー', '項目', '値'],
  en: ['section', 'key', 'label', 'value'],
};
export const REPORT_LABELS = {
  report: { ja: '報告', en: 'Report' },
  title: { ja: '表題', en: 'Title' },
  from: { ja: '期間の始め（日本時間）', en: 'From (Japan time)' },
  lastDay: { ja: '期間の最終日（日本時間）', en: 'Last day (Japan time)' },
  organization: { ja: '団体', en: 'Organisation' },
  wholeNetwork: { ja: 'ネットワーク全体', en: 'Whole network' },
  referrals: { ja: 'つなぎ（紹介）', en: 'Referrals' },
  referralStatus: { ja: 'つなぎ・状況別', en: 'Referrals by status' },
  referralCategory: { ja: 'つなぎ・ニーズ別', en: 'Referrals by need' },
  referralMonth: { ja: 'つなぎ・月別', en: 'Referrals by month' },
  referralSender: { ja: 'つなぎ・送り手別', en: 'Referrals by sender' },
  referralReceiver: { ja: 'つなぎ・受け手別', en: 'Referrals by receiver' },
  total: { ja: '合計', en: 'Total' },
  medianHours: { ja: '受け入れまでの時間（中央値・時間）', en: 'Hours to acceptance (median)' },
  p90Hours: { ja: '受け入れまでの時間（90パーセンタイル・時間）', en: 'Hours to acceptance (90th percentile)' },
  completionRate: { ja: '完了率（%）', en: 'Completion rate (%)' },
  unresolvedRate: { ja: '未解決終了率（%）', en: 'Closed unresolved rate (%)' },
  overdue: { ja: '返答期限切れ（現在）', en: 'Overdue replies (now)' },
  grants: { ja: '助成', en: 'Grants' },
  grantApplicationStatus: { ja: '助成・申請状況別', en: 'Grant applications by status' },
  published: { ja: '公開した助成', en: 'Grants published' },
  applications: { ja: '申請', en: 'Applications' },
  awarded: { ja: '採択', en: 'Awarded' },
  awardedAmount: { ja: '採択額（円）', en: 'Amount awarded (yen)' },
  training: { ja: '研修', en: 'Training' },
  enrolments: { ja: '受講登録', en: 'Enrolments' },
  completions: { ja: '修了', en: 'Completions' },
  trainingCompletionRate: { ja: '修了率（%）', en: 'Completion rate (%)' },
  partnerships: { ja: '連携', en: 'Partnerships' },
  partnershipType: { ja: '連携・種類別', en: 'Partnerships by type' },
  partnershipStatus: { ja: '連携・状況別', en: 'Partnerships by status' },
} satisfies Record<string, LocalizedText>;

/** "2026年4月" / "April 2026". */
export function monthLabel(month: string, language: Language): string {
  const [year, number] = month.split('-').map(Number);
  if (language === 'ja') return `${year}年${number}月`;
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A figure as shown: a count's display ("x" when hidden), a number, or empty when there is none. */
function shown(value: ReportCount | number | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : value.display;
}

export interface ReportSection {
  readonly section: string;
  readonly title: string;
  readonly rows: ReadonlyArray<{ readonly key: string; readonly label: string; readonly value: string }>;
  /** The rows are counts of one thing broken down (by status, month, organisation…): the PDF draws them as bars too. */
  readonly breakdown?: boolean;
}

/** The report as titled sections of key, label and shown value: what the CSV and the PDF print. */
export function reportSections(report: NetworkReport, organizationName: string | null, language: Language, title?: string): ReportSection[] {
  const t = (text: LocalizedText) => text[language];
  const row = (key: string, label: LocalizedText | string, value: ReportCount | number | null | string) => ({
    key,
    label: typeof label === 'string' ? label : t(label),
    value: typeof value === 'string' ? value : shown(value),
  });
  /** Figures named by their field: each row's key is the field, its value the figure. */
  const figures = <K extends string>(section: string, title: LocalizedText, values: NoInfer<Record<K, ReportCount | number | null>>, labels: Record<K, LocalizedText>): ReportSection => ({
    section,
    title: t(title),
    rows: (Object.keys(labels) as K[]).map((key) => row(key, labels[key], values[key])),
  });
  /** Counts of one thing by key (a status, a category, an organisation…), labelled. */
  const breakdown = (section: string, title: LocalizedText, items: ReadonlyArray<{ key: string; label: string; count: ReportCount }>): ReportSection => ({
    section,
    title: t(title),
    rows: items.map((item) => row(item.key, item.label, item.count)),
    breakdown: true,
  });
  const l = REPORT_LABELS;
  const r = report.referrals;
  const sections: ReportSection[] = [
    {
      section: 'report',
      title: t(l.report),
      rows: [
        ...(title ? [row('title', l.title, title)] : []),
        row('from', l.from, japanDate(report.from)),
        // The last day itself (2027-03-31), as people read a period; `to` is the exclusive instant after it.
        row('lastDay', l.lastDay, japanDate(new Date(report.to.getTime() - 1))),
        row('organization', l.organization, organizationName ?? t(l.wholeNetwork)),
      ],
    },
    figures('referrals', l.referrals, r, {
      total: l.total,
      medianHoursToAcceptance: l.medianHours,
      p90HoursToAcceptance: l.p90Hours,
      completionRatePercent: l.completionRate,
      unresolvedRatePercent: l.unresolvedRate,
      overdue: l.overdue,
    }),
    breakdown('referrals.status', l.referralStatus, r.byStatus),
    breakdown('referrals.category', l.referralCategory, r.byCategory),
    breakdown('referrals.month', l.referralMonth, r.byMonth.map((item) => ({ key: item.month, label: monthLabel(item.month, language), count: item.count }))),
    breakdown('referrals.sender', l.referralSender, r.bySender.map((item) => ({ key: item.organizationId, label: item.organizationName, count: item.count }))),
    breakdown('referrals.receiver', l.referralReceiver, r.byReceiver.map((item) => ({ key: item.organizationId, label: item.organizationName, count: item.count }))),
    figures('grants', l.grants, report.grants, { published: l.published, applications: l.applications, awarded: l.awarded, awardedAmountYen: l.awardedAmount }),
    breakdown('grants.applicationStatus', l.grantApplicationStatus, report.grants.applicationsByStatus),
    figures('training', l.training, report.training, { enrolments: l.enrolments, completions: l.completions, completionRatePercent: l.trainingCompletionRate }),
    figures('partnerships', l.partnerships, report.partnerships, { total: l.total }),
    breakdown('partnerships.type', l.partnershipType, report.partnerships.byType),
    breakdown('partnerships.status', l.partnershipStatus, report.partnerships.byStatus),
  ];
  return sections;
}

/**
 * A figure as printed for people (the annual PDF): digits grouped by the language's separators
 * ("900,000"), decimals kept as given; "x", empty values and anything else unchanged.
 */
export function readableFigure(value: string, language: Language): string {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  const decimals = value.split('.')[1]?.length ?? 0;
  return Number(value).toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** CSV (UTF-8 with BOM, CRLF) of section,key,label,value; formula-like cells defused. */
export function reportCsv(sections: readonly ReportSection[], language: Language): string {
  const records = sections.flatMap((section) => section.rows.map((item) => [section.section, item.key, item.label, item.value]));
  return spreadsheetCsv(HEADERS[language], records);
}
