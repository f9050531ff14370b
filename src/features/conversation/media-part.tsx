/**
 * Images, audio and documents inside a message (issue 4 "Images", issue 8, issue 16). Bytes carried
 * in the cassette show as a thumbnail that opens full size, only for raster image types; a remote
 * image shows its host and loads on a click; SVG or HTML are never rendered, only described. Audio
 * gets a player and its transcript (audio-part.tsx).
 */
import type { ContentPart } from '../../core/model/conversation';
import { RemoteImage } from '../../ui/markdown/remote-image';
import { toInlineImageUrl } from '../../ui/markdown/safe-url';
import { MarkdownView } from '../../ui/markdown/markdown-view';
import { AudioPart } from './audio-part';
import { describeSource } from './describe-source';
import { ImageThumbnail } from './image-thumbnail';

export interface MediaPartProps {
  part: Extract<ContentPart, { kind: 'image' | 'audio' | 'document' }>;
  /** True for a part of the model's answer (a generated image), false for one the caller sent. */
  generated?: boolean;
}

export function MediaPart({ part, generated = false }: MediaPartProps) {
  if (part.kind === 'image') return <ImageFigure part={part} generated={generated} />;
  if (part.kind === 'audio') return <AudioPart part={part} />;
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

function ImageFigure({
  part,
  generated,
}: {
  part: Extract<ContentPart, { kind: 'image' }>;
  generated: boolean;
}) {
  const { source } = part;
  const what = part.thought ? 'Image drawn while thinking' : generated ? 'Generated image' : 'Image';
  const caption = [
    what,
    describeSource(source),
    part.revisedPrompt ? `prompt used: ${part.revisedPrompt}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  if (source.kind === 'url') {
    return (
      <figure className="cv-media">
        <RemoteImage src={source.url} alt={`${what} from the conversation`} />
        <figcaption className="cv-muted">{caption}</figcaption>
      </figure>
    );
  }
  const url = toInlineImageUrl(source.mimeType, source.base64);
  return (
    <figure className="cv-media">
      {url ? (
        <ImageThumbnail src={url} alt={`${what} (${source.mimeType})`} caption={caption} />
      ) : (
        <p className="cv-muted">Image not rendered (only raster image types are shown).</p>
      )}
      <figcaption className="cv-muted">{caption}</figcaption>
    </figure>
  );
}
