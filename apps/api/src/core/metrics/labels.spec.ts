import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLIENT_OPERATION_NAMES } from './client-operations.generated';
import { operationLabel, outcomeLabel, routeLabel } from './labels';

describe('operationLabel', () => {
  it('keeps the names of operations the web client ships', () => {
    expect(operationLabel('Login')).toBe('Login');
    expect(operationLabel('Health')).toBe('Health');
  });

  it('puts every other name under "other", so clients cannot add series or smuggle data into labels', () => {
    expect(operationLabel('login')).toBe('other');
    expect(operationLabel('Login ')).toBe('other');
    expect(operationLabel('hanako.yamada@example.jp')).toBe('other');
    expect(operationLabel('Q' + 'x'.repeat(5000))).toBe('other');
    const labels = new Set(Array.from({ length: 10_000 }, (_, index) => operationLabel(`Invented${index}`)));
    expect([...labels]).toEqual(['other']);
  });

  it('names requests without an operation name "anonymous"', () => {
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel(null)).toBe('anonymous');
    expect(operationLabel('')).toBe('anonymous');
  });

  it('knows exactly the operations of the generated client (npm run codegen keeps the two in step)', () => {
    const generated = readFileSync(path.resolve(__dirname, '../../../../../libs/graphql-client/src/generated/graphql.ts'), 'utf8');
    const shipped = new Set(
      [...generated.matchAll(/"kind":"OperationDefinition","operation":"(?:query|mutation|subscription)","name":\{"kind":"Name","value":"(\w+)"/g)].map(
        (match) => match[1],
      ),
    );
    expect(shipped.size).toBeGreaterThan(50);
    expect([...CLIENT_OPERATION_NAMES].sort()).toEqual([...shipped].sort());
  });
});

describe('outcomeLabel', () => {
  it('is "ok" without errors and the stable code of the first error otherwise', () => {
    expect(outcomeLabel(undefined)).toBe('ok');
    expect(outcomeLabel([])).toBe('ok');
    expect(outcomeLabel([{ extensions: { code: 'UNAUTHENTICATED' } }, { extensions: { code: 'FORBIDDEN' } }])).toBe('UNAUTHENTICATED');
  });

  it('never takes a code it does not know', () => {
    expect(outcomeLabel([{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }])).toBe('INTERNAL');
    expect(outcomeLabel([{ extensions: { code: 'hanako@example.jp' } }])).toBe('INTERNAL');
    expect(outcomeLabel([{}])).toBe('INTERNAL');
  });
});

describe('routeLabel', () => {
  it('keeps route templates and groups what no route matched', () => {
    expect(routeLabel('/api/files/:id')).toBe('/api/files/:id');
    expect(routeLabel('/readyz')).toBe('/readyz');
    expect(routeLabel('/*')).toBe('/*');
    expect(routeLabel(undefined)).toBe('unmatched');
  });

  it('groups the web app files, whose names change with every build', () => {
    expect(routeLabel('/assets/index-5f2a9c.js')).toBe('static');
    expect(routeLabel('/favicon.ico')).toBe('static');
    expect(routeLabel('/api/reports/annual/:file')).toBe('/api/reports/annual/:file');
  });
});
