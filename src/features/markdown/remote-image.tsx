/**
 * An image referenced by untrusted content. Inline raster data URLs render at once as `<img>`
 * (an `<img>` never runs script). A remote image would tell its server that someone opened the
 * cassette, so it shows its host name and loads only on a click (issue 4, 8). Anything else
 * (SVG or HTML data URLs, javascript:) is shown as a disabled placeholder.
 */
import { useState } from 'react';
import { classifyUrl } from './safe-url';

export interface RemoteImageProps {
  src: string;
  alt: string;
}

export function RemoteImage({ src, alt }: RemoteImageProps) {
  const [loaded, setLoaded] = useState(false);
  const url = classifyUrl(src);
  if (url.kind === 'inline-image' && url.href) {
    return <img className="md-image" src={url.href} alt={alt} />;
  }
  if (url.kind === 'remote' && url.href) {
    if (loaded) {
      return <img className="md-image" src={url.href} alt={alt} referrerPolicy="no-referrer" />;
    }
    return (
      <button type="button" className="md-remote-image" onClick={() => setLoaded(true)}>
        Load image from <strong>{url.host}</strong>
        {alt ? ` — ${alt}` : ''}
      </button>
    );
  }
  return <span className="md-inert-link">[image not shown{alt ? `: ${alt}` : ''}]</span>;
}
