import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { prepareSplitJob } from './split-job';

/** A Ruby VCR cassette of `count` interactions, with its root key after the list. */
function rubyVcr(count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `- request:\n    method: post\n    uri: https://api.example.com/v1/chat/completions\n    body:\n      string: '{"n":${i}}'\n  response:\n    status:\n      code: 200\n    body:\n      string: '{"ok":true}'\n`,
  );
  return `---\nhttp_interactions:\n${items.join('')}recorded_with: VCR 6.0.0\n`;
}

/** The file with only its first `present` bytes and its tail from `tailFrom` in place. */
function arriving(full: Uint8Array, present: number, tailFrom: number): Uint8Array {
  const bytes = new Uint8Array(full.length);
  bytes.set(full.subarray(0, present));
  bytes.set(full.subarray(tailFrom), tailFrom);
  return bytes;
}

describe('prepareSplitJob on a file still being read', () => {
  const full = new TextEncoder().encode(rubyVcr(200));
  const whole = prepareSplitJob(1, 'vcr.yml', full)!;

  it('plans from the head and the tail as from the whole file', () => {
    const tailFrom = full.length - 200;
    const job = prepareSplitJob(1, 'vcr.yml', arriving(full, 4_000, tailFrom), { present: 4_000, tailFrom })!;
    expect(job.plan).toEqual(whole.plan);
    expect(job.listEndGuess).toBe(whole.listEndGuess);
    expect(whole.listEndGuess).toBeLessThan(full.length);
    expect(job.scan.items.slice(0, job.scan.finishedCount)).toEqual(
      whole.scan.items.slice(0, job.scan.finishedCount),
    );
  });

  it('waits for the whole file when the head holds no whole interaction, or the file is compressed', () => {
    const tailFrom = full.length - 200;
    expect(prepareSplitJob(1, 'vcr.yml', arriving(full, 60, tailFrom), { present: 60, tailFrom })).toBeNull();
    const gz = gzipSync(full);
    const present = Math.floor(gz.length / 2);
    const partial = arriving(gz, present, gz.length);
    expect(prepareSplitJob(1, 'vcr.yml.gz', partial, { present, tailFrom: gz.length })).toBeNull();
    expect(prepareSplitJob(1, 'vcr.yml.gz', gz)?.plan).toEqual(whole.plan);
  });
});
