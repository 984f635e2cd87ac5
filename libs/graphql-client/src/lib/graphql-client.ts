export function graphqlClient(): string {
  return 'graphql-client';
}
