/**
 * Body framing: SSE (WHATWG), AWS event-stream, streamed JSON array and NDJSON. Knows no provider;
 * adapters read the events. See docs/architecture.md.
 */
export { frameStream } from './frame-stream';
export { parseSse, parseSseChunks, looksLikeSse, SseFramer, SSE_LIMITS } from './sse';
export { parseAwsEventStream, looksLikeAwsEventStream, encodeAwsEventFrame } from './aws-event-stream';
export { parseJsonArrayStream, parseNdjson, looksLikeNdjson } from './json-lines';
export { attachJson, isDoneEvent, DONE_SENTINEL } from './event-json';
