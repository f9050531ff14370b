/**
 * The top bar: the product name and the ways to open a cassette. The file input is the one
 * `input[type=file]` on the page (e2e helpers use it); the "Open file" button and Ctrl/Cmd+O
 * click it where the browser has no File System Access picker. `multiple` lets one pick several cassettes at once.
 */
import type { ReactNode, RefObject } from 'react';

export interface AppHeaderProps {
  fileInputRef: RefObject<HTMLInputElement | null>;
  onFilesPicked: (files: File[]) => void;
  /** "Open file": the picker with file handles where the browser has one, else this input (use-file-opener.ts `pickFiles`). */
  onOpenFile: () => void;
  onOpenSample: () => void;
  shortcutLabel: string;
  /** Controls other features add to the bar (Share, Compare). */
  extraActions?: ReactNode;
  /** After "Open file" and its input (which e2e helpers find as the first file input): "Open folder…". */
  openFolderAction?: ReactNode;
}

export function AppHeader({
  fileInputRef,
  onFilesPicked,
  onOpenFile,
  onOpenSample,
  shortcutLabel,
  extraActions,
  openFolderAction,
}: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <img src="./favicon.svg" alt="" width="28" height="28" className="brand__logo" />
        <h1 className="brand__name">Cassette Viewer</h1>
        <span className="brand__tagline">LLM API recordings as conversations</span>
      </div>
      <div className="app-header__actions">
        {extraActions}
        <button type="button" className="button" onClick={onOpenSample}>
          Open sample
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={onOpenFile}
          aria-keyshortcuts="Control+O Meta+O"
          title={`Open file (${shortcutLabel}+O)`}
        >
          Open file
        </button>
        <input
          ref={fileInputRef}
          type="file"
          multiple
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // Reset so picking the same file again still fires `change`.
            event.target.value = '';
            if (files.length > 0) onFilesPicked(files);
          }}
        />
        {openFolderAction}
      </div>
    </header>
  );
}
