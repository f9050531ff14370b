/**
 * One short line per event saying what it added to the message, for the event table's "content"
 * column: raw chunks of a chat stream all begin with the same id and model, so the raw data alone
 * does not show what changed. Built once per interaction from the adapter's deltas.
 */
import type { StreamDelta } from '../core/model/conversation';

const MAX_CHARS = 120;

function quote(text: string): string {
  const shown = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
  return JSON.stringify(shown);
}

function describeDelta(delta: StreamDelta): string {
  switch (delta.kind) {
    case 'text':
      return quote(delta.text);
    case 'reasoning':
      return delta.redacted ? 'reasoning (redacted)' : `reasoning ${quote(delta.text)}`;
    case 'tool-call-start':
      return `call ${delta.name}${delta.argumentsText ? ` ${delta.argumentsText.slice(0, MAX_CHARS)}` : ''}`;
    case 'tool-call-args':
      return `args ${delta.fragment.slice(0, MAX_CHARS)}`;
    case 'server-tool-result':
      return 'server tool result';
    case 'usage':
      return `usage ${delta.usage.inputTokens ?? '?'} in / ${delta.usage.outputTokens ?? '?'} out`;
    case 'finish':
      return `finish ${delta.reason}`;
    case 'error':
      return `error: ${delta.error.message.slice(0, MAX_CHARS)}`;
    case 'audio':
      return delta.transcript ? `audio ${quote(delta.transcript)}` : 'audio data';
    case 'image':
      return `image ${delta.part.source.kind === 'inline' ? delta.part.source.mimeType : 'link'}`;
    case 'other':
      return delta.label;
  }
}

/** eventIndex → what its deltas added, joined with " · ". */
export function describeEventContent(deltas: readonly StreamDelta[]): Map<number, string> {
  const lines = new Map<number, string>();
  for (const delta of deltas) {
    const line = describeDelta(delta);
    const existing = lines.get(delta.eventIndex);
    lines.set(delta.eventIndex, existing ? `${existing} · ${line}` : line);
  }
  return lines;
}
