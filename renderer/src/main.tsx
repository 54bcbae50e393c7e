import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultClient } from './api/client.js';
import { ClientProvider } from './api/context.js';
import { App } from './App.js';
import './styles.css';

// Browser mode: the token is now in an HttpOnly cookie; keep it out of the address bar and history.
if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ClientProvider client={defaultClient()}>
        <App />
      </ClientProvider>
    </StrictMode>,
  );
}
