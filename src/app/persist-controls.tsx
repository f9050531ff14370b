/**
 * The sidebar's controls for kept files (issue 17): "Reload from disk" for the file on screen and
 * "Forget files" for all of them, with a line for what went wrong (quota, a file that moved).
 *
 * "Reload from disk" reads the file's handle in one click where the browser gave one (a drop, or
 * an earlier pick here; persist-disk.ts). Without one it asks for the file: with the browser's
 * picker where it returns a handle (so the next reload is one click), else with a file input.
 */
import { useRef, useState } from 'react';
import type { FileEntry } from './app-state';
import { canPickWithHandle, pickFilesWithHandles } from './persist-disk';
import type { PersistedFiles } from './use-persisted-files';
import './persist-controls.css';

export interface PersistControlsProps {
  /** The file on screen, or null. */
  file: FileEntry | null;
  persisted: PersistedFiles;
}

/** Files that have a file on disk behind them (not the sample, a paste or a link). */
function fromDisk(file: FileEntry | null): file is FileEntry {
  return file !== null && (file.origin === 'picked' || file.origin === 'dropped' || file.origin === 'folder');
}

export function PersistControls({ file, persisted }: PersistControlsProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  // The file the fallback input or the "Choose the file" button will reload.
  const target = useRef<string | null>(null);
  const [askFor, setAskFor] = useState<{ id: string; name: string } | null>(null);
  // On a phone the notice shows one line until asked (persist-controls.css); the sidebar is short.
  const [expanded, setExpanded] = useState(false);

  const ask = (id: string) => {
    target.current = id;
    setAskFor(null);
    if (!canPickWithHandle()) {
      inputRef.current?.click();
      return;
    }
    void pickFilesWithHandles({ multiple: false }).then((pick) => {
      const picked = pick.kind === 'picked' ? pick.files[0] : undefined;
      if (picked) persisted.reloadWith(id, picked.file, picked.handle);
      else if (pick.kind === 'use-input') inputRef.current?.click();
    });
  };

  const reload = (entry: FileEntry) => {
    if (!persisted.hasDiskHandle(entry.id)) return ask(entry.id);
    void persisted.reloadFromHandle(entry.id).then((ok) => {
      if (!ok) setAskFor({ id: entry.id, name: entry.name });
    });
  };

  return (
    <div className="persist-controls">
      <div className="persist-controls__actions">
        {fromDisk(file) && (
          <button
            type="button"
            className="button persist-controls__button"
            disabled={file.status === 'loading'}
            title={`Read ${file.name} again from disk, at the same call and tab`}
            onClick={() => reload(file)}
          >
            Reload from disk
          </button>
        )}
        <button
          type="button"
          className="button persist-controls__button"
          title="Close every file and stop keeping them in this browser"
          onClick={persisted.forget}
        >
          Forget files
        </button>
      </div>
      {persisted.notice && (
        <div className="persist-controls__notice" role="alert">
          <span
            id="persist-notice-text"
            className={`persist-controls__notice-text${expanded ? ' is-expanded' : ''}`}
          >
            {persisted.notice}
          </span>
          <button
            type="button"
            className="link-button persist-controls__more"
            aria-expanded={expanded}
            aria-controls="persist-notice-text"
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'Less' : 'More'}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => {
              setAskFor(null);
              setExpanded(false);
              persisted.dismissNotice();
            }}
          >
            ×
          </button>
          {askFor && (
            <>
              <span className="persist-controls__notice-break" />
              <button
                type="button"
                className="button persist-controls__button"
                title={`Choose ${askFor.name} again`}
                onClick={() => ask(askFor.id)}
              >
                Choose the file…
              </button>
            </>
          )}
        </div>
      )}
      <input
        ref={inputRef}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-reload-input
        onChange={(event) => {
          const picked = event.target.files?.[0];
          // Reset so choosing the same file again still fires `change`.
          event.target.value = '';
          if (picked && target.current) persisted.reloadWith(target.current, picked);
        }}
      />
    </div>
  );
}
