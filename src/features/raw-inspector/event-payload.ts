/**
 * AWS Bedrock InvokeModelWithResponseStream wraps each model chunk as `{"bytes": "<base64 JSON>"}`
 * inside the event-stream frame (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModelWithResponseStream.html,
 * `PayloadPart.bytes`). The raw view offers that inner JSON on demand, since base64 says nothing
 * to a reader. Decoding reuses the project's base64 and UTF-8 helpers (src/lib); bounded in size.
 */
import { decodeBase64 } from '../../lib/base64';
import { decodeUtf8Lenient } from '../../lib/text';

const MAX_BASE64_CHARS = 1_000_000;

/** The `bytes` payload of a frame decoded as UTF-8 text, or null when there is none. */
export function decodeBytesPayload(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const bytes = (json as Record<string, unknown>)['bytes'];
  if (typeof bytes !== 'string' || bytes.length === 0 || bytes.length > MAX_BASE64_CHARS) return null;
  try {
    return decodeUtf8Lenient(decodeBase64(bytes));
  } catch {
    return null;
  }
}
