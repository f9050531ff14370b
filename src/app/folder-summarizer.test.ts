import { describe, expect, it } from 'vitest';
import { loadCassette } from '../core/cassette';
import { readBatch } from '../cli/local-batch';
import {
  runBatchJob,
  runSummaryJob,
  type SummaryJob,
  type SummaryResponse,
} from '../workers/folder-summary-protocol';
import type { FolderEntry } from './folder-source';
import { FolderSummarizer, type SummaryResult, type SummaryWorkerPort } from './folder-summarizer';

const GO_VCR = `---
version: 2
interactions:
- request:
    url: https://api.openai.com/v1/chat/completions
    method: POST
    body: '{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}'
  response:
    code: 200
    body: '{"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2}}'
`;

interface Made {
  count: number;
  terminated: number;
  /** How each file was sent: its bytes, or a source the worker reads itself. */
  jobs: string[];
}

/** Runs the real job in-process; `die` makes the worker crash on a path, as an out-of-memory would. */
function fakeWorker(die: (path: string) => boolean, made: Made): SummaryWorkerPort {
  made.count += 1;
  const port: SummaryWorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage(message: SummaryJob) {
      const reply = (response: SummaryResponse) =>
        port.onmessage?.({ data: response } as MessageEvent<SummaryResponse>);
      if ('parts' in message) {
        made.jobs.push(`batch ${message.url}`);
        setTimeout(() => void runBatchJob(message, loadCassette, reply, serveBatch), 0);
        return;
      }
      made.jobs.push('source' in message ? 'source' : 'bytes');
      setTimeout(() => {
        if (die(message.path)) {
          port.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
          return;
        }
        void runSummaryJob(message, loadCassette).then(reply);
      }, 0);
    },
    terminate() {
      made.terminated += 1;
    },
  };
  return port;
}

/** A server of batches (src/cli/local-batch.ts) over SERVED: file N is SERVED[N], a string or a refusal. */
const SERVED: Array<string | Error> = [];
const serveBatch: typeof fetch = async (input) => {
  const [from, to] = String(input).split('/').pop()!.split('-').map(Number) as [number, number];
  const body = await readBatch(
    { from, to },
    (n) => {
      const file = SERVED[n]!;
      return file instanceof Error ? Promise.reject(file) : Promise.resolve(new TextEncoder().encode(file));
    },
    (n) => `f${n}.yaml`,
  );
  return new Response(body as Uint8Array<ArrayBuffer>);
};

function entry(path: string, text: string | Error): FolderEntry {
  return {
    path,
    size: 1,
    read: () =>
      text instanceof Error ? Promise.reject(text) : Promise.resolve(new TextEncoder().encode(text)),
  };
}

function runAll(summarizer: FolderSummarizer, entries: FolderEntry[]): Promise<Map<number, SummaryResult>> {
  const results = new Map<number, SummaryResult>();
  return new Promise((resolve) => {
    summarizer.run(
      entries,
      (index, result) => {
        expect(results.has(index)).toBe(false);
        results.set(index, result);
      },
      () => resolve(results),
    );
  });
}

describe('FolderSummarizer', () => {
  it('reads every file once across its workers and reports each failure with its reason', async () => {
    const made: Made = { count: 0, terminated: 0, jobs: [] };
    const summarizer = new FolderSummarizer(() => fakeWorker(() => false, made), 2);
    const entries = [
      ...Array.from({ length: 9 }, (_, i) => entry(`ok-${i}.yaml`, GO_VCR)),
      entry('broken.yaml', 'interactions: [unclosed'),
      entry('gone.yaml', new Error('the file vanished')),
    ];
    const results = await runAll(summarizer, entries);
    expect(results.size).toBe(11);
    expect(made.count).toBe(2);
    expect(made.terminated).toBe(2);
    for (let i = 0; i < 9; i++)
      expect(results.get(i)).toMatchObject({
        ok: true,
        facts: { interactions: 1, tokens: 5, models: ['gpt-4o'] },
      });
    expect(results.get(9)).toMatchObject({ ok: false, failure: { fileName: 'broken.yaml' } });
    expect(results.get(10)).toMatchObject({
      ok: false,
      failure: { message: 'Could not read the file: the file vanished' },
    });
  });

  it('leaves a file with a source to the worker, which reads it', async () => {
    const made: Made = { count: 0, terminated: 0, jobs: [] };
    const summarizer = new FolderSummarizer(() => fakeWorker(() => false, made), 1);
    const read = () => Promise.reject(new Error('read on the page'));
    const entries: FolderEntry[] = [
      { path: 'a.yaml', size: 1, read, source: new Blob([GO_VCR]) },
      entry('b.yaml', GO_VCR),
    ];
    const results = await runAll(summarizer, entries);
    expect(made.jobs).toEqual(['source', 'bytes']);
    expect(results.get(0)).toMatchObject({ ok: true, facts: { interactions: 1, tokens: 5 } });
    expect(results.get(1)).toMatchObject({ ok: true, facts: { interactions: 1, tokens: 5 } });
  });

  it('asks for runs of consecutive served files at once, small ones first, and splits the answer', async () => {
    const made: Made = { count: 0, terminated: 0, jobs: [] };
    const summarizer = new FolderSummarizer(() => fakeWorker(() => false, made), 2);
    SERVED.length = 0;
    for (let n = 0; n < 60; n++) SERVED.push(n === 7 ? new Error('not a regular file') : GO_VCR);
    SERVED[9] = 'interactions: [unclosed';
    // File 30 is not in the folder's list (not a cassette by name): the runs break around it.
    const entries = SERVED.flatMap((_, n): FolderEntry[] =>
      n === 30
        ? []
        : [
            {
              path: `f${n}.yaml`,
              size: 100,
              read: () => Promise.reject(new Error('read on the page')),
              source: { batch: '/local/t/files/', index: n },
            },
          ],
    );
    const results = await runAll(summarizer, entries);
    expect(results.size).toBe(59);
    expect(made.jobs[0]).toBe('batch /local/t/files/0-4');
    expect(made.jobs.every((job) => job.startsWith('batch '))).toBe(true);
    expect(made.jobs.some((job) => job.endsWith('-30'))).toBe(true);
    expect(made.jobs.length).toBeLessThan(20);
    expect(results.get(7)).toMatchObject({
      ok: false,
      failure: {
        fileName: 'f7.yaml',
        message: 'Could not read the file: Cannot read f7.yaml: not a regular file',
      },
    });
    expect(results.get(9)).toMatchObject({ ok: false, failure: { fileName: 'f9.yaml' } });
    const ok = [...results].filter(([index]) => index !== 7 && index !== 9);
    expect(ok.every(([, result]) => result.ok && result.facts.tokens === 5)).toBe(true);
  });

  it('fails only the files a dead worker held, and a new worker reads the rest', async () => {
    const made: Made = { count: 0, terminated: 0, jobs: [] };
    const summarizer = new FolderSummarizer(() => fakeWorker((path) => path === 'huge.yaml', made), 1);
    const entries = [
      entry('a.yaml', GO_VCR),
      entry('huge.yaml', GO_VCR),
      entry('b.yaml', GO_VCR),
      entry('c.yaml', GO_VCR),
    ];
    const results = await runAll(summarizer, entries);
    expect(results.get(1)).toMatchObject({ ok: false, failure: { fileName: 'huge.yaml' } });
    const failure = results.get(1);
    if (failure && !failure.ok) expect(failure.failure.message).toContain('out of memory');
    expect([0, 2, 3].map((index) => results.get(index)?.ok)).toEqual([true, true, true]);
    expect(made.count).toBeGreaterThan(1);
  });

  it('reports nothing after cancel', async () => {
    const made: Made = { count: 0, terminated: 0, jobs: [] };
    const summarizer = new FolderSummarizer(() => fakeWorker(() => false, made), 2);
    let reported = 0;
    const run = summarizer.run([entry('a.yaml', GO_VCR), entry('b.yaml', GO_VCR)], () => (reported += 1));
    run.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reported).toBe(0);
    expect(made.terminated).toBe(2);
  });
});
