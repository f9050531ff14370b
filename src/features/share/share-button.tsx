/**
 * The "Share" button in the top bar; it opens the Share dialog for the selected cassette.
 * The dialog (and through it the worker client) loads on first use, keeping it off the initial
 * bundle (https://react.dev/reference/react/lazy).
 */
import { lazy, Suspense, useState } from 'react';
import type { LinkState } from './share-link';

const ShareDialog = lazy(() => import('./share-dialog').then((module) => ({ default: module.ShareDialog })));

export interface ShareButtonProps {
  /** The file's original bytes (null once it is closed); the Share worker masks and encodes them. */
  readSource: () => Promise<Uint8Array | null>;
  fileName: string;
  exchangeCount: number;
  deepLink: LinkState;
}

export function ShareButton(props: ShareButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Share
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog {...props} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
