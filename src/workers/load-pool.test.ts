import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassetteText } from '../core/cassette';
import { analyzeCassette } from '../core/analyze';
import { toCassetteOverview } from '../core/summarize-exchange';
import { withBatches, type LoadResponse } from './load-protocol';
import { runSplitLoad, type PoolWorker } from './load-pool';
import { prepareSplitJob } from '../core/load/split-job';
import type { ParseResult, ParseTask } from '../core/load/parse-task';
import type { FromParseWorker } from './parse-protocol';
import { ParseWorkerState } from './parse-worker-state';
import { inThreadParser } from './in-thread-parser';
import { searchFieldsOf } from '../core/search/exchange-search-fields';

const SAMPLE = join(__dirname, '../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml');

/** The sample's two interactions repeated, as the bench and the e2e test build large files. */
function repeated(count: number): string {
  const text = readFileSync(SAMPLE, 'utf8');
  const start = text.indexOf('\n  - id: 0');
  const second = text.indexOf('\n  - id: 1');
  const items = [text.slice(start, second), text.slice(second).replace(/\n+$/, '')];
  const parts = [text.slice(0, start)];
  for (let i = 0; i < count; i++) parts.push(items[i % 2]!.replace(/^\n {2}- id: \d+/, `\n  - id: ${i}`));
  return `${parts.join('')}\n`;
}

/**
 * A worker that runs the real parse worker's code (ParseWorkerState) and answers asynchronously,
 * parse results in a scrambled order, like a real pool can; every message is cloned as postMessage does.
 */
function fakeWorker(tamper?: (task: ParseTask) => ParseResult | null): PoolWorker {
  let delay = 0;
  const send = (data: FromParseWorker) => {
    const after = delay;
    setTimeout(() => worker.onmessage?.({ data: structuredClone(data) }), after);
  };
  const state = new ParseWorkerState(send);
  const worker: PoolWorker = {
    onmessage: null,
    onerror: null,
    terminate: () => {},
    postMessage(message) {
      delay = message.kind === 'parse' ? (message.taskId * 7) % 5 : 0;
      const tampered = message.kind === 'parse' ? tamper?.(message) : null;
      if (tampered) send(tampered);
      else state.receive(message);
    },
  };
  return worker;
}

/**
 * The `loaded` overview (status first, the doctor still checking) with the `doctor` message's
 * findings put in, as the page puts them (app/open-file.ts); the doctor must come after the status.
 */
function checked(out: LoadResponse[]) {
  const loadedAt = out.findIndex((r) => r.kind === 'loaded');
  const loaded = out[loadedAt];
  const doctor = out.at(-1);
  if (loaded?.kind !== 'loaded' || doctor?.kind !== 'doctor' || out.indexOf(doctor) < loadedAt)
    throw new Error(`expected loaded then doctor, got ${out.map((r) => r.kind).join(', ')}`);
  expect(loaded.overview.doctorChecking).toBe(true);
  expect(loaded.overview.anomalies).toEqual([]);
  const { doctorChecking: _checking, ...overview } = loaded.overview;
  return { loaded, overview: { ...overview, anomalies: doctor.anomalies } };
}

/** The overview as the page puts it together: the checked `loaded` one with every batch put back in. */
function pageOverview(out: LoadResponse[]) {
  const batches = out.flatMap((r) => (r.kind === 'batch' ? [r] : []));
  return withBatches(
    checked(out).overview,
    batches.flatMap((b) => b.summaries),
    batches.flatMap((b) => b.threadItems),
  );
}

function job(text: string) {
  return prepareSplitJob(3, 'big.yaml', new TextEncoder().encode(text))!;
}

describe('runSplitLoad', () => {
  it('gives the page the overview of what analyzeCassette gives, in file order, with progress, and keeps the exchanges', async () => {
    const text = repeated(150);
    const out: LoadResponse[] = [];
    const outcome = await runSplitLoad(
      job(text),
      () => fakeWorker(),
      3,
      (r) => out.push(r),
      () => 0,
    );
    const expected = analyzeCassette(loadCassetteText(text, 'big.yaml'));
    expect(outcome).not.toBe('fallback');
    if (outcome === 'fallback') throw new Error('fell back');
    expect(await outcome.fetch(0, 150)).toEqual(expected.exchanges);
    expect(await outcome.fetch(40, 43)).toEqual(expected.exchanges.slice(40, 43));
    // The search index's texts come from the parse workers that hold each interaction (issue 17).
    expect(await outcome.searchFields(38, 150)).toEqual(
      expected.exchanges.slice(38).map((exchange, offset) => searchFieldsOf(exchange, 38 + offset)),
    );
    const batches = out.flatMap((r) => (r.kind === 'batch' ? [r] : []));
    const summaries = batches.flatMap((b) => b.summaries);
    const items = batches.flatMap((b) => b.threadItems);
    const { loaded, overview } = checked(out);
    expect(loaded.batched).toBe(true);
    expect(overview.thread.items).toEqual([]);
    expect(withBatches(overview, summaries, items)).toEqual(toCassetteOverview(expected));
    const done = out.flatMap((r) =>
      r.kind === 'progress' && r.progress ? [r.progress.interactionsDone] : [],
    );
    expect(done.at(-1)).toBe(150);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('reads the same with no pool: one parser on the load worker thread', async () => {
    const text = repeated(90);
    const out: LoadResponse[] = [];
    const outcome = await runSplitLoad(job(text), inThreadParser, 1, (r) => out.push(r));
    expect(outcome).not.toBe('fallback');
    if (outcome === 'fallback') throw new Error('fell back');
    const expected = analyzeCassette(loadCassetteText(text, 'big.yaml'));
    expect(await outcome.fetch(0, 90)).toEqual(expected.exchanges);
    expect(await outcome.searchFields(0, 2)).toEqual(
      expected.exchanges.slice(0, 2).map((e) => searchFieldsOf(e)),
    );
    expect(out.filter((r) => r.kind === 'batch').length).toBeGreaterThan(1);
    expect(pageOverview(out)).toEqual(toCassetteOverview(expected));
  });

  it('transfers a parse worker its own copy of each run, and lets a parser on this thread read in place', async () => {
    const split = job(repeated(90));
    const fileBuffer = split.bytes.buffer;
    const posted: Array<{ bytes: Uint8Array; transfer: Transferable[] }> = [];
    const recording = (make: () => PoolWorker) => () => {
      const member = make();
      const post = member.postMessage.bind(member);
      member.postMessage = (message, transfer = []) => {
        if (message.kind === 'parse') posted.push({ bytes: message.bytes, transfer });
        post(message, transfer);
      };
      return member;
    };
    await runSplitLoad(
      split,
      recording(() => fakeWorker()),
      2,
      () => {},
    );
    expect(posted.length).toBeGreaterThan(1);
    for (const { bytes, transfer } of posted) {
      expect(bytes.buffer).not.toBe(fileBuffer);
      expect(transfer).toEqual([bytes.buffer]);
    }
    posted.length = 0;
    const inPlace = job(repeated(90));
    await runSplitLoad(inPlace, recording(inThreadParser), 1, () => {});
    expect(posted.length).toBeGreaterThan(1);
    for (const { bytes, transfer } of posted) {
      expect(bytes.buffer).toBe(inPlace.bytes.buffer);
      expect(transfer).toEqual([]);
    }
  });

  it('falls back when a worker cannot read a piece', async () => {
    const out: LoadResponse[] = [];
    const outcome = await runSplitLoad(
      job(repeated(60)),
      () => fakeWorker((task) => (task.taskId === 1 ? { taskId: 1, kind: 'fallback' } : null)),
      2,
      (r) => out.push(r),
    );
    expect(outcome).toBe('fallback');
    expect(out.some((r) => r.kind === 'loaded')).toBe(false);
  });

  it('sends the first runs before the scan has seen the whole list, and checks its guess of the end', async () => {
    const text = `${repeated(120)}recorded_with: VCR 6.0.0\n`;
    const prepared = job(text);
    // Only the first interaction is known when the load starts.
    expect(prepared.scan.finishedCount).toBeLessThan(10);
    const sentBeforeScanEnd: number[] = [];
    const outcome = await runSplitLoad(
      prepared,
      () => {
        const worker = fakeWorker();
        const post = worker.postMessage.bind(worker);
        worker.postMessage = (message) => {
          if (message.kind === 'parse' && prepared.scan.listEnd === prepared.bytes.length)
            sentBeforeScanEnd.push(message.taskId);
          post(message);
        };
        return worker;
      },
      2,
      () => {},
      () => 0,
    );
    expect(outcome).not.toBe('fallback');
    expect(sentBeforeScanEnd).toContain(0);
    // A list that turns out not to be splittable after the first runs went out reads the file whole.
    const tabbed = job(`${repeated(60).replace(/\n {2}- id: 50\n/, '\n\t- id: 50\n')}`);
    expect(tabbed.scan.finishedCount).toBeLessThan(50);
    expect(
      await runSplitLoad(
        tabbed,
        () => fakeWorker(),
        2,
        () => {},
      ),
    ).toBe('fallback');
    // A wrong guess of where the list ends (here: a tail with nested lines) reads the file whole.
    const nested = job(`${repeated(40)}meta:\n  nested: 1\n`);
    expect(
      await runSplitLoad(
        nested,
        () => fakeWorker(),
        2,
        () => {},
      ),
    ).toBe('fallback');
  });
});
