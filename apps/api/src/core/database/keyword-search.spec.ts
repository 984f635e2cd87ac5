import { Conditions } from './conditions';
import { addKeywordConditions, bigramsOf, searchTerms } from './keyword-search';

describe('searchTerms', () => {
  it('normalises the keywords and gives each its synonyms', () => {
    expect(searchTerms(' 社協　いばしょ ')).toEqual([
      { typed: '社協', alternatives: ['社協', '社会福祉協議会'] },
      { typed: 'イバショ', alternatives: ['イバショ'] },
    ]);
    expect(searchTerms(null)).toEqual([]);
  });
});

describe('addKeywordConditions', () => {
  it('looks for every term, each by any of its alternatives, in the document or its reading', () => {
    const where = new Conditions();
    addKeywordConditions(where, 's', searchTerms('社協 区'));
    expect(where.sql).toBe(
      '((s.search_bigrams @> $2::text[] AND (s.search_document LIKE $1 OR s.search_reading LIKE $1))' +
        ' OR (s.search_bigrams @> $4::text[] AND (s.search_document LIKE $3 OR s.search_reading LIKE $3)))' +
        ' AND (s.search_document LIKE $5 OR s.search_reading LIKE $5)',
    );
    expect(where.params).toEqual(['%社協%', ['社協'], '%社会福祉協議会%', bigramsOf('社会福祉協議会'), '%区%']);
  });
});
