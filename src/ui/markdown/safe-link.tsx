/**
 * A link from untrusted content. Remote links show their host beside the text, so the reader
 * sees where a click goes before clicking, and open in a new tab without referrer or opener
 * (https://html.spec.whatwg.org/multipage/links.html#link-type-noreferrer). Anything that is not
 * http(s) or mailto is rendered as text with its address in a tooltip, never as a live link.
 */
import type { ReactNode } from 'react';
import { classifyUrl } from './safe-url';

export interface SafeLinkProps {
  href: string;
  children: ReactNode;
}

export function SafeLink({ href, children }: SafeLinkProps) {
  const url = classifyUrl(href);
  if ((url.kind === 'remote' || url.kind === 'mail') && url.href) {
    return (
      <>
        <a href={url.href} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">
          {children}
        </a>
        {url.host && <span className="md-link-host"> ({url.host})</span>}
      </>
    );
  }
  return (
    <span className="md-inert-link" title={href ? `Link disabled: ${href.slice(0, 200)}` : 'Link disabled'}>
      {children}
    </span>
  );
}
