import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../core/cassette';
import { analyzeCassette } from '../core/analyze';
import { CORPUS_DIR, listCorpusFiles } from '../../tests/support/corpus-fixtures';
import { readSource, runSummaryJob, summarizeFile } from './folder-summary-protocol';

const bytesOf = (path: string) => new Uint8Array(readFileSync(join(CORPUS_DIR, path)));

describe('summarizeFile', () => {
  it('gives each corpus file the same counts as its full analysis', () => {
    // One file per format folder: the row is built from the overview every load builds.
    const seen = new Set<string>();
    for (const path of listCorpusFiles()) {
      const folder = path.split('/')[0]!;
      if (seen.has(folder)) continue;
      seen.add(folder);
      const response = summarizeFile({ id: 1, path, bytes: bytesOf(path) }, loadCassette);
      expect(response.ok, path).toBe(true);
      if (!response.ok) continue;
      const analyzed = analyzeCassette(loadCassette(bytesOf(path), path));
      expect(response.facts.interactions, path).toBe(analyzed.exchanges.length);
      expect(response.facts.format, path).toBe(analyzed.cassette.format);
      const errors = analyzed.anomalies.filter((anomaly) => anomaly.severity === 'error').length;
      expect(response.facts.errors, path).toBe(errors);
      const models = new Set(
        analyzed.exchanges.flatMap(({ llm }) => llm.response?.model ?? llm.request?.model ?? []),
      );
      expect(response.facts.models, path).toEqual([...models]);
      expect(response.facts.apis, path).toEqual([
        ...new Set(analyzed.exchanges.map(({ llm }) => llm.apiLabel)),
      ]);
    }
    expect(seen.size).toBeGreaterThan(8);
  });

  it('names the file and the reason when it is not a cassette', () => {
    const response = summarizeFile(
      { id: 7, path: 'notes/broken.yaml', bytes: new TextEncoder().encode('just: [unclosed') },
      loadCassette,
    );
    expect(response).toMatchObject({ id: 7, ok: false, failure: { fileName: 'notes/broken.yaml' } });
    if (!response.ok) expect(response.failure.message.length).toBeGreaterThan(10);
  });

  it('turns an unexpected error into a failure instead of throwing', () => {
    const response = summarizeFile({ id: 2, path: 'x.yaml', bytes: new Uint8Array() }, () => {
      throw new TypeError('boom');
    });
    expect(response).toMatchObject({ ok: false, failure: { fileName: 'x.yaml' } });
    if (!response.ok) expect(response.failure.message).toContain('boom');
  });
});

describe('runSummaryJob', () => {
  it('reads a Blob source and summarizes it as the bytes would be', async () => {
    const path = listCorpusFiles()[0]!;
    const bytes = bytesOf(path);
    const fromBlob = await runSummaryJob({ id: 3, path, source: new Blob([bytes]) }, loadCassette);
    expect(fromBlob).toEqual(summarizeFile({ id: 3, path, bytes: bytesOf(path) }, loadCassette));
  });

  it("lists a file the server refuses with the server's reason", async () => {
    const refuse: typeof fetch = () =>
      Promise.resolve(new Response('Cannot read a.yaml: not a regular file\n', { status: 410 }));
    const response = await runSummaryJob(
      { id: 4, path: 'a.yaml', source: '/local/t/file/0' },
      loadCassette,
      refuse,
    );
    expect(response).toEqual({
      id: 4,
      ok: false,
      failure: {
        fileName: 'a.yaml',
        message:
          'Could not read the file: the cassette-viewer server answered HTTP 410: Cannot read a.yaml: not a regular file',
        attempts: [],
      },
    });
  });

  it('says the server stopped when the fetch itself fails', async () => {
    const down: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(readSource('/local/t/file/0', down)).rejects.toThrow(/not answering/);
  });
});
