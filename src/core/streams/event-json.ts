/**
 * Parsing one event's payload as JSON, shared by every framing. Providers pad JSON with spaces
 * (Anthropic via pydantic-ai cassettes) and OpenAI-style streams end with the `[DONE]` sentinel
 * (https://platform.openai.com/docs/api-reference/chat-streaming), which is not an error.
 */
import type { StreamEvent } from '../model/stream';

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
    event.json = JSON.parse(trimmed) as unknown;
  } catch (error) {
    event.jsonError = error instanceof Error ? error.message : String(error);
  }
  return event;
}

/** True when the event is the `[DONE]` sentinel. */
export function isDoneEvent(event: StreamEvent): boolean {
  return event.data.trim() === DONE_SENTINEL;
}
