// Chooses each error message's language from the request's Accept-Language (Japanese by
// default). formatError has no access to the request, so it leaves both texts for this step.
import type { ApolloServerPlugin } from '@apollo/server';
import { LocalizedText, preferredLanguage } from '@tsunagu/domain';
import type { GraphQLFormattedError } from 'graphql';
import { LOCALIZED_MESSAGE_KEY } from './format-error';

function localize(error: GraphQLFormattedError, language: 'ja' | 'en'): GraphQLFormattedError {
  const extensions = { ...(error.extensions ?? {}) };
  const text = extensions[LOCALIZED_MESSAGE_KEY] as LocalizedText | undefined;
  delete extensions[LOCALIZED_MESSAGE_KEY];
  return { ...error, message: text ? text[language] : error.message, extensions };
}

export function localizeErrorsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const language = preferredLanguage(request.http?.headers.get('accept-language') ?? undefined);
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
              localize(error, language),
            );
          }
        },
      };
    },
  };
}
