import { describe, expect, it } from 'vitest';
import { encodeAwsEventFrame, looksLikeAwsEventStream, parseAwsEventStream } from './aws-event-stream';

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

describe('parseAwsEventStream', () => {
  const frames = [
    encodeAwsEventFrame('messageStart', '{"role":"assistant"}'),
    encodeAwsEventFrame('contentBlockDelta', '{"delta":{"text":"Hé"},"contentBlockIndex":0}'),
    encodeAwsEventFrame('messageStop', '{"stopReason":"end_turn"}'),
  ];

  it('decodes each frame with its headers, event type and JSON payload', () => {
    const trace = parseAwsEventStream(concat(frames));
    expect(trace.format).toBe('aws-eventstream');
    expect(trace.events.map((e) => e.event)).toEqual(['messageStart', 'contentBlockDelta', 'messageStop']);
    expect(trace.events[1]?.json).toEqual({ delta: { text: 'Hé' }, contentBlockIndex: 0 });
    expect(trace.events[0]?.headers).toContainEqual({ name: ':message-type', value: 'event' });
    expect(trace.truncated).toBe(false);
    expect(trace.issues).toEqual([]);
  });

  it('reports a body cut inside a frame as truncated and keeps the whole frames', () => {
    const body = concat(frames);
    const trace = parseAwsEventStream(body.subarray(0, body.length - 5));
    expect(trace.events).toHaveLength(2);
    expect(trace.truncated).toBe(true);
  });

  it('reports a frame whose CRC does not match and continues with the next', () => {
    const body = concat(frames);
    const corrupted = body.slice();
    const at = frames[0]!.length + 20; // inside frame 1's headers
    corrupted[at] = corrupted[at]! ^ 0xff;
    const trace = parseAwsEventStream(corrupted);
    expect(trace.events.map((e) => e.event)).toEqual(['messageStart', 'messageStop']);
    expect(trace.issues).toHaveLength(1);
  });

  it('never throws on garbage', () => {
    const garbage = new Uint8Array(64).map((_, i) => (i * 37) & 0xff);
    expect(() => parseAwsEventStream(garbage)).not.toThrow();
    expect(looksLikeAwsEventStream(new TextEncoder().encode('{"a":1}'))).toBe(false);
    expect(looksLikeAwsEventStream(concat(frames))).toBe(true);
  });
});
