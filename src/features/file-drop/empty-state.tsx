/**
 * What a first-time visitor sees: what the app is for, the four ways in, and the privacy promise.
 * The "Open sample" and "Open file" buttons live once, in the header, so each accessible name
 * names exactly one control; this panel points at them and offers its own wording.
 */
export interface EmptyStateProps {
  onOpenSample: () => void;
  onOpenFile: () => void;
  /** "⌘" on Apple platforms, "Ctrl" elsewhere. */
  modifierKey: string;
}

export function EmptyState({ onOpenSample, onOpenFile, modifierKey }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <div className="empty-state__art" aria-hidden="true">
        <svg viewBox="0 0 120 80" width="120" height="80">
          <rect x="4" y="8" width="112" height="64" rx="10" className="art-body" />
          <rect x="18" y="20" width="84" height="28" rx="6" className="art-window" />
          <circle cx="40" cy="34" r="9" className="art-reel" />
          <circle cx="80" cy="34" r="9" className="art-reel" />
          <path d="M30 72l8-14h44l8 14z" className="art-base" />
        </svg>
      </div>
      <h2 id="empty-state-title">Read LLM API recordings as conversations</h2>
      <p className="empty-state__lead">
        Open an HTTP cassette from your test suite — go-vcr, vcrpy, Ruby VCR or Polly HAR — and see each call
        to OpenAI, Anthropic, Gemini or Bedrock as one readable thread, with its raw HTTP and a replay of the
        stream.
      </p>
      <ul className="empty-state__ways">
        <li>
          <span className="way-title">Drop</span> one or more files, or a whole folder, anywhere on this page
        </li>
        <li>
          <button type="button" className="link-button" onClick={onOpenFile}>
            Choose files…
          </button>{' '}
          or press <kbd>{modifierKey}</kbd> <kbd>O</kbd>
        </li>
        <li>
          <span className="way-title">Paste</span> cassette text with <kbd>{modifierKey}</kbd> <kbd>V</kbd>
        </li>
        <li>
          <button type="button" className="link-button" onClick={onOpenSample}>
            Try the bundled example
          </button>{' '}
          — two streamed tool calls through OpenRouter
        </li>
      </ul>
      <p className="empty-state__privacy">
        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="empty-state__lock">
          <path d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7zm2 0h4V5a2 2 0 1 0-4 0z" />
        </svg>{' '}
        Files are read in this tab and never uploaded.
      </p>
    </section>
  );
}
