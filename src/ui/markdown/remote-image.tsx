/**
 * An image referenced by untrusted content. Inline raster data URLs render at once as `<img>`
 * (an `<img>` never runs script). A remote image would tell its server that someone opened the
 * cassette, so it shows its host name and loads only on a click (issue 4, 8), through
 * use-remote-image.ts. Anything else (SVG or HTML data URLs, javascript:) is shown as a disabled
 * placeholder.
 */
import { classifyUrl } from './safe-url';
import { useRemoteImage } from './use-remote-image';

export interface RemoteImageProps {
  src: string;
  alt: string;
}

function Remote({ href, host, alt }: { href: string; host: string; alt: string }) {
  const { state, load } = useRemoteImage(href);
  if (state.status === 'shown') return <img className="md-image" src={state.objectUrl} alt={alt} />;
  if (state.status === 'failed') {
    return (
      <span className="md-remote-image md-remote-image--failed" role="note">
        Could not show the image from <strong>{host}</strong>: {state.reason}.{' '}
        <span className="md-remote-image__address">{href}</span>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="md-remote-image"
      onClick={load}
      disabled={state.status === 'loading'}
      aria-busy={state.status === 'loading'}
    >
      {state.status === 'loading' ? 'Loading image from ' : 'Load image from '}
      <strong>{host}</strong>
      {alt ? ` — ${alt}` : ''}
    </button>
  );
}

export function RemoteImage({ src, alt }: RemoteImageProps) {
  const url = classifyUrl(src);
  if (url.kind === 'inline-image' && url.href) {
    return <img className="md-image" src={url.href} alt={alt} />;
  }
  if (url.kind === 'remote' && url.href) return <Remote href={url.href} host={url.host ?? ''} alt={alt} />;
  return <span className="md-inert-link">[image not shown{alt ? `: ${alt}` : ''}]</span>;
}
