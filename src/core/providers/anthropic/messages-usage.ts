/**
 * Anthropic `usage` → normalized Usage, and the stream rule for combining it.
 *
 * API reference: https://docs.anthropic.com/en/api/messages (response `usage`: input_tokens,
 * output_tokens, cache_creation_input_tokens, cache_read_input_tokens, server_tool_use),
 * https://docs.anthropic.com/en/docs/build-with-claude/streaming ("the token counts in the usage
 * field of the message_delta event are cumulative").
 */
import type { Usage } from '../../model/conversation';
import { isRecord, numberField, plainCopy } from './value-guards';
import type { JsonRecord } from './value-guards';

/** Normalize one usage object. `input_tokens` excludes cached tokens, as Anthropic reports it. */
export function readAnthropicUsage(raw: unknown): Usage | null {
  if (!isRecord(raw)) return null;
  const input = numberField(raw, 'input_tokens') ?? null;
  const output = numberField(raw, 'output_tokens') ?? null;
  const cacheRead = numberField(raw, 'cache_read_input_tokens') ?? null;
  const cacheWrite = numberField(raw, 'cache_creation_input_tokens') ?? null;
  const usage: Usage = { inputTokens: input, outputTokens: output, raw };
  if (cacheRead !== null) usage.cacheReadTokens = cacheRead;
  if (cacheWrite !== null) usage.cacheWriteTokens = cacheWrite;
  if (input !== null && output !== null) usage.totalTokens = input + output + (cacheRead ?? 0) + (cacheWrite ?? 0);
  return usage;
}

/**
 * The stream rule: `message_start.message.usage` updated field by field by each `message_delta.usage`
 * (whose counts are cumulative, so a later value replaces an earlier one). Returns a fresh object.
 */
export function mergeAnthropicUsage(current: JsonRecord | null, update: unknown): JsonRecord | null {
  if (!isRecord(update)) return current;
  const merged = current ? plainCopy(current) : (Object.create(null) as JsonRecord);
  for (const key of Object.keys(update)) {
    const value = update[key];
    // A null in the delta means "not reported here", not "reset to null".
    if (value !== null && value !== undefined) merged[key] = value;
  }
  return merged;
}
