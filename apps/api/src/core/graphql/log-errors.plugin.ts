// One log line per response that carries errors, with their stable codes and the operation
// name: enough to see what clients get wrong without logging queries or variables, which can
// hold personal data. Internal failures are logged in detail by formatError already.
import type { ApolloServerPlugin } from '@apollo/server';
import type { PinoLogger } from 'nestjs-pino';

export function logErrorsPlugin(logger: PinoLogger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operationName }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors?.length) return;
          const codes = response.body.singleResult.errors.map((error) => String(error.extensions?.['code']));
          logger.info({ codes, operationName: operationName ?? null }, 'GraphQL errors returned');
        },
      };
    },
  };
}
