/**
 * Reasoning or thinking, folded by default (issue 4: "Thinking and reasoning are collapsible").
 * Redacted thinking (Anthropic `redacted_thinking`) has no readable text and says so.
 */
import type { ContentPart } from '../../core/model/conversation';
import { MarkdownView } from '../../ui/markdown/markdown-view';
import { SEARCHABLE } from './searchable';

export interface ReasoningPartProps {
  part: Extract<ContentPart, { kind: 'reasoning' }>;
}

export function ReasoningPart({ part }: ReasoningPartProps) {
  const title = part.redacted ? 'Redacted thinking' : part.summary ? 'Reasoning summary' : 'Reasoning';
  const words = part.text.trim() ? part.text.trim().split(/\s+/).length : 0;
  return (
    <details className="cv-fold cv-reasoning">
      <summary>
        {title}
        <span className="cv-muted">
          {' '}
          · {part.redacted ? 'encrypted by the provider' : `${words.toLocaleString('en-US')} words`}
        </span>
        {part.signature && <span className="cv-muted"> · signed</span>}
      </summary>
      {part.redacted ? (
        <p className="cv-muted">The provider returned this block encrypted; it cannot be shown.</p>
      ) : (
        <div {...SEARCHABLE}>
          <MarkdownView text={part.text} />
        </div>
      )}
    </details>
  );
}
