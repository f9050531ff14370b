/**
 * Opens the cassette a link names when the page starts (issue 6):
 * - `#c=d1:…&n=NAME` carries the cassette itself; it is inflated in the share worker;
 * - `#url=ADDRESS` fetches it (cassette-url.ts).
 * Either way the bytes go through the normal load path (`openLater`), so a file that is not a
 * cassette shows the usual failure panel, and the rest of the fragment (`i`, `view`, `t`) selects
 * the interaction, view and replay position as for any deep link.
 */
import { useEffect, useRef } from 'react';
import { fetchCassette, resolveCassetteUrl, sourceLabel } from './cassette-url';
import { boundedSharedName } from '../../core/share/share-codec';
import { decodeShareInWorker } from './share-client';

/** Registers a file at once (shown as loading) and loads the bytes when they arrive. */
export type OpenLater = (name: string, bytes: () => Promise<Uint8Array>) => void;

export type LinkRequest =
  { kind: 'shared'; payload: string; name: string } | { kind: 'url'; address: string };

/** Reads the fragment's `c`/`n` or `url` keys. */
export function linkRequestFromHash(hash: string): LinkRequest | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const payload = params.get('c');
  if (payload)
    return { kind: 'shared', payload, name: boundedSharedName(params.get('n') || 'shared cassette') };
  const address = params.get('url');
  if (address) return { kind: 'url', address };
  return null;
}

export function openLink(request: LinkRequest, openLater: OpenLater, fetcher: typeof fetch = fetch): void {
  if (request.kind === 'shared') {
    // The name inside the payload is the one the sharer had; `n` only names a link that fails.
    decodeShareInWorker(request.payload).then(
      ({ fileName, bytes }) => openLater(fileName, () => Promise.resolve(bytes)),
      (error: unknown) => openLater(request.name, () => Promise.reject(error)),
    );
    return;
  }
  const resolved = resolveCassetteUrl(request.address);
  if (!resolved.ok) {
    openLater(boundedSharedName(request.address) || 'link', () =>
      Promise.reject(new Error(resolved.message)),
    );
    return;
  }
  // Named after the fetch, by the address the bytes came from: a redirect (a moved file, a
  // shortener) must not leave the first address as the label (issue 14).
  fetchCassette(resolved.url, fetcher).then(
    ({ bytes, url }) => openLater(sourceLabel(url), () => Promise.resolve(bytes)),
    (error: unknown) => openLater(sourceLabel(resolved.url), () => Promise.reject(error)),
  );
}

/** Identifies a link, so Back/Forward between states of the same link do not reopen it. */
function linkKey(request: LinkRequest): string {
  return request.kind === 'shared' ? `c:${request.payload}` : `url:${request.address}`;
}

export function useLinkLoader(openLater: OpenLater): void {
  const opened = useRef<string | null>(null);
  useEffect(() => {
    const openFromHash = () => {
      const request = linkRequestFromHash(window.location.hash);
      // Once per link: StrictMode runs effects twice in development, and Back/Forward between
      // `#c=…&i=1` and `#c=…&i=2` must only move the selection. A different link pasted into the
      // address bar (only the fragment changes, so the page does not reload) opens its cassette.
      if (!request || linkKey(request) === opened.current) return;
      opened.current = linkKey(request);
      openLink(request, openLater);
    };
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => window.removeEventListener('hashchange', openFromHash);
  }, [openLater]);
}
