/**
 * Fetches a remote image the user asked to see, and hands back a `blob:` URL for an `<img>`.
 * Fetching it (rather than pointing an `<img>` at the server) lets the page's Content-Security-
 * Policy keep `img-src` to its own origin, `data:` and `blob:` (issue 6): the one network path out
 * is `connect-src`, used only on a click or for a `#url=` link. The request carries no cookies and
 * no referrer (https://fetch.spec.whatwg.org/#concept-request-credentials-mode). Only raster image
 * types are shown, as pixels in an `<img>` (issue 8); a server that does not allow other sites to
 * read its images (no CORS header) is reported as such, with the address to open by hand.
 */
import { useCallback, useEffect, useState } from 'react';
import { isInlineImageType } from './safe-url';

export type RemoteImageState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'shown'; objectUrl: string }
  | { status: 'failed'; reason: string };

/** Larger images are refused: a cassette must not make the tab download without bound. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

async function fetchImage(href: string, signal: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(href, { credentials: 'omit', referrerPolicy: 'no-referrer', signal });
  } catch {
    throw new Error('the server does not let other sites read its images (no CORS), or it is unreachable');
  }
  if (!response.ok) throw new Error(`the server answered HTTP ${response.status}`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!isInlineImageType(type)) throw new Error(`it is not a raster image (${type || 'no type'})`);
  const blob = await response.blob();
  if (blob.size > MAX_IMAGE_BYTES) throw new Error('it is larger than 20 MB');
  return new Blob([blob], { type });
}

export function useRemoteImage(href: string): { state: RemoteImageState; load: () => void } {
  const [state, setState] = useState<RemoteImageState>({ status: 'idle' });
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!asked) return;
    const controller = new AbortController();
    let objectUrl: string | null = null;
    setState({ status: 'loading' });
    fetchImage(href, controller.signal).then(
      (blob) => {
        objectUrl = URL.createObjectURL(blob);
        setState({ status: 'shown', objectUrl });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [asked, href]);
  const load = useCallback(() => setAsked(true), []);
  return { state, load };
}
