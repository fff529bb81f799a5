import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The app is loaded after the Firebase configuration is resolved (config.ts); a site that cannot find its
// configuration says why instead of showing a blank page.
try {
  const { App } = await import('./app/App');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} catch (error) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.dataset.testid = 'config-error';
  message.textContent = `DebtX cannot start: ${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(message);
  throw error;
}
