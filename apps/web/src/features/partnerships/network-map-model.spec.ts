import {
  addMonths,
  connectionsOf,
  defaultMapPeriod,
  drawableEdges,
  edgeWidths,
  MAX_EDGE_WIDTH,
  MIN_EDGE_WIDTH,
  MIN_REFERENCE_FLOW,
  PARTNERSHIP_EDGE_WIDTH,
  periodRange,
  readMapPeriod,
  referralWeight,
} from './network-map-model';

const counted = (value: number) => ({ value, suppressed: false, display: String(value) });
const suppressed = { value: null, suppressed: true, display: '<5' };

describe('the map period', () => {
  it('defaults to the current fiscal year (Japan time)', () => {
    expect(defaultMapPeriod(new Date('2026-11-27T03:00:00Z'))).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(defaultMapPeriod(new Date('2028-02-29T03:00:00Z'))).toEqual({ from: '2027-04-01', to: '2028-03-31' });
    // 1 April 00:00 in Japan is still 31 March in UTC.
    expect(defaultMapPeriod(new Date('2027-03-31T15:00:00Z'))).toEqual({ from: '2027-04-01', to: '2028-03-31' });
  });

  it('moves by months to the last day of a shorter month', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -12)).toBe('2025-01-15');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
  });

  it('reads a fiscal year from the URL, and falls back to the current one for any other period', () => {
    const now = new Date('2026-11-27T03:00:00Z');
    const fallback = { from: '2026-04-01', to: '2027-03-31' };
    expect(readMapPeriod(new URLSearchParams('from=2025-04-01&to=2026-03-31'), now)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(readMapPeriod(new URLSearchParams('from=2026-04-01&to=2026-09-30'), now)).toEqual(fallback);
    expect(readMapPeriod(new URLSearchParams('from=2026-04-01'), now)).toEqual(fallback);
    expect(readMapPeriod(new URLSearchParams('from=2026-02-30&to=2026-09-30'), now)).toEqual(fallback);
    expect(readMapPeriod(new URLSearchParams('from=2026-10-01&to=2026-09-30'), now)).toEqual(fallback);
  });

  it('sends whole Japan-time days as the half-open range the API takes', () => {
    expect(periodRange({ from: '2026-04-01', to: '2027-03-31' })).toEqual({
      from: '2026-03-31T15:00:00.000Z',
      to: '2027-03-31T15:00:00.000Z',
    });
  });
});

describe('edge widths', () => {
  it('draws partnerships at a fixed width and referral flows by the square root of their share of the largest', () => {
    const widths = edgeWidths([
      { kind: 'PARTNERSHIP', sourceId: 'a', targetId: 'b' },
      { kind: 'REFERRALS', sourceId: 'a', targetId: 'b', referrals: counted(100) },
      { kind: 'REFERRALS', sourceId: 'b', targetId: 'a', referrals: counted(25) },
    ]);
    expect(widths[0]).toBe(PARTNERSHIP_EDGE_WIDTH);
    expect(widths[1]).toBe(MAX_EDGE_WIDTH);
    // sqrt(25 / 100) = 0.5: half way between the thinnest and the widest.
    expect(widths[2]).toBe(Math.round((MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) / 2) * 10) / 10);
  });

  it('draws a suppressed flow (1–4 people) as 2, never as its real value', () => {
    expect(referralWeight(suppressed)).toBe(2);
    const [thin, wide] = edgeWidths([
      { kind: 'REFERRALS', sourceId: 'a', targetId: 'b', referrals: suppressed },
      { kind: 'REFERRALS', sourceId: 'b', targetId: 'a', referrals: counted(80) },
    ]);
    expect(thin).toBe(Math.round((MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * Math.sqrt(2 / 80)) * 10) / 10);
    expect(wide).toBe(MAX_EDGE_WIDTH);
  });

  it('measures small networks against a flow of 20, so suppressed flows alone are not drawn as the widest', () => {
    const expected = Math.round((MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * Math.sqrt(2 / MIN_REFERENCE_FLOW)) * 10) / 10;
    expect(edgeWidths([{ kind: 'REFERRALS', sourceId: 'a', targetId: 'b', referrals: suppressed }])).toEqual([expected]);
    expect(expected).toBeLessThan(MAX_EDGE_WIDTH / 2);
    expect(edgeWidths([{ kind: 'REFERRALS', sourceId: 'a', targetId: 'b', referrals: counted(0) }])).toEqual([MIN_EDGE_WIDTH]);
  });
});

describe('connections of a node', () => {
  const edges = [
    { kind: 'PARTNERSHIP', sourceId: 'city', targetId: 'npo' },
    { kind: 'REFERRALS', sourceId: 'npo', targetId: 'council', referrals: counted(12) },
    { kind: 'REFERRALS', sourceId: 'council', targetId: 'npo', referrals: suppressed },
    { kind: 'PARTNERSHIP', sourceId: 'city', targetId: 'council' },
  ];

  it('splits the edges touching a node into partnerships, flows out and flows in', () => {
    expect(connectionsOf(edges, 'npo')).toEqual({ partnerships: [0], referralsOut: [1], referralsIn: [2] });
    expect(connectionsOf(edges, 'city')).toEqual({ partnerships: [0, 3], referralsOut: [], referralsIn: [] });
  });

  it('keeps only edges between two different known nodes', () => {
    const known = new Set(['city', 'npo']);
    expect(drawableEdges([...edges, { kind: 'REFERRALS', sourceId: 'npo', targetId: 'npo' }], known)).toEqual([edges[0]]);
  });
});
