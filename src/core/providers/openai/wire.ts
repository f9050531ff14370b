/**
 * Pieces of the OpenAI wire format shared by the OpenAI-compatible adapters.
 * - Usage object: https://platform.openai.com/docs/api-reference/chat/object#chat/object-usage
 *   (prompt_tokens, completion_tokens, prompt_tokens_details.cached_tokens,
 *   completion_tokens_details.reasoning_tokens); OpenRouter adds `cost`
 *   (https://openrouter.ai/docs/use-cases/usage-accounting); DeepSeek reports cache hits as
 *   `prompt_cache_hit_tokens` (https://api-docs.deepseek.com/api/create-chat-completion).
 * - Content parts: https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages
 *   (text, image_url, input_audio, file, refusal).
 * - Provider timing: Groq `usage.*_time` and `x_groq.usage` (https://console.groq.com/docs/api-reference#chat-create),
 *   Cerebras `time_info` (https://inference-docs.cerebras.ai/api-reference/chat-completions).
 */
import type { ContentPart, ProviderTiming, Usage } from '../../model/conversation';
import { inlineMedia, mediaFromUrl, unknownPart } from '../shared/content';
import { asArray, asString, field, isRecord, path } from '../shared/json';
import { firstNumber, secondsToMs } from '../shared/numbers';
import { buildUsage } from '../shared/usage';
import { hostIs } from '../shared/http';

/** Normalize an OpenAI-style usage object (also Groq's `x_groq.usage`). Null when absent. */
export function readOpenAiUsage(raw: unknown): Usage | null {
  if (!isRecord(raw)) return null;
  return buildUsage(
    {
      input: firstNumber(field(raw, 'prompt_tokens'), field(raw, 'input_tokens')),
      output: firstNumber(field(raw, 'completion_tokens'), field(raw, 'output_tokens')),
      total: field(raw, 'total_tokens'),
      cacheRead: firstNumber(
        path(raw, 'prompt_tokens_details', 'cached_tokens'),
        path(raw, 'input_tokens_details', 'cached_tokens'),
        field(raw, 'prompt_cache_hit_tokens'),
      ),
      cacheWrite: firstNumber(path(raw, 'prompt_tokens_details', 'cache_write_tokens')),
      reasoning: firstNumber(
        path(raw, 'completion_tokens_details', 'reasoning_tokens'),
        path(raw, 'output_tokens_details', 'reasoning_tokens'),
      ),
      costUsd: field(raw, 'cost'),
    },
    raw,
  );
}

/**
 * Timing the provider reported about itself: Groq puts seconds in `usage` (`queue_time`,
 * `prompt_time`, `completion_time`, `total_time`) or, when streaming, in `x_groq.usage`; Cerebras
 * in `time_info` with the same names.
 */
export function readOpenAiTiming(chunkOrBody: unknown): ProviderTiming | null {
  // Called for every stream event (108,000 on the bench file): no array of candidates per call.
  if (!isRecord(chunkOrBody)) return null;
  return (
    timingFrom('groq x_groq.usage', field(field(chunkOrBody, 'x_groq'), 'usage')) ??
    timingFrom('cerebras time_info', field(chunkOrBody, 'time_info')) ??
    timingFrom('usage *_time', field(chunkOrBody, 'usage'))
  );
}

function timingFrom(source: string, value: unknown): ProviderTiming | null {
  if (!isRecord(value)) return null;
  const generationMs = secondsToMs(field(value, 'completion_time'));
  const totalMs = secondsToMs(field(value, 'total_time'));
  if (generationMs === null && totalMs === null) return null;
  return {
    source,
    queueMs: secondsToMs(field(value, 'queue_time')),
    promptMs: secondsToMs(field(value, 'prompt_time')),
    generationMs,
    totalMs,
  };
}

/** One OpenAI content part (request or response) in the shared vocabulary. Never throws. */
function readOpenAiContentPart(part: unknown): ContentPart {
  if (typeof part === 'string') return { kind: 'text', text: part };
  const type = asString(field(part, 'type'));
  switch (type) {
    case 'text':
    case 'input_text':
    case 'output_text': {
      const text = asString(field(part, 'text'));
      if (text !== undefined) return { kind: 'text', text };
      break;
    }
    case 'image_url': {
      const image = field(part, 'image_url');
      const url = typeof image === 'string' ? image : asString(field(image, 'url'));
      if (url !== undefined) {
        const detail = asString(field(image, 'detail'));
        return detail
          ? { kind: 'image', source: mediaFromUrl(url, 'image/*'), detail }
          : { kind: 'image', source: mediaFromUrl(url, 'image/*') };
      }
      break;
    }
    case 'input_audio': {
      const data = asString(path(part, 'input_audio', 'data'));
      if (data !== undefined) {
        const format = asString(path(part, 'input_audio', 'format')) ?? 'wav';
        return { kind: 'audio', source: inlineMedia(`audio/${format}`, data) };
      }
      break;
    }
    case 'file': {
      const file = field(part, 'file');
      const data = asString(field(file, 'file_data'));
      const title = asString(field(file, 'filename')) ?? asString(field(file, 'file_id'));
      const source = data ? mediaFromUrl(data, 'application/pdf') : null;
      return title ? { kind: 'document', source, title } : { kind: 'document', source };
    }
    case 'thinking': {
      // Mistral magistral: `{type:"thinking", thinking:[{type:"text", text}]}`
      // (https://docs.mistral.ai/capabilities/reasoning/).
      return { kind: 'reasoning', text: thinkingText(field(part, 'thinking')) };
    }
    case 'refusal': {
      const text = asString(field(part, 'refusal'));
      if (text !== undefined) return { kind: 'refusal', text };
      break;
    }
  }
  return unknownPart(type ?? 'content part', part);
}

/** Text of a Mistral `thinking` value: a string or an array of text chunks. */
export function thinkingText(thinking: unknown): string {
  if (typeof thinking === 'string') return thinking;
  return asArray(thinking)
    .map((chunk) => (typeof chunk === 'string' ? chunk : (asString(field(chunk, 'text')) ?? '')))
    .join('');
}

/** Message content: a string, an array of parts, or null. */
export function readOpenAiContent(content: unknown): ContentPart[] {
  if (typeof content === 'string') return content === '' ? [] : [{ kind: 'text', text: content }];
  if (content === null || content === undefined) return [];
  if (Array.isArray(content)) return content.map(readOpenAiContentPart);
  return [unknownPart('content', content)];
}

/** Reasoning text of an OpenRouter `reasoning_details` array (text and summary entries). */
export interface ReasoningDetails {
  readonly text: string;
  readonly signature?: string;
  readonly encrypted: boolean;
}

const NO_DETAILS: ReasoningDetails = Object.freeze({ text: '', encrypted: false });

export function reasoningDetailsText(details: unknown): ReasoningDetails {
  // Read for every stream delta (108,000 on the bench file), nearly all without details.
  if (!Array.isArray(details) || details.length === 0) return NO_DETAILS;
  let text = '';
  let signature: string | undefined;
  let encrypted = false;
  for (const detail of asArray(details)) {
    const type = asString(field(detail, 'type'));
    if (type === 'reasoning.text') text += asString(field(detail, 'text')) ?? '';
    else if (type === 'reasoning.summary') text += asString(field(detail, 'summary')) ?? '';
    else if (type === 'reasoning.encrypted') encrypted = true;
    const sig = asString(field(detail, 'signature'));
    if (sig) signature = (signature ?? '') + sig;
  }
  return signature === undefined ? { text, encrypted } : { text, signature, encrypted };
}

/** Known OpenAI-compatible hosts, for labels like "OpenAI Chat Completions · Groq". */
const PROVIDER_HOSTS: Array<[string, string]> = [
  ['openrouter.ai', 'OpenRouter'],
  ['groq.com', 'Groq'],
  ['cerebras.ai', 'Cerebras'],
  ['deepseek.com', 'DeepSeek'],
  ['x.ai', 'xAI'],
  ['openai.azure.com', 'Azure OpenAI'],
  ['cognitiveservices.azure.com', 'Azure OpenAI'],
  ['services.ai.azure.com', 'Azure AI Foundry'],
  ['mistral.ai', 'Mistral'],
  ['perplexity.ai', 'Perplexity'],
  ['together.xyz', 'Together'],
  ['together.ai', 'Together'],
  ['fireworks.ai', 'Fireworks'],
  ['huggingface.co', 'Hugging Face'],
  ['ai-gateway.vercel.sh', 'Vercel AI Gateway'],
  ['avian.io', 'Avian'],
  ['generativelanguage.googleapis.com', 'Google Gemini'],
  ['snowflakecomputing.com', 'Snowflake Cortex'],
  ['moonshot.ai', 'Moonshot'],
  ['nvidia.com', 'NVIDIA'],
  ['sambanova.ai', 'SambaNova'],
  ['deepinfra.com', 'DeepInfra'],
  ['anyscale.com', 'Anyscale'],
  ['cohere.com', 'Cohere'],
  ['api.openai.com', 'OpenAI'],
];

/** Provider name from the host, or from well-known local ports (Ollama 11434), else null. */
export function providerFromUrl(host: string, url: string): string | null {
  for (const [domain, name] of PROVIDER_HOSTS) if (hostIs(host, domain)) return name;
  if (/:11434(\/|$)/.test(url) || /OLLAMA/i.test(url)) return 'Ollama';
  if (/GPUSTACK/i.test(url)) return 'GPUStack';
  return null;
}
