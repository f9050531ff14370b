/**
 * A cap the caller set versus a model that stopped early (issue 16). When the request set an
 * output-token limit and the finish reason says that limit was reached, the model did what it was
 * asked: the doctor reports it as information, naming the cap, not as a problem.
 *
 * Where each API puts the cap (request body; `params` holds every key the adapter did not show):
 * - OpenAI Chat: `max_completion_tokens`, `max_tokens` (https://platform.openai.com/docs/api-reference/chat/create)
 * - OpenAI Responses: `max_output_tokens` (https://platform.openai.com/docs/api-reference/responses/create)
 * - OpenAI legacy Completions, Anthropic Messages, Cohere: `max_tokens`
 * - Gemini: `generationConfig.maxOutputTokens` (https://ai.google.dev/api/generate-content#generationconfig)
 * - Bedrock Converse: `inferenceConfig.maxTokens`; Nova InvokeModel `inferenceConfig.max_new_tokens`;
 *   Titan `textGenerationConfig.maxTokenCount`
 *   (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InferenceConfiguration.html)
 * - Ollama: `options.num_predict` (https://github.com/ollama/ollama/blob/main/docs/modelfile.md#parameter)
 */

/** Finish reasons that mean "the output-token limit was reached", lower case, as providers spell them. */
const CAP_REASONS = new Set(['length', 'max_tokens', 'max_output_tokens', 'incomplete:max_output_tokens']);

/** Paths of the cap in a request body, most specific first. */
const CAP_PATHS: readonly (readonly string[])[] = [
  ['max_completion_tokens'],
  ['max_output_tokens'],
  ['max_tokens'],
  ['maxOutputTokens'],
  ['generationConfig', 'maxOutputTokens'],
  ['generation_config', 'max_output_tokens'],
  ['inferenceConfig', 'maxTokens'],
  ['inferenceConfig', 'max_new_tokens'],
  ['textGenerationConfig', 'maxTokenCount'],
  ['options', 'num_predict'],
  ['max_tokens_to_sample'],
  ['max_new_tokens'],
];

/** The cap the request set, with the name it was set under ("max_tokens", "inferenceConfig.maxTokens"). */
export interface TokenCap {
  name: string;
  value: number;
}

/** True when a finish reason says the output-token limit was reached. */
export function isCapReason(reason: string): boolean {
  return CAP_REASONS.has(reason.toLowerCase());
}

/** The output-token cap in the request's parameters, or null when it set none. */
export function requestedCap(params: Record<string, unknown> | undefined): TokenCap | null {
  if (!params) return null;
  for (const path of CAP_PATHS) {
    let value: unknown = params;
    for (const key of path) {
      value =
        typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key)
          ? (value as Record<string, unknown>)[key]
          : undefined;
    }
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0)
      return { name: path.join('.'), value };
  }
  return null;
}
