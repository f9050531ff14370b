/**
 * AWS event-stream framing (`application/vnd.amazon.eventstream`), used by Bedrock
 * InvokeModelWithResponseStream and ConverseStream.
 * Wire format: https://docs.aws.amazon.com/transcribe/latest/dg/event-stream.html and
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModelWithResponseStream.html
 *
 *   [total length u32][headers length u32][prelude CRC32][headers…][payload…][message CRC32]
 *
 * Each frame is checked and decoded by the maintained AWS codec (`@smithy/core/event-streams`,
 * https://github.com/smithy-lang/smithy-typescript), which verifies both CRCs and parses the typed
 * headers. We only walk the length prefixes ourselves, so one bad frame becomes an issue instead of
 * losing the rest, and a body cut inside a frame is reported as truncated.
 */
import { EventStreamCodec } from '@smithy/core/event-streams';
import type { Header } from '../model/http';
import type { StreamEvent, StreamIssue, StreamTrace } from '../model/stream';
import { StreamJsonReader } from './event-json';

/** Prelude (12 bytes) + message CRC (4 bytes). */
const MIN_FRAME_BYTES = 16;
/** The AWS SDKs refuse frames above 16 MiB; so do we. */
const MAX_FRAME_BYTES = 16 * 1024 * 1024;
const MAX_FRAMES = 1_000_000;
const MAX_ISSUES = 1_000;

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();
const codec = new EventStreamCodec(
  (bytes: Uint8Array) => utf8Decoder.decode(bytes),
  (text: string) => utf8Encoder.encode(text),
);

type HeaderValue = { type: string; value: unknown };

/** Render a typed event-stream header value as text for the raw view. */
function headerText(header: HeaderValue): string {
  const { value } = header;
  if (value instanceof Uint8Array) return utf8Decoder.decode(value);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object' && 'toString' in value) return String(value);
  return String(value);
}

/** Frame a whole AWS event-stream body. Never throws. */
export function parseAwsEventStream(bytes: Uint8Array): StreamTrace {
  const events: StreamEvent[] = [];
  const json = new StreamJsonReader();
  const issues: StreamIssue[] = [];
  let truncated = false;
  let offset = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const addIssue = (message: string): void => {
    // `line` is the 1-based frame number for binary framings.
    if (issues.length < MAX_ISSUES)
      issues.push({ line: events.length + issues.length + 1, text: `byte ${offset}`, message });
  };

  while (offset < bytes.byteLength && events.length < MAX_FRAMES) {
    const remaining = bytes.byteLength - offset;
    if (remaining < MIN_FRAME_BYTES) {
      truncated = true;
      addIssue(`body ends inside a frame prelude (${remaining} bytes left)`);
      break;
    }
    const totalLength = view.getUint32(offset);
    if (totalLength < MIN_FRAME_BYTES || totalLength > MAX_FRAME_BYTES) {
      addIssue(`frame length ${totalLength} is not possible; rest of body ignored`);
      break;
    }
    if (totalLength > remaining) {
      truncated = true;
      addIssue(`body ends inside a frame (${remaining} of ${totalLength} bytes)`);
      break;
    }
    const frame = bytes.subarray(offset, offset + totalLength);
    try {
      const message = codec.decode(frame);
      const headerMap = message.headers as Record<string, HeaderValue>;
      const headers: Header[] = Object.keys(headerMap).map((name) => ({
        name,
        value: headerText(headerMap[name]!),
      }));
      const find = (name: string): string | null => headers.find((h) => h.name === name)?.value ?? null;
      const event: StreamEvent = {
        index: events.length,
        event: find(':event-type') ?? find(':exception-type') ?? find(':error-code'),
        id: null,
        data: utf8Decoder.decode(message.body),
        headers,
      };
      events.push(json.attach(event));
    } catch (error) {
      addIssue(`frame could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
    }
    offset += totalLength;
  }
  return { format: 'aws-eventstream', events, commentCount: 0, issues, truncated };
}

/** True when the bytes start with a plausible event-stream prelude (length and header length fit). */
export function looksLikeAwsEventStream(bytes: Uint8Array): boolean {
  if (bytes.byteLength < MIN_FRAME_BYTES) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const total = view.getUint32(0);
  const headersLength = view.getUint32(4);
  return total >= MIN_FRAME_BYTES && total <= MAX_FRAME_BYTES && headersLength <= total - MIN_FRAME_BYTES;
}

/**
 * True when the bytes start with a whole event-stream frame whose prelude and message CRC32s check
 * out: proof enough to call a body an event stream when its headers say nothing (LangChain
 * cassettes redact every header value, Content-Type included).
 */
export function startsWithAwsEventFrame(bytes: Uint8Array): boolean {
  if (!looksLikeAwsEventStream(bytes)) return false;
  const total = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (total > bytes.byteLength) return false;
  try {
    codec.decode(bytes.subarray(0, total));
    return true;
  } catch {
    return false;
  }
}

/** Encode one frame (used by tests and fixtures builders). */
export function encodeAwsEventFrame(eventType: string, payload: string, messageType = 'event'): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: messageType },
    },
    body: utf8Encoder.encode(payload),
  });
}
