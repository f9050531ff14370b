/** Where the open files came from when `cassette-viewer FILE… | DIR…` served them (issue 19). */
import type { LocalSource } from './use-local-loader';
import './local-source-note.css';

export function LocalSourceNote({ source }: { source: LocalSource }) {
  const what = source.kind === 'folder' ? 'folder' : `${source.count} file${source.count === 1 ? '' : 's'}`;
  return (
    <span className="local-source-note" title={source.root}>
      {what} from cassette-viewer on <code>{source.root}</code>
    </span>
  );
}
