/**
 * Makes the whole page a drop target (issue 2: "dropping it anywhere on the page"). Listens on
 * `window` so no layout box has to cover the page, and shows an overlay while files hover.
 * Drag events: https://html.spec.whatwg.org/multipage/dnd.html#dndevents
 */
import { useEffect, useRef, useState } from 'react';
import {
  entriesFromDrop,
  filesFromEntries,
  handlesFromDrop,
  type DroppedFile,
} from './collect-dropped-files';

export interface PageDropTargetProps {
  onFiles: (files: DroppedFile[]) => void;
  /** A drop that holds a folder: its name and every file under it (the folder overview, issue 19). */
  onFolder?: (name: string, files: DroppedFile[]) => void;
}

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** The dropped folder's name (the only entry, a directory), a generic one for several, or null for files only. */
function folderName(entries: Array<FileSystemEntry | File>): string | null {
  const folders = entries.filter((entry) => !(entry instanceof File) && entry.isDirectory);
  if (folders.length === 0) return null;
  return entries.length === 1 ? folders[0]!.name : 'Dropped items';
}

export function PageDropTarget({ onFiles, onFolder }: PageDropTargetProps) {
  const [hovering, setHovering] = useState(false);
  // dragenter/dragleave fire for every child element; count them to know when the pointer left the page.
  const depth = useRef(0);
  const onFilesRef = useRef(onFiles);
  const onFolderRef = useRef(onFolder);
  useEffect(() => {
    onFilesRef.current = onFiles;
    onFolderRef.current = onFolder;
  }, [onFiles, onFolder]);

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setHovering(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // preventDefault on dragover is what allows the drop.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setHovering(false);
    };
    const drop = (event: DragEvent) => {
      depth.current = 0;
      setHovering(false);
      if (!event.dataTransfer || !carriesFiles(event)) return;
      event.preventDefault();
      const handles = handlesFromDrop(event.dataTransfer);
      const entries = entriesFromDrop(event.dataTransfer);
      const folder = folderName(entries);
      void filesFromEntries(entries).then(async (files) => {
        if (folder !== null && onFolderRef.current) return onFolderRef.current(folder, files);
        if (files.length === 0) return;
        // Files dropped on their own keep their handle, matched by name (a drop has one file per name).
        const byName = await handles;
        onFilesRef.current(
          files.map((dropped) => ({ ...dropped, handle: byName.get(dropped.path) ?? null })),
        );
      });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!hovering) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay__card">
        <strong>Drop cassettes to open them</strong>
        <span>Files or whole folders · YAML, JSON, HAR, gzip</span>
      </div>
    </div>
  );
}
