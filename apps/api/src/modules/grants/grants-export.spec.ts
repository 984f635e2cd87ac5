import { loadMunicipalityRegistry, type MunicipalityRegistry } from '@tsunagu/domain';
import type { GrantRow } from './grant-reader';
import { funderIdentifier, grants360Giving, grantsCsv, tokyoDateTime } from './grants-export';

let places: MunicipalityRegistry;
beforeAll(async () => {
  places = await loadMunicipalityRegistry();
});

const row = (overrides: Partial<GrantRow> = {}): GrantRow => ({
  tenant_id: '00000000-0000-4000-8000-000000000001',
  id: '00000000-0000-4000-8000-0000000000aa',
  organization_id: '00000000-0000-4000-8000-0000000000bb',
  organization_name: 'つながりサポートセンター',
  title: '子どもの居場所づくり活動助成',
  funder_name: '公益財団法人みらい子ども財団',
  funder_kind: 'FOUNDATION',
  summary: '居場所の立ち上げを応援します。',
  details_html: '<p>詳細</p>',
  grant_type: 'GRANT',
  amount_min: 100000,
  amount_max: 1000000,
  amount_unlimited: false,
  subsidy_rate_percent: null,
  window_opens_at: new Date('2026-11-01T00:00:00Z'),
  window_closes_at: new Date('2026-12-25T08:00:00Z'),
  project_starts_on: '2027-04-01',
  project_ends_on: '2028-03-31',
  eligible_kinds: ['NPO'],
  legal_forms: [],
  nationwide: false,
  region_codes: ['13000', '13102'],
  themes: ['IBASHO', 'CHILDREN_YOUTH'],
  application_url: 'https://grants.example.jp/1',
  contact: null,
  status: 'PUBLISHED',
  visibility: 'NETWORK',
  published_at: new Date('2026-11-01T01:00:00Z'),
  closed_at: null,
  source: 'MANUAL',
  source_id: null,
  created_at: new Date('2026-11-01T00:00:00Z'),
  updated_at: new Date('2026-11-02T00:00:00Z'),
  ...overrides,
});

describe('the CSV export', () => {
  it('is UTF-8 with a BOM and CRLF, with labels in the language asked for', () => {
    const csv = grantsCsv([row()], 'ja', places);
    expect(csv.startsWith('\uFEFFID,名称,')).toBe(true);
    const [, line] = csv.slice(1).split('\r\n');
    expect(line).toContain(',財団・基金,助成金,');
    expect(line).toContain(',100000,1000000,,,2026-11-01 09:00,2026-12-25 17:00,2027-04-01,2028-03-31,東京都 東京都中央区,13000 13102,居場所、子ども・若者,');
    expect(grantsCsv([row()], 'en', places)).toContain(',Foundation,Grant,');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const csv = grantsCsv([row({ title: '=1+2', funder_name: '＠財団', summary: '-3' })], 'ja', places);
    expect(csv).toContain(",'=1+2,'＠財団,");
    expect(csv).toContain(",'-3,");
  });
});

describe('the 360Giving-style export', () => {
  it('maps a listing to an opportunity without award fields', () => {
    const [grant] = grants360Giving([row()], places).grants;
    expect(grant).toMatchObject({
      id: '360G-tsunagu-00000000-0000-4000-8000-0000000000aa',
      title: '子どもの居場所づくり活動助成',
      description: '居場所の立ち上げを応援します。',
      currency: 'JPY',
      plannedDates: [{ startDate: '2027-04-01', endDate: '2028-03-31' }],
      fundingOrganization: [{ id: funderIdentifier('公益財団法人みらい子ども財団'), name: '公益財団法人みらい子ども財団' }],
      beneficiaryLocation: [
        { name: '東京都', geoCode: '13000', countryCode: 'JP' },
        { name: '東京都中央区', geoCode: '13102', countryCode: 'JP' },
      ],
      dateModified: '2026-11-02T00:00:00.000Z',
    });
    for (const field of ['amountAwarded', 'amountAppliedFor', 'awardDate', 'recipientOrganization']) expect(grant).not.toHaveProperty(field);
    expect(grants360Giving([row({ summary: '', project_starts_on: null, project_ends_on: null, nationwide: true, region_codes: [] })], places).grants[0]).toMatchObject({
      description: '詳細',
      beneficiaryLocation: [{ name: '全国', countryCode: 'JP' }],
    });
    expect(grants360Giving([row({ project_starts_on: null, project_ends_on: null })], places).grants[0]).not.toHaveProperty('plannedDates');
  });

  it('gives a funder the same identifier each time', () => {
    expect(funderIdentifier(' 東京都 ')).toBe(funderIdentifier('東京都'));
    expect(funderIdentifier('東京都')).not.toBe(funderIdentifier('中央区'));
    expect(tokyoDateTime(null)).toBe('');
  });
});
