import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../core/cassette';
import { analyzeCassette } from '../core/analyze';
import { CORPUS_DIR, listCorpusFiles } from '../../tests/support/corpus-fixtures';
import { isPendingCorpusFile } from '../../tests/support/corpus-pending';
import { asRead, holdCompact } from './held-exchange';

function analyzed(path: string) {
  return analyzeCassette(loadCassette(new Uint8Array(readFileSync(join(CORPUS_DIR, path))), path)).exchanges;
}

describe('held exchanges', () => {
  it('answer every corpus exchange exactly as it was read, while the kept copy has no parsed events', () => {
    let events = 0;
    let parsedKept = 0;
    /** Events of what is kept that still hold parsed JSON (counted, not asserted one by one: issue 15). */
    const parsed = (kept: ReturnType<typeof analyzed>) =>
      kept.reduce((n, e) => n + (e.llm.stream?.events ?? []).filter((ev) => ev.json !== undefined).length, 0);
    for (const path of listCorpusFiles().filter((file) => !isPendingCorpusFile(file))) {
      const read = analyzed(path);
      // A second read, not structuredClone: a clone loses the null prototypes toStrictEqual compares.
      const kept = analyzed(path).map(holdCompact);
      events += kept.reduce((n, e) => n + (e.llm.stream?.events.length ?? 0), 0);
      parsedKept += parsed(kept);
      // toStrictEqual: the same properties, also where one is undefined or missing.
      expect(kept.map(asRead), path).toStrictEqual(read);
      // Answering does not put the parsed JSON back into what is kept.
      parsedKept += parsed(kept);
    }
    expect(parsedKept).toBe(0);
    expect(events).toBeGreaterThan(4_000);
  });

  it('keeps a non-JSON event and its reason as they were', () => {
    const text = [
      'interactions:',
      '- request: {method: POST, uri: "https://api.openai.com/v1/chat/completions", body: "{}", headers: {}}',
      '  response:',
      '    status: {code: 200, message: OK}',
      '    headers: {Content-Type: [text/event-stream]}',
      '    body: {string: "data: {oops\\n\\ndata: {\\"id\\":\\"x\\"}\\n\\ndata: [DONE]\\n\\n"}',
      '',
    ].join('\n');
    const read = () =>
      analyzeCassette(loadCassette(new TextEncoder().encode(text), 'bad.yaml')).exchanges[0]!;
    const kept = holdCompact(read());
    const [broken, chunk, done] = kept.llm.stream!.events;
    expect(broken!.jsonError).toBeDefined();
    expect(chunk!.json).toBeUndefined();
    expect('json' in done!).toBe(false);
    expect(asRead(kept)).toStrictEqual(read());
    expect(asRead(kept).llm.stream!.events[1]!.json).toEqual({ id: 'x' });
  });
});
