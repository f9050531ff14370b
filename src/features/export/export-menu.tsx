/**
 * The "Export" menu in the top bar (issue 19): a markdown transcript, a HAR 1.2 archive, or the
 * masked cassette, each masked and made in a worker (export-client.ts), then saved under a name
 * taken from the cassette's. Keyboard: the WAI-ARIA menu button pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/): Enter, Space or ArrowDown opens it on
 * the first item, ArrowUp on the last; arrows, Home and End move; Escape closes it and returns
 * focus to the button; Tab closes it. What happened is said in a live region beside it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { exportInWorker, saveText } from './export-client';
import type { ExportKind } from './export-protocol';
import './export.css';

export interface ExportMenuProps {
  /** The file's original bytes (null once it is closed). */
  readSource: () => Promise<Uint8Array | null>;
  fileName: string;
}

const ITEMS: { kind: ExportKind; label: string; busy: string }[] = [
  { kind: 'md', label: 'Markdown transcript (.md)', busy: 'Writing the transcript…' },
  { kind: 'har', label: 'HAR 1.2 archive (.har)', busy: 'Writing the HAR archive…' },
  { kind: 'masked', label: 'Masked cassette (same format)', busy: 'Masking the cassette…' },
];

type Status = { kind: 'idle' } | { kind: 'busy' | 'done' | 'failed'; text: string };

function secretsNote(count: number): string {
  return count === 0 ? 'no secret found' : `${count} secret${count === 1 ? '' : 's'} masked`;
}

export function ExportMenu({ readSource, fileName }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');

  const items = () =>
    Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    const list = items();
    (focusOnOpen.current === 'first' ? list[0] : list[list.length - 1])?.focus();
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  // A "Saved …" note goes after a while (it has been announced); a failure stays until closed.
  useEffect(() => {
    if (status.kind !== 'done') return;
    const timer = setTimeout(() => setStatus({ kind: 'idle' }), 8000);
    return () => clearTimeout(timer);
  }, [status]);

  const openAt = (where: 'first' | 'last') => {
    focusOnOpen.current = where;
    setStatus({ kind: 'idle' });
    setOpen(true);
  };

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const run = async (kind: ExportKind) => {
    const item = ITEMS.find((entry) => entry.kind === kind);
    close(true);
    setStatus({ kind: 'busy', text: item?.busy ?? 'Exporting…' });
    const bytes = await readSource();
    if (!bytes) {
      setStatus({ kind: 'failed', text: 'The file is closed; open it again to export it.' });
      return;
    }
    const result = await exportInWorker({ kind, fileName, bytes });
    if (!result.ok) {
      setStatus({ kind: 'failed', text: `Export failed: ${result.message}` });
      return;
    }
    saveText(result.text, result.downloadName, result.mimeType);
    setStatus({
      kind: 'done',
      text: `Saved ${result.downloadName} (${secretsNote(result.secretsMasked)}).${result.notes.map((note) => ` ${note}`).join('')}`,
    });
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (index: number) => list[(index + list.length) % list.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
  };

  return (
    <div className="export-menu">
      <button
        ref={button}
        type="button"
        className="button"
        id="export-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'export-menu-list' : undefined}
        // aria-disabled, not disabled: a disabled button drops the keyboard focus it holds.
        aria-disabled={status.kind === 'busy'}
        onClick={() => {
          if (status.kind === 'busy') return;
          if (open) close(false);
          else openAt('first');
        }}
        onKeyDown={(event) => {
          if (status.kind !== 'busy' && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault();
            openAt(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {status.kind === 'busy' ? 'Exporting…' : 'Export'}
      </button>
      {open && (
        <ul
          ref={menu}
          id="export-menu-list"
          role="menu"
          aria-labelledby="export-menu-button"
          className="export-menu__list"
          onKeyDown={onMenuKey}
        >
          {ITEMS.map((item) => (
            <li key={item.kind} role="none">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void run(item.kind)}>
                {item.label}
              </button>
            </li>
          ))}
          <li role="none" className="export-menu__note">
            Secrets are masked in every export.
          </li>
        </ul>
      )}
      {/* aria-live without role="status": the page's one status role is its status bar (e2e helpers find it so). */}
      <p
        aria-live="polite"
        className={`export-menu__status${status.kind === 'idle' ? ' visually-hidden' : ''}${status.kind === 'failed' ? ' export-menu__status--failed' : ''}`}
      >
        {status.kind === 'idle' ? '' : status.text}
        {status.kind === 'done' || status.kind === 'failed' ? (
          <button
            type="button"
            className="icon-button export-menu__dismiss"
            aria-label="Close this message"
            onClick={() => setStatus({ kind: 'idle' })}
          >
            ×
          </button>
        ) : null}
      </p>
    </div>
  );
}
