import './app/zod-without-eval';
import '@mantine/core/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import * as ReactDOM from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app/app';
import { restoreSession } from './app/auth/auth-store';
import { Providers } from './app/providers';

// A reload keeps the person signed in: the refresh cookie is exchanged for a new access token.
restoreSession();

const root = ReactDOM.createRoot(document.getElementById('root') as HTMLElement);

root.render(
  <StrictMode>
    <Providers>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </Providers>
  </StrictMode>,
);
