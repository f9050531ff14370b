/**
 * One tool call as a card: ordinal (#1), name, id and pretty-printed arguments (issue 2, 4).
 * Arguments that are not valid JSON are shown exactly as sent, with a warning. The card shows
 * the result that answers it (from the thread's tool links) and links to it; the result card
 * links back. Server tools (run by the provider) show their output here instead.
 */
import type { PartRef } from '../../core/model/thread';
import type { ToolCallPart } from '../../core/model/conversation';
import { escapeInvisible } from '../../ui/markdown/escape-invisible';
import { formatJsonText, stringifyValue } from '../../ui/markdown/format-json';
import { MarkdownView } from '../../ui/markdown/markdown-view';
import { ShowMoreText } from '../../ui/markdown/show-more-text';
import { useTimelineContext } from './timeline-context';
import { SEARCHABLE } from './searchable';
import { partAt, partKey, previewToolResult, toolAnchorId } from './timeline-model';

export interface ToolCallCardProps {
  part: ToolCallPart;
  /** Position in the thread; null inside folded history (a repeat, not the original). */
  at: PartRef | null;
}

export function ToolCallCard({ part, at }: ToolCallCardProps) {
  const { model, thread, jumpToTool } = useTimelineContext();
  const link = at ? model.linkByCall.get(partKey(at)) : undefined;
  const resultPart = link?.result ? partAt(thread, link.result) : null;
  const args = describeArguments(part);
  return (
    <article
      className="cv-tool-call"
      id={link ? toolAnchorId(link.ordinal, 'call') : undefined}
      tabIndex={-1}
      aria-label={`Tool call ${link ? `#${link.ordinal} ` : ''}${part.name}`}
    >
      <header className="cv-tool-head">
        {link && <span className="cv-tool-ordinal">#{link.ordinal}</span>}
        <span className="cv-tool-name" {...SEARCHABLE}>
          {part.name}
        </span>
        {part.server && <span className="cv-tag">server tool</span>}
        {part.id && <code className="cv-tool-id">{part.id}</code>}
      </header>
      {args.warning && (
        <p className="cv-warning" role="note">
          ⚠ Arguments are not valid JSON ({args.warning}); shown as sent.
        </p>
      )}
      <div {...SEARCHABLE}>
        <ShowMoreText className="cv-code" text={args.text} pageChars={4000} transform={escapeInvisible} />
      </div>
      {part.serverResult !== undefined && <ServerOutput result={part.serverResult} />}
      {link && !part.server && (
        <footer className="cv-tool-foot">
          {link.result ? (
            <>
              <button
                type="button"
                className="cv-link-button"
                onClick={() => jumpToTool(link.ordinal, 'result')}
              >
                → result
              </button>
              <span className="cv-result-preview" data-testid="tool-call-result">
                {escapeInvisible(previewToolResult(resultPart))}
              </span>
            </>
          ) : (
            <span className="cv-muted">No result in this cassette</span>
          )}
        </footer>
      )}
    </article>
  );
}

/** Text outputs longer than this are shown as plain text: markdown over megabytes would stall. */
const MARKDOWN_MAX_CHARS = 40_000;

/**
 * A server tool's output. Its `output` text (an MCP tool's answer, usually markdown) reads as
 * text, not as a JSON string with escaped newlines; the other fields (status, sources) stay JSON.
 */
function ServerOutput({ result }: { result: unknown }) {
  const { text, rest } = splitServerResult(result);
  return (
    <details className="cv-fold" open={text !== null}>
      <summary>Server tool output</summary>
      {text !== null &&
        (text.length > MARKDOWN_MAX_CHARS ? (
          <ShowMoreText className="cv-plain" text={text} transform={escapeInvisible} />
        ) : (
          <MarkdownView text={text} />
        ))}
      {rest !== undefined && (
        <ShowMoreText className="cv-code" text={stringifyValue(rest)} pageChars={4000} />
      )}
    </details>
  );
}

/** The `output` string of a result object, apart from its other fields. */
export function splitServerResult(result: unknown): { text: string | null; rest: unknown } {
  if (typeof result === 'string') return { text: result, rest: undefined };
  if (typeof result !== 'object' || result === null || Array.isArray(result))
    return { text: null, rest: result };
  const record = result as Record<string, unknown>;
  if (typeof record.output !== 'string') return { text: null, rest: result };
  const others = Object.keys(record).filter((key) => key !== 'output');
  const rest = Object.fromEntries(others.map((key) => [key, record[key]]));
  return { text: record.output, rest: others.length > 0 ? rest : undefined };
}

/** Pretty arguments, or the raw text with the reason it is not JSON. */
export function describeArguments(part: ToolCallPart): { text: string; warning: string | null } {
  const raw = part.argumentsText;
  if (raw.trim() === '') return { text: '(no arguments)', warning: null };
  if (part.argumentsError) return { text: raw, warning: part.argumentsError };
  const formatted = formatJsonText(raw);
  if (formatted.valid) return { text: formatted.text, warning: null };
  if (part.arguments !== undefined) return { text: stringifyValue(part.arguments), warning: null };
  return { text: raw, warning: 'could not be parsed' };
}
