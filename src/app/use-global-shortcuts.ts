/**
 * Page-wide ways in: Ctrl/Cmd+O opens the file picker, and pasting anywhere outside a text field
 * opens the pasted cassette (text, or files copied in a file manager). The paste event's
 * `clipboardData` needs no clipboard permission
 * (https://w3c.github.io/clipboard-apis/#clipboard-event-paste).
 */
import { useEffect, useRef } from 'react';

export interface GlobalShortcutHandlers {
  onOpenFile: () => void;
  onPasteText: (text: string) => void;
  onPasteFiles: (files: File[]) => void;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

export function useGlobalShortcuts(handlers: GlobalShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  }, [handlers]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        !event.shiftKey &&
        event.key.toLowerCase() === 'o'
      ) {
        event.preventDefault();
        latest.current.onOpenFile();
      }
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || !event.clipboardData) return;
      const files = Array.from(event.clipboardData.files);
      if (files.length > 0) {
        event.preventDefault();
        latest.current.onPasteFiles(files);
        return;
      }
      const text = event.clipboardData.getData('text/plain');
      if (text.trim() === '') return;
      event.preventDefault();
      latest.current.onPasteText(text);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('paste', onPaste);
    };
  }, []);
}
