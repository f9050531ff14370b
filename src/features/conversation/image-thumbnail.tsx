/**
 * An image carried in the file as a thumbnail that opens full size in a modal dialog (issue 16:
 * generated images). The dialog is the platform's `<dialog>` with `showModal()`, which traps
 * focus, closes on Escape and returns focus to the thumbnail
 * (https://html.spec.whatwg.org/multipage/interactive-elements.html#the-dialog-element).
 */
import { useRef } from 'react';

export interface ImageThumbnailProps {
  /** A data: URL of a raster image (safe-url.ts `toInlineImageUrl`). */
  src: string;
  alt: string;
  caption: string;
}

export function ImageThumbnail({ src, alt, caption }: ImageThumbnailProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className="cv-thumbnail-button"
        onClick={() => dialog.current?.showModal()}
        aria-label={`Open full size: ${alt}`}
      >
        <img className="cv-thumbnail" src={src} alt={alt} />
      </button>
      <dialog
        ref={dialog}
        className="cv-image-dialog"
        aria-label={alt}
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself, outside its content) closes it.
          if (event.target === dialog.current) dialog.current.close();
        }}
      >
        <div className="cv-image-dialog-head">
          <span className="cv-muted">{caption}</span>
          <button type="button" className="cv-link-button" onClick={() => dialog.current?.close()} autoFocus>
            Close
          </button>
        </div>
        <img className="cv-image-full" src={src} alt={alt} />
      </dialog>
    </>
  );
}
