// Times every GraphQL request from the moment Apollo receives it to the response, labelled with
// the operation (bounded: labels.ts) and its outcome.
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import type { AppMetrics } from './app-metrics';
import { operationLabel, outcomeLabel } from './labels';

export function graphqlMetricsPlugin(metrics: AppMetrics): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const stopTimer = metrics.graphqlRequestDuration.startTimer();
      return {
        async willSendResponse({ response, operationName, document }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          // The operation Apollo resolved; when the query did not get that far (it failed
          // validation), the requested name or the name in the parsed document.
          const name = operationName ?? request.operationName ?? soleOperationName(document);
          stopTimer({ operation: operationLabel(name), outcome: outcomeLabel(errors) });
        },
      };
    },
  };
}

function soleOperationName(document: DocumentNode | undefined): string | undefined {
  const operations = document?.definitions.filter((definition) => definition.kind === 'OperationDefinition') ?? [];
  return operations.length === 1 ? operations[0].name?.value : undefined;
}
