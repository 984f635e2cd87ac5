import { buildSchema, graphql, GraphQLResolveInfo } from 'graphql';
import { isFieldSelected } from './selected-fields';

const schema = buildSchema(`
  type Registration { id: ID }
  type Session { id: ID registrations: [Registration] }
  type Connection { nodes: [Session] }
  type Query { sessions: Connection }
`);

async function selected(query: string): Promise<boolean> {
  let answer = false;
  await graphql({
    schema,
    source: query,
    rootValue: {
      sessions: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        answer = isFieldSelected(info, ['nodes', 'registrations']);
        return { nodes: [] };
      },
    },
  });
  return answer;
}

describe('isFieldSelected', () => {
  it('finds a field asked for directly, in an inline fragment or in a named fragment', async () => {
    expect(await selected('{ sessions { nodes { id registrations { id } } } }')).toBe(true);
    expect(await selected('{ sessions { nodes { ... on Session { registrations { id } } } } }')).toBe(true);
    expect(await selected('{ sessions { nodes { ...S } } } fragment S on Session { id registrations { id } }')).toBe(true);
  });

  it('answers false when the field is not asked for', async () => {
    expect(await selected('{ sessions { nodes { id } } }')).toBe(false);
    expect(await selected('{ sessions { nodes { ...S } } } fragment S on Session { id }')).toBe(false);
  });
});
