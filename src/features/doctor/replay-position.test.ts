import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../../core/analyze';
import { loadCassette } from '../../core/cassette';
import { replayPositionFor } from './replay-position';

const SAMPLE = resolve(process.cwd(), 'public/samples/multi_tool_streaming_kimi-k2_together.yaml');

describe('replayPositionFor', () => {
  const analyzed = analyzeCassette(loadCassette(new Uint8Array(readFileSync(SAMPLE)), 'sample.yaml'));
  const found = analyzed.exchanges.find((exchange) => (exchange.llm.stream?.events.length ?? 0) > 3);
  /** The sample's streamed call; a sample without one fails every test here. */
  function streamedCall() {
    if (!found) throw new Error('the sample has no streamed call with more than 3 events');
    return found;
  }

  it('gives later times for later events of a recorded stream', () => {
    const streamed = streamedCall();
    const first = replayPositionFor(streamed, 0);
    const third = replayPositionFor(streamed, 3);
    expect(first).not.toBeNull();
    expect(third).not.toBeNull();
    expect(third!).toBeGreaterThanOrEqual(first!);
  });

  it('gives null for an event the stream does not have', () => {
    expect(replayPositionFor(streamedCall(), 1_000_000)).toBeNull();
  });
});
