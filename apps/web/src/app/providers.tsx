// Wraps the app in its providers: Mantine (theme), Apollo (GraphQL), i18next (translations).
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createApolloClient } from './apollo-client';
import { i18n } from './i18n/i18n';
import { cssVariablesResolver, theme } from './theme';

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createApolloClient);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <ApolloProvider client={client}>{children}</ApolloProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
