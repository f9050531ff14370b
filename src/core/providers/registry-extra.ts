/**
 * Adapters registered beside OpenAI Chat Completions, most specific first. The registry in
 * `./index.ts` asks every adapter for a detection score and picks the highest.
 */
import type { ApiAdapter } from './adapter';
import { openaiResponsesAdapter } from './openai/responses';
import { openaiCompletionsAdapter } from './openai/completions';
import { cohereChatV2Adapter } from './cohere/chat-v2';
import { cohereChatV1Adapter } from './cohere/chat-v1';
import { ollamaNativeAdapter } from './ollama/native';
import { sourcegraphCompletionsAdapter } from './sourcegraph/completions';
import { anthropicMessagesAdapter } from './anthropic/messages-adapter';
import { geminiAdapter } from './gemini/gemini-adapter';
import { bedrockAdapter } from './bedrock/bedrock-adapter';

export const extraAdapters: ApiAdapter[] = [
  openaiResponsesAdapter,
  openaiCompletionsAdapter,
  cohereChatV2Adapter,
  cohereChatV1Adapter,
  ollamaNativeAdapter,
  sourcegraphCompletionsAdapter,
  anthropicMessagesAdapter,
  geminiAdapter,
  bedrockAdapter,
];
