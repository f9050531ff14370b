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
   */
  detect(exchange: HttpExchange): number;
  /** Read the exchange. Must not throw on any input. */
  read(exchange: HttpExchange): LlmExchange;
}
