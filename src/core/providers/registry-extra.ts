/**
 * Adapters registered beside OpenAI Chat Completions, most specific first. The registry in
 * `./index.ts` asks every adapter for a detection score and picks the highest.
 */
import type { ApiAdapter } from './adapter';
import { openaiResponsesAdapter } from './openai/responses';

export const extraAdapters: ApiAdapter[] = [
  openaiResponsesAdapter,
];
