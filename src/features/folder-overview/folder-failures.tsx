/**
 * The files of a folder that could not be read (issue 19: "files that fail to load are listed with
 * their reason"): each path with the loader's own message and, when known, the line and column.
 * A native <details> keeps the list collapsible and keyboard accessible.
 */
import type { FolderFile } from '../../core/folder/folder-row';
import { plural } from '../../ui/format';

type FailedFile = Extract<FolderFile, { status: 'failed' }>;

export function FolderFailures({ failed }: { failed: readonly FailedFile[] }) {
  if (failed.length === 0) return null;
  return (
    <details className="folder-failures" open={failed.length <= 20}>
      <summary>{plural(failed.length, 'file')} could not be read</summary>
      <ul className="folder-failures__list" aria-label="Files that could not be read">
        {failed.map((file) => {
          const { line, column, message } = file.failure;
          const where =
            line !== undefined ? ` (line ${line}${column !== undefined ? `, column ${column}` : ''})` : '';
          return (
            <li key={file.path} className="folder-failures__item">
              <span className="folder-path">{file.path}</span>
              <span className="folder-failures__reason">
                {message}
                {where}
              </span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
