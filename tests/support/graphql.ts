export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: T | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
  };
}

export interface SignedInClient {
  readonly token: string;
  readonly refreshCookie: string;
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
}

/** A GraphQL request as the web app sends it (POST, JSON). */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export interface Page<T> {
  readonly nodes: T[];
  readonly pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** Every node of a connection: `page` reads the page after a cursor (null: the first), to the last. */
export async function allPages<T>(page: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  for (;;) {
    const { nodes, pageInfo } = await page(after);
    all.push(...nodes);
    if (!pageInfo.hasNextPage) return all;
    after = pageInfo.endCursor;
  }
}

export function clientWith(url: string, token: string, refreshCookie: string): SignedInClient {
  return {
    token,
    refreshCookie,
    request: (query, variables, headers) =>
      graphql(url, query, { variables, headers: { authorization: `Bearer ${token}`, ...headers } }),
  };
}
