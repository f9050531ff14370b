/**
 * The adapter of last resort (family "other"): an exchange no LLM adapter recognised. It reads no
 * meaning into the body, but still frames a streamed body (src/core/streams) so an unknown SSE or
 * event-stream response is shown as events, and the view shows the raw HTTP. Never throws.
 */
import type { LlmExchange } from '../model/conversation';
import type { HttpExchange } from '../model/http';
import { frameStream } from '../streams';
import type { ApiAdapter } from './adapter';
import { emptyExchange } from './shared/exchange';

export const fallbackAdapter: ApiAdapter = {
  id: 'raw.http',
  family: 'other',
  label: 'HTTP',
  /** Always willing, never preferred: any real adapter with a score above this wins. */
  detect: () => 0.001,
  read(exchange: HttpExchange): LlmExchange {
    const llm = emptyExchange(fallbackAdapter);
    try {
      llm.stream = frameStream(exchange);
    } catch (error) {
      llm.notes.push(`stream framing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return llm;
  },
};

/** The fallback reading with an explanation, used when a chosen adapter failed. */
export function readAsRaw(exchange: HttpExchange, note: string): LlmExchange {
  const llm = fallbackAdapter.read(exchange);
  llm.notes.unshift(note);
  return llm;
}
