/**
 * InvokeModel bodies of the text models that are neither Anthropic nor Amazon Nova (Meta Llama,
 * Mistral, Amazon Titan Text, Cohere Command, AI21): each has its own native shape. We read the
 * prompt and the generated text where the shape is known, and keep everything else as raw.
 *
 * API reference: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters.html
 * (Meta Llama: prompt → generation, stop_reason, prompt_token_count, generation_token_count;
 * Mistral: prompt → outputs[].text/stop_reason; Titan Text: inputText → results[].outputText,
 * completionReason, inputTextTokenCount/tokenCount; Cohere Command R: message → text, finish_reason).
 */
import type { LlmRequest, LlmResponse, Message } from '../../model/conversation';
import { buildUsage, omitParams } from '../shared';
import { arrayField, field, stringField } from '../anthropic/value-guards';

const PROMPT_FIELDS = ['prompt', 'inputText', 'message'] as const;

export function readGenericInvokeRequest(body: unknown, model: string | null, streamed: boolean): LlmRequest {
  const messages: Message[] = [];
  for (const key of PROMPT_FIELDS) {
    const text = stringField(body, key);
    if (text !== undefined) messages.push({ role: 'user', parts: [{ kind: 'text', text }] });
  }
  return { model, messages, tools: [], stream: streamed, params: omitParams(body, PROMPT_FIELDS) };
}

/** The generated text and stop reason of one native response body (or one streamed chunk). */
export function genericInvokeOutput(json: unknown): { text: string | null; finishReason: string | null } {
  const generation = stringField(json, 'generation') ?? stringField(json, 'completion') ?? stringField(json, 'outputText') ?? stringField(json, 'text');
  if (generation !== undefined) {
    return { text: generation, finishReason: stringField(json, 'stop_reason') ?? stringField(json, 'finish_reason') ?? stringField(json, 'completionReason') ?? null };
  }
  const output = arrayField(json, 'outputs')[0] ?? arrayField(json, 'results')[0] ?? arrayField(json, 'generations')[0];
  const text = stringField(output, 'text') ?? stringField(output, 'outputText');
  if (text !== undefined) {
    return { text, finishReason: stringField(output, 'stop_reason') ?? stringField(output, 'completionReason') ?? stringField(output, 'finish_reason') ?? null };
  }
  return { text: null, finishReason: null };
}

export function readGenericInvokeResponse(json: unknown, model: string | null): LlmResponse {
  const { text, finishReason } = genericInvokeOutput(json);
  const result = arrayField(json, 'results')[0];
  const usage = buildUsage(
    {
      input: field(json, 'prompt_token_count') ?? field(json, 'inputTextTokenCount'),
      output: field(json, 'generation_token_count') ?? field(result, 'tokenCount'),
    },
    json,
  );
  return {
    model,
    message: text === null ? (json === undefined ? null : { role: 'assistant', parts: [{ kind: 'unknown', label: 'model output', raw: json }] }) : { role: 'assistant', parts: [{ kind: 'text', text }] },
    finishReason,
    usage,
    error: null,
    providerTiming: null,
  };
}
