/**
 * Parsing one event's payload as JSON, shared by every framing. Providers pad JSON with spaces
 * (Anthropic via pydantic-ai cassettes) and OpenAI-style streams end with the `[DONE]` sentinel
 * (https://platform.openai.com/docs/api-reference/chat-streaming), which is not an error.
 */
import type { StreamEvent } from '../model/stream';
import { parseJsonBounded } from '../../lib/json-depth';

/** Payloads larger than this are kept as text only: parsing them would not help a viewer. */
const MAX_EVENT_JSON_CHARS = 8 * 1024 * 1024;

/** The OpenAI end-of-stream sentinel. */
export const DONE_SENTINEL = '[DONE]';

/** Fill `json` or `jsonError` on an event from its `data`. Never throws. */
export function attachJson(event: StreamEvent): StreamEvent {
  const trimmed = event.data.trim();
  if (trimmed === '' || trimmed === DONE_SENTINEL) return event;
  if (trimmed.length > MAX_EVENT_JSON_CHARS) {
    event.jsonError = `payload of ${trimmed.length} characters is too large to parse`;
    return event;
  }
  try {
    event.json = parseJsonBounded(trimmed);
  } catch (error) {
    event.jsonError = error instanceof Error ? error.message : String(error);
  }
  return event;
}

/**
 * Events of one stream whose payload may fail to parse before the rest are not tried. A failed
 * JSON.parse costs about 50 µs in V8 (the SyntaxError and its message), so 300,000 broken events
 * took over a minute (issue 14); a thousand already say the stream is broken.
 */
export const MAX_JSON_FAILURES_PER_STREAM = 1_000;

/** Built once: formatting it per event (toLocaleString) cost 0.6 s on 300,000 events. */
const NOT_PARSED = `not parsed: more than ${MAX_JSON_FAILURES_PER_STREAM.toLocaleString('en-US')} events of this stream are not JSON (the limit)`;

/** attachJson for the events of one stream, with the failure budget above. */
export class StreamJsonReader {
  private failures = 0;

  attach(event: StreamEvent): StreamEvent {
    if (this.failures < MAX_JSON_FAILURES_PER_STREAM) {
      attachJson(event);
      if (event.jsonError !== undefined) this.failures += 1;
      return event;
    }
    const trimmed = event.data.trim();
    if (trimmed !== '' && trimmed !== DONE_SENTINEL) event.jsonError = NOT_PARSED;
    return event;
  }
}

/** True when the event is the `[DONE]` sentinel. */
export function isDoneEvent(event: StreamEvent): boolean {
  return event.data.trim() === DONE_SENTINEL;
}
