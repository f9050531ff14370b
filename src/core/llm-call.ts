/**
 * Which interactions are LLM calls (issue 16): a cassette that mixes them with other HTTP traffic
 * (Sourcegraph Cody's HARs hold dozens of GraphQL calls around a few completions) shows the LLM
 * calls first and folds the rest. An interaction is an LLM call when an API adapter recognised it;
 * the family alone does not tell (Cody, Cohere and Ollama's native API are family "other"), so
 * the test is the label of the adapter of last resort (core/providers/fallback.ts), which reads
 * every exchange no adapter recognised and takes its label from here.
 */

/** `apiLabel` of an exchange no LLM adapter recognised, shown as raw HTTP. */
export const RAW_HTTP_LABEL = 'HTTP';

/** True when an LLM API adapter read the exchange (its summary's or boundary's `apiLabel`). */
export function isLlmCall(exchange: { apiLabel: string }): boolean {
  return exchange.apiLabel !== RAW_HTTP_LABEL;
}
