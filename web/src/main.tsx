import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { installOutboxSync } from './app/outbox-sync';
import { registerServiceWorker } from './app/service-worker';
import { installSessionBoundary } from './app/session-boundary';
import './lib/i18n';
import './styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain #root');

installSessionBoundary();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker();
installOutboxSync();
