// Typed GraphQL operations generated from apps/api/schema.gql and the web's .graphql
// documents (`npm run codegen`). Nothing here is hand-written; do not edit generated/.
export * from './generated/graphql';
export * from './generated/gql';
