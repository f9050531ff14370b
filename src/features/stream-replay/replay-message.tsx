/**
 * The assistant message as the user's client would have shown it at the playhead: text as
 * markdown, reasoning, tool-call cards that appear with their first delta. Parts this view has no
 * special rendering for are named, not dropped. During the latency phase it says what the client
 * was doing: waiting for the response headers.
 */
import { memo } from 'react';
import type { ContentPart } from '../../core/model/conversation';
import type { AssembledMessage } from '../../core/providers/assemble-stream';
import { escapeBidiControls } from '../../ui/markdown/escape-invisible';
import { ReplayMarkdown } from './replay-markdown';
import { ReplayToolCall } from './replay-tool-call';

export interface ReplayMessageProps {
  /** Null while no event has arrived yet. */
  assembled: AssembledMessage | null;
  /** Every event has arrived. */
  complete: boolean;
  waitingText: string;
}

function PartView({ part, complete }: { part: ContentPart; complete: boolean }) {
  switch (part.kind) {
    case 'text':
      return <ReplayMarkdown text={part.text} />;
    case 'reasoning':
      return (
        <details className="rp-reasoning" open>
          <summary>{part.redacted ? 'Reasoning (redacted)' : 'Reasoning'}</summary>
          {part.redacted ? (
            <p className="rp-reasoning-text">(encrypted by the provider)</p>
          ) : (
            // As the Conversation view shows reasoning: markdown under the same rules.
            <div className="rp-reasoning-text">
              <ReplayMarkdown text={part.text} />
            </div>
          )}
        </details>
      );
    case 'tool-call':
      return <ReplayToolCall part={part} complete={complete} />;
    case 'refusal':
      return <p className="rp-refusal">Refusal: {escapeBidiControls(part.text)}</p>;
    case 'unknown':
      return <p className="rp-other-part">[{part.label}]</p>;
    case 'tool-list':
      return (
        <p className="rp-other-part">
          [tools offered{part.server ? ` by ${part.server}` : ''}:{' '}
          {part.tools.map((tool) => tool.name).join(', ') || 'none'}]
        </p>
      );
    default:
      return <p className="rp-other-part">[{part.kind}]</p>;
  }
}

export const ReplayMessage = memo(function ReplayMessage({
  assembled,
  complete,
  waitingText,
}: ReplayMessageProps) {
  if (!assembled) {
    return (
      <div className="rp-message-scroll">
        <div className="rp-message rp-message-waiting">
          {!complete && <span className="rp-spinner" aria-hidden="true" />} {waitingText}
        </div>
      </div>
    );
  }
  const { message, finishReason, error } = assembled;
  return (
    <div className="rp-message-scroll">
      <div className={complete ? 'rp-message' : 'rp-message rp-streaming'} data-testid="replay-message">
        <div className="rp-role">assistant</div>
        {message.parts.length === 0 && <p className="rp-muted">(no content yet)</p>}
        {message.parts.map((part, index) => (
          <PartView key={index} part={part} complete={complete} />
        ))}
        {error && (
          <p className="rp-error" role="note">
            Error in the stream{error.eventIndex !== undefined ? ` at event #${error.eventIndex}` : ''}:{' '}
            {error.message}
          </p>
        )}
        {complete && finishReason && (
          <p className="rp-muted">
            finish reason <code>{finishReason}</code>
          </p>
        )}
      </div>
    </div>
  );
});
