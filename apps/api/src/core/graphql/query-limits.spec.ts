import { buildSchema, parse, validate } from 'graphql';
import { depthLimitRule } from './query-limits';

const schema = buildSchema(`
  type Person { name: String friends: [Person!]! }
  type Query { me: Person }
`);

function depthErrors(query: string, maxDepth: number): string[] {
  return validate(schema, parse(query), [depthLimitRule(maxDepth)]).map((error) => error.message);
}

describe('depthLimitRule', () => {
  it('accepts a query at the limit', () => {
    expect(depthErrors('{ me { friends { friends { name } } } }', 3)).toEqual([]);
  });

  it('refuses a query past the limit, also through fragments', () => {
    expect(depthErrors('{ me { friends { friends { friends { name } } } } }', 3)).toHaveLength(1);
    expect(
      depthErrors('fragment F on Person { friends { friends { name } } } { me { friends { ...F } } }', 3),
    ).toHaveLength(1);
  });
});
