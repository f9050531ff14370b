/**
 * Streamed response bodies, independent of provider: the wire framing (SSE, AWS event-stream,
 * a streamed JSON array, NDJSON) split into events. Providers give the events meaning later.
 */
import type { Header } from './http';

/** How a streamed body is framed, spelled as in `inspect --json`. */
export type StreamFormat = 'sse' | 'aws-eventstream' | 'json-array' | 'ndjson';

/** One event of a stream, in order. */
export interface StreamEvent {
  /** Position among the counted events, from 0 (matches `stream_events` counting). */
  index: number;
  /** SSE `event:` field, AWS `:event-type` header, or null. */
  event: string | null;
  /** SSE `id:` field, if any. */
  id: string | null;
  /** The event's payload as text (SSE data joined by LF; AWS payload decoded as UTF-8; array item JSON). */
  data: string;
  /** `data` parsed as JSON when it is JSON; undefined when it is not (see `jsonError`). */
  json?: unknown;
  /** Why `data` is not JSON, when it looked like it should be. `[DONE]` is not an error. */
  jsonError?: string;
  /** AWS event-stream headers (`:event-type`, `:content-type`, `:message-type`, …). */
  headers?: Header[];
  /** 1-based line in the body where the event starts (SSE, NDJSON), when known. */
  line?: number;
}

/** A line that does not follow the SSE grammar (no field name, or a field we do not know). */
export interface StreamIssue {
  /** 1-based line number within the body. */
  line: number;
  text: string;
  message: string;
  /** The event the line belongs to, when it became one (SSE: its block; NDJSON: the line itself). */
  eventIndex?: number;
}

/** The events of one streamed body, plus what the framing told us. */
export interface StreamTrace {
  format: StreamFormat;
  events: StreamEvent[];
  /** SSE comment lines (`: keep-alive`, `: OPENROUTER PROCESSING`), counted, not flagged. */
  commentCount: number;
  /** Lines or frames that broke the framing rules. */
  issues: StreamIssue[];
  /** True when the body ended in the middle of an event or frame. */
  truncated: boolean;
}
