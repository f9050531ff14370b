/**
 * A tool call as the client saw it mid-stream: the card appears with the call's first delta (id
 * and name), then the arguments grow fragment by fragment, shown exactly as received. They are
 * pretty-printed only once they parse as JSON, marked "partial JSON" until then; a finished
 * stream whose arguments still do not parse says so.
 */
import { memo } from 'react';
import type { ToolCallPart } from '../../core/model/conversation';
import { escapeBidiControls } from '../../ui/markdown/escape-invisible';

export interface ReplayToolCallProps {
  part: ToolCallPart;
  /** True when the stream has ended, so incomplete arguments are an error, not work in progress. */
  complete: boolean;
}

function prettyArguments(part: ToolCallPart): string | null {
  if (part.argumentsError !== undefined || part.arguments === undefined) return null;
  try {
    return JSON.stringify(part.arguments, null, 2);
  } catch {
    return null;
  }
}

export const ReplayToolCall = memo(function ReplayToolCall({ part, complete }: ReplayToolCallProps) {
  // No argument text yet parses as {} (shared/json.ts), but mid-stream it means "not arrived yet".
  const waiting = !complete && part.argumentsText.trim() === '';
  const pretty = waiting ? null : prettyArguments(part);
  const state = pretty !== null ? 'complete' : complete ? 'invalid' : 'partial';
  return (
    <article className={`rp-tool-call rp-tool-${state}`} aria-label={`Tool call ${part.name || '(unnamed)'}`}>
      <header className="rp-tool-head">
        <span className="rp-tool-name">{part.name || '(no name yet)'}</span>
        {part.server && <span className="rp-badge">server tool</span>}
        {part.id && <code className="rp-tool-id">{part.id}</code>}
        <span className={`rp-badge rp-badge-${state === 'complete' ? 'recorded' : 'estimated'}`}>
          {state === 'complete'
            ? 'arguments complete'
            : state === 'partial'
              ? 'partial JSON'
              : 'arguments are not valid JSON'}
        </span>
      </header>
      <pre className="rp-code" data-testid="replay-tool-arguments">
        {escapeBidiControls(pretty ?? (waiting ? '' : part.argumentsText))}
        {state === 'partial' && <span className="rp-caret" aria-hidden="true" />}
      </pre>
    </article>
  );
});
