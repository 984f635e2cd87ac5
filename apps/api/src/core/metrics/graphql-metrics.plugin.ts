// Times every GraphQL request from the moment Apollo receives it to the response, labelled with
// the operation (bounded: labels.ts) and its outcome.
import type { ApolloServerPlugin } from '@apollo/server';
import type { AppMetrics } from './app-metrics';
import { operationLabel, outcomeLabel } from './labels';

export function graphqlMetricsPlugin(metrics: AppMetrics): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const stopTimer = metrics.graphqlRequestDuration.startTimer();
      return {
        async willSendResponse({ response, operationName }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          // The operation Apollo resolved; the requested name when the query did not get that far.
          stopTimer({ operation: operationLabel(operationName ?? request.operationName), outcome: outcomeLabel(errors) });
        },
      };
    },
  };
}
