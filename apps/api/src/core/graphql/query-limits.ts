// Limits that keep one request from costing the server a lot: depth (nested selections) as a
// validation rule, and estimated complexity (each field 1, list fields their page size).
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError } from './app-error';

export function depthLimitRule(maxDepth: number): ValidationRule {
  return depthLimit(maxDepth);
}

export function complexityLimitPlugin(getSchema: () => GraphQLSchema, maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = getComplexity({
            schema: getSchema(),
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > maxComplexity) {
            throw new AppError(
              'BAD_USER_INPUT',
              {
                ja: `問い合わせが複雑すぎます（${complexity}、上限 ${maxComplexity}）。取得する項目や件数を減らしてください。`,
                en: `The query is too complex (${complexity}, limit ${maxComplexity}). Ask for fewer fields or a smaller page.`,
              },
              { reason: 'QUERY_TOO_COMPLEX', httpStatus: 400 },
            );
          }
        },
      };
    },
  };
}
