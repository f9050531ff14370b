// Time bound for `npm run test:perf` (a quiet machine): framing a 100,000-event body.
import { describe, expect, it } from 'vitest';
import { parseSse } from './sse';

describe('parseSse speed', () => {
  it('frames 100,000 events within 5 s', () => {
    const body = 'data: {"choices":[{"index":0,"delta":{"content":"tok"}}]}\n\n'.repeat(100_000);
    const started = performance.now();
    const trace = parseSse(body);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(trace.events).toHaveLength(100_000);
  });
});
