/**
 * Images, audio and documents inside a message (issue 4 "Images", issue 8). Bytes carried in the
 * cassette show as a thumbnail only for raster image types; a remote image shows its host and
 * loads on a click; SVG or HTML are never rendered, only described.
 */
import type { ContentPart, MediaSource } from '../../core/model/conversation';
import { RemoteImage } from '../../ui/markdown/remote-image';
import { toInlineImageUrl } from '../../ui/markdown/safe-url';
import { MarkdownView } from '../../ui/markdown/markdown-view';

export interface MediaPartProps {
  part: Extract<ContentPart, { kind: 'image' | 'audio' | 'document' }>;
}

export function MediaPart({ part }: MediaPartProps) {
  if (part.kind === 'image') {
    return <figure className="cv-media">{imageFor(part.source)}</figure>;
  }
  if (part.kind === 'audio') {
    return <p className="cv-media cv-muted">Audio clip · {describeSource(part.source)}</p>;
  }
  return (
    <details className="cv-fold cv-document">
      <summary>
        Document{part.title ? `: ${part.title}` : ''}
        <span className="cv-muted"> · {part.source ? describeSource(part.source) : 'text'}</span>
      </summary>
      {part.text ? (
        <MarkdownView text={part.text} />
      ) : (
        <p className="cv-muted">No text carried in the file.</p>
      )}
    </details>
  );
}

function imageFor(source: MediaSource) {
  if (source.kind === 'url') return <RemoteImage src={source.url} alt="Image from the conversation" />;
  const url = toInlineImageUrl(source.mimeType, source.base64);
  if (url) {
    return (
      <>
        <img className="cv-thumbnail" src={url} alt={`Inline ${source.mimeType} image`} />
        <figcaption className="cv-muted">{describeSource(source)}</figcaption>
      </>
    );
  }
  return (
    <p className="cv-muted">
      Image not rendered · {describeSource(source)} (only raster image types are shown)
    </p>
  );
}

/** "image/png, 12.3 KB inline" or "remote: host". */
export function describeSource(source: MediaSource): string {
  if (source.kind === 'url') {
    if (source.url.startsWith('data:'))
      return `data URL, ${source.url.slice(5, 40).split(/[;,]/)[0] || 'unknown type'}`;
    try {
      return `remote: ${new URL(source.url).host}`;
    } catch {
      return 'remote address';
    }
  }
  const bytes = Math.floor((source.base64.replace(/[\s=]/g, '').length * 3) / 4);
  const size = bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;
  return `${source.mimeType}, ${size} inline`;
}
