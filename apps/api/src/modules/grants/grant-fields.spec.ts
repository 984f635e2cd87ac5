import type { GrantInput } from './dto/grants.input';
import { grantSearchDocument, sanitizeDetails, validateGrantFields } from './grant-fields';
import { Conditions } from '../../core/database/conditions';
import { applySort } from './grant-search';

const input = (overrides: Partial<GrantInput> = {}): GrantInput => ({
  title: '居場所づくり助成',
  funderName: 'テスト財団',
  funderKind: 'FOUNDATION',
  summary: '',
  detailsHtml: '',
  grantType: 'GRANT',
  amountUnlimited: false,
  eligibleKinds: [],
  legalForms: [],
  nationwide: true,
  regionCodes: [],
  themes: ['IBASHO'],
  visibility: 'NETWORK',
  ...overrides,
});

describe('sanitizeDetails', () => {
  it('keeps the allowed markup and drops scripts, handlers, styles and unsafe links', () => {
    const html = sanitizeDetails(
      '<h3>対象</h3><p style="x" onclick="y()">NPO<br><em>法人</em></p><script>alert(1)</script><img src=x onerror=alert(1)>' +
        '<ol><li><a href="javascript:alert(1)">a</a></li><li><a href="//evil.example">b</a></li></ol><a href="https://example.jp" onmouseover="z">ok</a><table><tr><td>t</td></tr></table>',
    );
    expect(html).toBe(
      '<h3>対象</h3><p>NPO<br /><em>法人</em></p><ol><li><a rel="noopener noreferrer nofollow" target="_blank">a</a></li>' +
        '<li><a rel="noopener noreferrer nofollow" target="_blank">b</a></li></ol><a href="https://example.jp" rel="noopener noreferrer nofollow" target="_blank">ok</a>t',
    );
  });
});

describe('sanitizeDetails and the rich-text editor', () => {
  // The HTML the web's editor (Tiptap's StarterKit and Link, as RichTextField configures them) writes for each of its tools.
  const editorHtml =
    '<h3>対象</h3><p>地域の<strong>子ども食堂</strong>と<em>居場所</em>です。</p><ul><li><p>食材費</p></li><li><p>会場費</p></li></ul>' +
    '<h4>申請</h4><ol><li><p>書類を<a target="_blank" rel="noopener noreferrer nofollow" href="https://example.jp/boshu">募集要項</a>から</p></li></ol><p>以上</p>';

  it("keeps everything the editor writes, unchanged", () => {
    expect(sanitizeDetails(editorHtml)).toBe(editorHtml);
  });

  it('still drops a script and event handlers pasted in with it', () => {
    const html = sanitizeDetails(`${editorHtml}<script>alert(1)</script><p onclick="steal()"><strong onmouseover="x()">太字</strong></p>`);
    expect(html).toBe(`${editorHtml}<p><strong>太字</strong></p>`);
    expect(html).not.toMatch(/script|onclick|onmouseover/);
  });
});

describe('validateGrantFields', () => {
  it('normalises a valid listing: no maximum with no upper limit, no regions when nationwide', () => {
    const fields = validateGrantFields(input({ amountUnlimited: true, regionCodes: ['13102'], subsidyRatePercent: 0.29 }));
    expect(fields).toMatchObject({ amountMax: null, amountUnlimited: true, regionCodes: [], subsidyRatePercent: 0.29 });
  });

  it('names every faulty field', () => {
    expect.assertions(1);
    try {
      validateGrantFields(input({ title: '', amountMin: 1.5, nationwide: false, regionCodes: [], projectStartsOn: '2027-04-01', projectEndsOn: '2027-03-31' }));
    } catch (error) {
      expect(Object.keys((error as { extensions: { fields: object } }).extensions.fields).sort()).toEqual(['amountMin', 'projectEndsOn', 'regionCodes', 'title']);
    }
  });
});

describe('grantSearchDocument', () => {
  it('holds the texts, the plain text of the details and the labels of themes and funder kind, normalised', () => {
    const document = grantSearchDocument(validateGrantFields(input({ detailsHtml: '<p>こども<strong>食堂</strong></p>' })));
    expect(document).toContain('コドモ食堂');
    expect(document).toContain('財団・基金');
    expect(document).toContain('places to belong');
    expect(document).not.toContain('<');
  });
});

describe('applySort', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const id = '00000000-0000-4000-8000-000000000001';

  it('continues after a cursor with NULLs last and id as the tie-breaker, refusing forged keys', () => {
    const where = new Conditions();
    const { orderBy } = applySort(where, 'NEWEST', { key: '2026-12-01 10:00:00+00', id }, now);
    expect(orderBy).toBe('g.published_at DESC NULLS LAST, g.id ASC');
    expect(where.sql).toContain('g.published_at IS NULL');
    expect(() => applySort(new Conditions(), 'AMOUNT', { key: '1; DROP', id }, now)).toThrow();
    expect(() => applySort(new Conditions(), 'NEWEST', { key: 'yesterday', id }, now)).toThrow();
  });

  it('puts closed listings (by status or a past closing time) after the open ones for DEADLINE, with "now" as a parameter', () => {
    const where = new Conditions();
    const { orderBy } = applySort(where, 'DEADLINE', { key: 'infinity', id }, now);
    expect(orderBy).toMatch(/^\(CASE WHEN g\.status = 'CLOSED' OR g\.window_closes_at <= \$1::timestamptz THEN NULL/);
    expect(orderBy).toContain(`coalesce(g.window_closes_at, 'infinity'::timestamptz)`);
    expect(where.params).toEqual([now, id, 'infinity']);
  });
});
