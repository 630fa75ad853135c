import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { installOutboxSync } from './app/outbox-sync';
import { registerServiceWorker } from './app/service-worker';
import { installSessionBoundary } from './app/session-boundary';
import { i18nReady } from './lib/i18n';
import './styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain #root');

installSessionBoundary();

// The static shell of index.html stays on screen until the active language's strings are in.
void i18nReady.finally(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

registerServiceWorker();
installOutboxSync();
