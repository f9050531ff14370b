/**
 * The contract every LLM API adapter implements. An adapter sees only an HttpExchange (never the
 * cassette format), must never throw, and keeps what it does not understand as `unknown` parts
 * or adapter notes rather than dropping it.
 */
import type { ApiFamily, LlmExchange } from '../model/conversation';
import type { HttpExchange } from '../model/http';

export interface ApiAdapter {
  /** Stable id, e.g. "openai.chat-completions", "anthropic.messages". */
  readonly id: string;
  readonly family: ApiFamily;
  /** Human label, e.g. "Anthropic · Messages". */
  readonly label: string;
  /**
   * How sure the adapter is that it reads this exchange: 0 = not at all. Cheap checks first (URL
   * path, host), then body shape, so traffic through proxies and gateways is recognised too. The
   * registry picks the highest score.
   *
   * `floor` is the best score another adapter already has for this exchange (0 when none). Once an
   * adapter knows its own score would be below it, it may return 0 without the rest of its checks
   * (the body scans, which are most of detection's cost); any other answer is its full score. The
   * registry's choice never depends on `floor`, only its cost (index.ts `detectAdapter`).
   */
  detect(exchange: HttpExchange, floor?: number): number;
  /** Read the exchange. Must not throw on any input. */
  read(exchange: HttpExchange): LlmExchange;
}
