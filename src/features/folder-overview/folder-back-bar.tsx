/**
 * The way back to the folder overview while one of its cassettes is open (issue 19): a visible
 * Back button beside the browser's own Back, which does the same.
 */
export interface FolderBackBarProps {
  folderName: string;
  onBack: () => void;
}

export function FolderBackBar({ folderName, onBack }: FolderBackBarProps) {
  return (
    <nav className="folder-back" aria-label="Folder">
      <button type="button" className="button" onClick={onBack}>
        <span aria-hidden="true">← </span>Back to folder
      </button>
      <span>
        Opened from <strong>{folderName}</strong>
      </span>
    </nav>
  );
}
