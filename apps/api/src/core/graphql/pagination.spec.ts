import { Conditions } from '../database/conditions';
import { addKeysetCondition } from './pagination';

const ID = '0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b';

describe('addKeysetCondition', () => {
  it('adds nothing on the first page', () => {
    const where = new Conditions();
    addKeysetCondition(where, null, 'p.created_at', 'p.id', 'timestamptz');
    expect(where.sql).toBe('true');
  });

  it('continues strictly past the cursor in the list order', () => {
    const where = new Conditions();
    where.param('tenant');
    addKeysetCondition(where, { key: '2026-04-01 09:00:00.123+09', id: ID }, 'p.created_at', 'p.id', 'timestamptz');
    addKeysetCondition(where, { key: '2026-04-01', id: ID }, 'i.occurred_on', 'i.id', 'date', 'ASC');
    expect(where.clauses).toEqual(['(p.created_at, p.id) < ($2::timestamptz, $3::uuid)', '(i.occurred_on, i.id) > ($4::date, $5::uuid)']);
    expect(where.params).toEqual(['tenant', '2026-04-01 09:00:00.123+09', ID, '2026-04-01', ID]);
  });

  it("takes 'infinity', the key of a sort that puts rows without a value last", () => {
    const where = new Conditions();
    addKeysetCondition(where, { key: 'infinity', id: ID }, 'k', 'id', 'timestamptz', 'ASC');
    expect(where.params).toEqual(['infinity', ID]);
    expect(() => addKeysetCondition(new Conditions(), { key: '-infinity x', id: ID }, 'k', 'id', 'timestamptz')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuses keys that are not what the sort column writes', () => {
    for (const [key, type] of [['2026-02-30', 'date'], ['2026-04-01', 'timestamptz'], ["1'; DROP TABLE x", 'timestamptz']] as const) {
      expect(() => addKeysetCondition(new Conditions(), { key, id: ID }, 'k', 'id', type)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });
});
