/**
 * Builds the link the dialog shows: this page's address without its fragment, then
 * `#c=d1:…&n=NAME` and the deep-link state in the keys app/url-state.ts reads (`i` 1-based call
 * number, `view`, `t` replay ms), so opening it restores the selection and view. Features do not
 * import app/, so the three keys are written here (url-state.test.ts reads links built this way).
 */
export interface LinkState {
  /** 0-based selected interaction. */
  exchange: number | null;
  view: 'timeline' | 'raw' | 'replay';
  positionMs: number | null;
}

export function buildShareLink(pageUrl: string, payload: string, fileName: string, state: LinkState): string {
  const base = pageUrl.split('#')[0] ?? pageUrl;
  const name = fileName.split(/[\\/]/).pop() || fileName;
  const params = new URLSearchParams([['n', name]]);
  if (state.exchange !== null) params.set('i', String(state.exchange + 1));
  if (state.view !== 'timeline') params.set('view', state.view);
  if (state.view === 'replay' && state.positionMs !== null)
    params.set('t', String(Math.round(state.positionMs)));
  // The payload's alphabet (base64url and ':') is allowed as is in a fragment (RFC 3986 §3.5), so
  // it is written unescaped; URLSearchParams reads it back unchanged.
  return `${base}#c=${payload}&${params.toString()}`;
}

/** Copies with the Clipboard API; false when it is unavailable or refused (the caller selects the text). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Saves text as a file through a temporary object URL (nothing leaves the browser). */
export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
