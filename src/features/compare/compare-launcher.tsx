/**
 * The "Compare…" control: opens a small panel to choose the second cassette — another open one,
 * a file from disk, or a file dropped onto the panel. The drop is handled here and stops there, so
 * the page-wide drop target (features/file-drop) does not also open it as a new file.
 * Disclosure pattern: https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/
 */
import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { CompareCandidate } from './use-compare-source';

export interface CompareLauncherProps {
  beforeName: string;
  others: CompareCandidate[];
  onPickFile: (file: File) => void;
  onPickOpen: (candidate: CompareCandidate) => void;
}

export function CompareLauncher({ beforeName, others, onPickFile, onPickOpen }: CompareLauncherProps) {
  const [open, setOpen] = useState(false);
  const [hovering, setHovering] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // A click outside closes the panel, as a popover would; focus stays where the user clicked.
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    triggerRef.current?.focus();
  };
  const pick = (file: File | undefined) => {
    if (!file) return;
    setOpen(false);
    onPickFile(file);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    // React listens at the root, below window: stopping here keeps the page drop target out.
    event.stopPropagation();
    setHovering(false);
    pick(event.dataTransfer.files[0]);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'copy';
    setHovering(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };

  return (
    <div ref={rootRef} className="cmp-launcher">
      <button
        ref={triggerRef}
        type="button"
        className="cmp-button cmp-button--primary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        Compare…
      </button>
      <input
        ref={inputRef}
        type="file"
        // Hidden, not visually hidden: "Choose a file…" opens it, and a screen reader should not
        // meet a second, unlabelled-looking control (issue 18, "no phantom controls").
        hidden
        data-compare-input=""
        aria-label="Choose a cassette to compare with"
        tabIndex={-1}
        onChange={(event) => {
          pick(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {open && (
        <div
          id={panelId}
          className="cmp-launcher__panel"
          role="group"
          aria-label="Compare with"
          onKeyDown={onKeyDown}
        >
          <p className="cmp-launcher__intro">
            Compare <strong>{beforeName}</strong> (before) with:
          </p>
          {others.length > 0 && (
            <ul className="cmp-launcher__others" aria-label="Open cassettes">
              {others.map((other, index) => (
                <li key={index}>
                  <button
                    type="button"
                    className="cmp-button cmp-launcher__other"
                    onClick={() => {
                      setOpen(false);
                      onPickOpen(other);
                    }}
                  >
                    {other.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div
            className={`cmp-launcher__drop${hovering ? ' cmp-launcher__drop--hover' : ''}`}
            onDragOver={onDragOver}
            onDragEnter={onDragOver}
            onDragLeave={() => setHovering(false)}
            onDrop={onDrop}
          >
            <span>Drop a cassette here, or</span>
            <button type="button" className="cmp-button" onClick={() => inputRef.current?.click()}>
              Choose a file…
            </button>
          </div>
          <button type="button" className="cmp-link" onClick={close}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
