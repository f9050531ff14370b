import { describe, expect, it } from 'vitest';
import { CassetteLoadError } from '../core/model/errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCassette } from '../core/analyze';
import { loadCassetteText } from '../core/cassette';
import type { Cassette } from '../core/model/http';
import { toCassetteOverview } from '../core/summarize-exchange';
import { runLoadJob, toLoadFailure, type LoadResponse } from './load-protocol';

const SAMPLE = join(__dirname, '../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml');
const BAD_REQUEST = join(
  __dirname,
  '../../tests/fixtures/corpus/go-vcr-v2/envoy-ai-gateway/chat-bad-request.yaml',
);

const cassette: Cassette = {
  fileName: 'a.yaml',
  format: 'go-vcr-v2',
  formatVariant: 'version 2',
  recorder: null,
  fileDecoding: [],
  exchanges: [],
  warnings: [],
};

function collect(steps: Parameters<typeof runLoadJob>[1]): { out: LoadResponse[]; kept: unknown } {
  const out: LoadResponse[] = [];
  let clock = 100;
  const kept = runLoadJob(
    { kind: 'load', jobId: 7, fileName: 'a.yaml', parseWorkers: 0, bytes: new Uint8Array([1]) },
    steps,
    (r) => out.push(r),
    () => (clock += 10),
  );
  return { out, kept };
}

describe('runLoadJob', () => {
  it('reports both stages and the overview analyzeCassette gives, and returns the exchanges to keep', () => {
    // A cassette with a finding, so the doctor's message carries one.
    const real = loadCassetteText(readFileSync(BAD_REQUEST, 'utf8'), 'a.yaml');
    const { out, kept } = collect({ loadCassette: () => real });
    // The status first, with the doctor still checking, then the doctor's findings (issue 15).
    expect(out.map((r) => r.kind)).toEqual(['progress', 'progress', 'loaded', 'doctor']);
    const [loaded, doctor] = out.slice(2);
    if (loaded?.kind !== 'loaded' || doctor?.kind !== 'doctor') throw new Error('no loaded, doctor');
    const analyzed = analyzeCassette(real);
    expect(analyzed.anomalies.length).toBeGreaterThan(0);
    expect(kept).toEqual(analyzed.exchanges);
    const { doctorChecking, ...overview } = loaded.overview;
    expect(doctorChecking).toBe(true);
    expect(overview.anomalies).toEqual([]);
    expect({ ...overview, anomalies: doctor.anomalies }).toEqual(toCassetteOverview(analyzed));
    expect(loaded.workerMs).toBe(10);
    expect(out.every((r) => r.jobId === 7)).toBe(true);
    expect(collect({ loadCassette: () => cassette }).kept).toEqual([]);
  });

  it('passes a CassetteLoadError failure through unchanged', () => {
    const failure = {
      fileName: 'a.yaml',
      message: 'Not YAML',
      line: 3,
      column: 5,
      attempts: [{ format: 'vcrpy', reason: 'no requests' }],
    };
    const { out, kept } = collect({
      loadCassette: () => {
        throw new CassetteLoadError(failure);
      },
      readInteraction: () => {
        throw new Error('not reached');
      },
    });
    expect(out.at(-1)).toEqual({ jobId: 7, kind: 'failed', failure });
    expect(kept).toBeNull();
  });

  it('turns an unexpected exception in analysis into a failure that names the stage', () => {
    const { out } = collect({
      loadCassette: () => loadCassetteText(readFileSync(SAMPLE, 'utf8'), 'a.yaml'),
      readInteraction: () => {
        throw new TypeError('x is undefined');
      },
    });
    const last = out.at(-1);
    if (last?.kind !== 'failed') throw new Error(`ended with ${last?.kind}, not failed`);
    expect(last.failure.fileName).toBe('a.yaml');
    expect(last.failure.message).toContain('reading the interactions');
    expect(last.failure.message).toContain('TypeError: x is undefined');
  });
});

describe('toLoadFailure', () => {
  it('handles thrown non-errors', () => {
    expect(toLoadFailure('boom', 'f', 'parsing').message).toContain('boom');
    expect(toLoadFailure(undefined, 'f', 'parsing').message).toContain('unknown error');
    expect(toLoadFailure({ failure: 'nope' }, 'f', 'parsing').attempts).toEqual([]);
  });
});
