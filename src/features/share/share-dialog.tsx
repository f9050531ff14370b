/**
 * The Share dialog (issue 6): what will be masked, the link with its length, a warning above
 * LONG_LINK_CHARS with the two ways out (share only the selected interaction, or download the masked
 * file), and copying. Masking, verifying and encoding run in the share worker; the dialog is a
 * modal <dialog> (https://html.spec.whatwg.org/multipage/interactive-elements.html#the-dialog-element),
 * which brings focus trapping and Escape for free.
 */
import { useEffect, useRef, useState } from 'react';
import type { PreparedShare } from '../../core/share/prepare-share';
import { LONG_LINK_CHARS } from '../../core/share/share-codec';
import { MaskPreview } from './mask-preview';
import { prepareShareInWorker } from './share-client';
import { buildShareLink, copyText, downloadText, type LinkState } from './share-link';
import './share.css';
import { formatCount } from '../../ui/format';
import { trapTabKey } from '../../ui/focus-trap';

export interface ShareDialogProps {
  /** The file's original bytes (null once it is closed); the Share worker masks and encodes them. */
  readSource: () => Promise<Uint8Array | null>;
  fileName: string;
  exchangeCount: number;
  deepLink: LinkState;
  onClose: () => void;
}

type Scope = 'all' | 'selected';

export function ShareDialog({ readSource, fileName, exchangeCount, deepLink, onClose }: ShareDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const linkRef = useRef<HTMLTextAreaElement>(null);
  const [masking, setMasking] = useState(true);
  const [scope, setScope] = useState<Scope>('all');
  const [result, setResult] = useState<PreparedShare | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'selected'>('idle');
  const selected = deepLink.exchange;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    let current = true;
    setResult(null);
    setCopyState('idle');
    void (async () => {
      const bytes = await readSource();
      const prepared: PreparedShare = bytes
        ? await prepareShareInWorker({
            fileName,
            bytes,
            mask: masking,
            indices: scope === 'selected' && selected !== null ? [selected] : null,
          })
        : { ok: false, message: 'The original file is no longer available; open it again to share it.' };
      if (current) setResult(prepared);
    })();
    return () => {
      current = false;
    };
  }, [readSource, fileName, masking, scope, selected]);

  const link =
    result?.ok && result.payload
      ? buildShareLink(window.location.href, result.payload, fileName, {
          ...deepLink,
          exchange: scope === 'selected' ? 0 : deepLink.exchange,
        })
      : null;
  const long = link !== null && link.length > LONG_LINK_CHARS;

  const copy = async () => {
    if (!link) return;
    if (await copyText(link)) setCopyState('copied');
    else {
      // Fallback: select the text so Ctrl/Cmd+C copies it.
      linkRef.current?.focus();
      linkRef.current?.select();
      setCopyState('selected');
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="share-dialog"
      aria-labelledby="share-dialog-title"
      onClose={onClose}
      onKeyDown={trapTabKey}
    >
      <header className="share-dialog__header">
        <h2 id="share-dialog-title">Share {fileName.split(/[\\/]/).pop()}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          onClick={() => dialogRef.current?.close()}
        >
          ×
        </button>
      </header>
      <p className="share-dialog__lead">
        The link carries the cassette itself after the <code>#</code>, a part of the address browsers never
        send to a server. Anyone with the link can read it.
      </p>

      <section className="share-dialog__section" aria-label="Secrets to mask">
        <label className="share-dialog__check">
          <input type="checkbox" checked={masking} onChange={(event) => setMasking(event.target.checked)} />
          Mask secrets (credential headers, query parameters and fields, API keys, account ids) before sharing
        </label>
        {result === null && (
          <p className="share-dialog__note" role="status">
            Finding and masking secrets, then checking the masked copy…
          </p>
        )}
        {result !== null && !result.ok && (
          <p className="share-dialog__alert" role="alert">
            {result.message}
          </p>
        )}
        {result?.ok && (
          <MaskPreview
            found={result.found}
            surviving={result.surviving}
            masking={masking}
            check={result.check}
          />
        )}
      </section>

      {selected !== null && exchangeCount > 1 && (
        <fieldset className="share-dialog__scope">
          <legend>Include</legend>
          <label>
            <input
              type="radio"
              name="share-scope"
              checked={scope === 'all'}
              onChange={() => setScope('all')}
            />
            All {formatCount(exchangeCount)} interactions
          </label>
          <label>
            <input
              type="radio"
              name="share-scope"
              checked={scope === 'selected'}
              onChange={() => setScope('selected')}
            />
            Only the selected interaction (#{selected + 1})
          </label>
        </fieldset>
      )}

      {link !== null && (
        <div className="share-dialog__section">
          <div className="share-dialog__link-head">
            <label htmlFor="share-link">Link</label>
            <span
              className={long ? 'share-dialog__length share-dialog__length--long' : 'share-dialog__length'}
            >
              {link.length.toLocaleString('en-US')} characters
            </span>
          </div>
          <textarea
            id="share-link"
            ref={linkRef}
            className="share-dialog__link"
            readOnly
            value={link}
            rows={3}
          />
          {long && (
            <div className="share-dialog__warning" role="note">
              <p>
                This link is longer than {LONG_LINK_CHARS.toLocaleString('en-US')} characters: chat apps and
                GitHub comments cut links that long.
              </p>
              <div className="share-dialog__warning-actions">
                {scope === 'all' && selected !== null && exchangeCount > 1 && (
                  <button type="button" className="button" onClick={() => setScope('selected')}>
                    Share only interaction #{selected + 1}
                  </button>
                )}
                <span>or download the masked cassette and send the file.</span>
              </div>
            </div>
          )}
        </div>
      )}

      <footer className="share-dialog__actions">
        <span className="share-dialog__copied" role="status">
          {copyState === 'copied'
            ? 'Link copied.'
            : copyState === 'selected'
              ? 'Press Ctrl+C (⌘C) to copy.'
              : ''}
        </span>
        <button
          type="button"
          className="button"
          disabled={!result?.ok || result.surviving.length > 0}
          onClick={() => result?.ok && downloadText(result.text, result.downloadName)}
        >
          {masking ? 'Download masked cassette' : 'Download cassette'}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={link === null}
          onClick={() => void copy()}
        >
          Copy link
        </button>
      </footer>
    </dialog>
  );
}
