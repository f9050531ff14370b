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

/** One call of a folded run: its position in the file, method and path (query left out). */
export interface FoldedCall {
  index: number;
  method: string;
  path: string;
}

/**
 * What a fold line of other calls says besides its count, in the table and the timeline alike:
 * the calls' numbers and their methods and paths ("#1–22 · POST /.api/graphql").
 */
export function describeCallRun(calls: readonly FoldedCall[]): string {
  const numbers = calls.map((call) => call.index + 1);
  const first = numbers[0] ?? 0;
  const consecutive = numbers.every((number, at) => number === first + at);
  const span = consecutive
    ? `#${first}–${numbers[numbers.length - 1]}`
    : `#${numbers.slice(0, 3).join(', #')}${numbers.length > 3 ? ', …' : ''}`;
  const targets = [...new Set(calls.map((call) => `${call.method} ${call.path.split('?')[0]}`))];
  const more = targets.length > 2 ? `, +${targets.length - 2} more` : '';
  return `${span} · ${targets.slice(0, 2).join(', ')}${more}`;
}

/** The path of a recorded URL, or the URL as recorded when it is none (`<API_BASE>/chat`). */
export function pathOfUrl(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
