import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { FileLoader } from './app/file-loader';
import './styles/tokens.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/empty-state.css';
import './styles/table.css';
import './styles/panels.css';

const root = document.getElementById('root');
if (root) {
  // The page's one loader: every file loads through it. Its spare worker starts when the page is idle.
  const loader = new FileLoader();
  loader.prepare();
  createRoot(root).render(
    <StrictMode>
      <App loader={loader} />
    </StrictMode>,
  );
}
