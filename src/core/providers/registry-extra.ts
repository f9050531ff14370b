/**
 * Adapters registered beside OpenAI Chat Completions, most specific first. The registry in
 * `./index.ts` asks every adapter for a detection score and picks the highest.
 */
import type { ApiAdapter } from './adapter';

export const extraAdapters: ApiAdapter[] = [];
