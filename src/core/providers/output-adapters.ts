/**
 * Adapters of endpoints that make something other than a chat turn (issue 16): OpenAI Images and
 * the embeddings APIs. Each scores above the vendor's chat adapter on its own paths only.
 */
import type { ApiAdapter } from './adapter';
import { bedrockEmbeddingsAdapter } from './bedrock/embeddings';
import { cohereEmbedAdapter } from './cohere/embed';
import { geminiEmbedContentAdapter } from './gemini/embed-content';
import { ollamaEmbedAdapter } from './ollama/embed';
import { openaiEmbeddingsAdapter } from './openai/embeddings';
import { openaiImagesAdapter } from './openai/images';

export const outputAdapters: ApiAdapter[] = [
  openaiImagesAdapter,
  openaiEmbeddingsAdapter,
  geminiEmbedContentAdapter,
  bedrockEmbeddingsAdapter,
  cohereEmbedAdapter,
  ollamaEmbedAdapter,
];
