/**
 * One content part, by kind (src/core/model/conversation.ts `ContentPart`). Text is markdown;
 * tool calls and results are cards; reasoning folds; media is shown safely; anything unknown is
 * kept and shown as JSON, never dropped.
 */
import type { ContentPart } from '../../core/model/conversation';
import type { PartRef } from '../../core/model/thread';
import { MarkdownView } from '../../ui/markdown/markdown-view';
import { ShowMoreText } from '../../ui/markdown/show-more-text';
import { stringifyValue } from '../../ui/markdown/format-json';
import { escapeBidiControls } from '../../ui/markdown/escape-invisible';
import { EmbeddingsSummary } from './embeddings-summary';
import { MediaPart } from './media-part';
import { ReasoningPart } from './reasoning-part';
import { ToolCallCard } from './tool-call-card';
import { ToolListCard } from './tool-list-card';
import { ToolResultCard } from './tool-result-card';
import { SEARCHABLE } from './searchable';

/** Longer texts are shown as plain text in pages: markdown over megabytes would stall the page. */
const MARKDOWN_MAX_CHARS = 40_000;

export interface ContentPartViewProps {
  part: ContentPart;
  at: PartRef | null;
  /** True inside the model's own message (generated images). */
  generated?: boolean;
}

export function ContentPartView({ part, at, generated = false }: ContentPartViewProps) {
  switch (part.kind) {
    case 'text':
      return part.text.length > MARKDOWN_MAX_CHARS ? (
        <div className="cv-long-text">
          <p className="cv-muted">
            Long text ({part.text.length.toLocaleString('en-US')} characters), shown as plain text.
          </p>
          <div {...SEARCHABLE}>
            <ShowMoreText className="cv-plain" text={part.text} transform={escapeBidiControls} />
          </div>
        </div>
      ) : (
        <div {...SEARCHABLE}>
          <MarkdownView text={part.text} />
        </div>
      );
    case 'tool-call':
      return <ToolCallCard part={part} at={at} />;
    case 'tool-result':
      return <ToolResultCard part={part} at={at} />;
    case 'reasoning':
      return <ReasoningPart part={part} />;
    case 'image':
    case 'audio':
    case 'document':
      return <MediaPart part={part} generated={generated} />;
    case 'embeddings':
      return <EmbeddingsSummary part={part} />;
    case 'refusal':
      return (
        <div className="cv-refusal" role="note">
          <strong>Refusal:</strong> <span {...SEARCHABLE}>{part.text}</span>
        </div>
      );
    case 'tool-list':
      return <ToolListCard part={part} />;
    case 'unknown':
      return (
        <details className="cv-fold cv-unknown" open>
          <summary>Unknown part: {part.label}</summary>
          <ShowMoreText className="cv-code" text={stringifyValue(part.raw)} pageChars={4000} />
        </details>
      );
    default:
      // A kind the model grew after this view: exhaustive at compile time (`part` is `never`
      // here), shown as JSON at run time rather than throwing, so the timeline never blanks.
      return (
        <details className="cv-fold cv-unknown" open>
          <summary>Unrecognised part</summary>
          <ShowMoreText className="cv-code" text={stringifyValue(part as unknown)} pageChars={4000} />
        </details>
      );
  }
}
