import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { FileLoader } from './app/file-loader';
import { warmMarkdownWhenIdle } from './ui/markdown/markdown-view';
import './styles/tokens.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/empty-state.css';
import './styles/table.css';
import './styles/panels.css';

const root = document.getElementById('root');
if (root) {
  // The page's one loader: every file loads through it. Its spare worker starts when the page is idle.
  // `?parse-workers=N` sets a large file's parse pool (0: its load worker reads it alone); the
  // bench compares the two (scripts/bench). Without it, one parse worker per core.
  const asked = Number(new URLSearchParams(window.location.search).get('parse-workers') ?? NaN);
  const loader = new FileLoader(
    undefined,
    undefined,
    Number.isInteger(asked) && asked >= 0 && asked <= 8 ? asked : undefined,
  );
  loader.prepare();
  // After the loader's own idle start: the markdown pipeline's first runs, before any file shows.
  warmMarkdownWhenIdle();
  createRoot(root).render(
    <StrictMode>
      <App loader={loader} />
    </StrictMode>,
  );
}
