/**
 * "Open folder…": a folder picker (`<input type="file" webkitdirectory>`,
 * https://wicg.github.io/entries-api/#dom-htmlinputelement-webkitdirectory). Each picked File's
 * `webkitRelativePath` is its path inside the folder, starting with the folder's name. Rendered
 * after the page's "Open file" input, which e2e helpers find as the first file input.
 */
import { useRef } from 'react';

export interface PickedFolderFile {
  file: File;
  path: string;
}

export function OpenFolderButton({ onPicked }: { onPicked: (files: PickedFolderFile[]) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => inputRef.current?.click()}>
        Open folder…
      </button>
      <input
        ref={inputRef}
        type="file"
        // React passes unknown lower-case attributes through; webkitdirectory is not in its types.
        {...{ webkitdirectory: '' }}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-folder-input
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0)
            onPicked(files.map((file) => ({ file, path: file.webkitRelativePath || file.name })));
        }}
      />
    </>
  );
}
