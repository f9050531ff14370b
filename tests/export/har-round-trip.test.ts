/**
 * Issue 19, acceptance: "An export to HAR, imported back into this app, gives the same
 * conversation." Every corpus cassette (every format and API the corpus holds) and the sample are
 * exported to HAR unmasked, loaded back through loadCassette + analyzeCassette like a dropped
 * file, and compared with the original: the same messages, tool calls and results with the same
 * links, the same tools, usage and finish reasons, per call and in total. Masked, the sample still
 * reads the same (it holds no secret in its bodies).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../../src/core/analyze';
import { loadCassette } from '../../src/core/cassette';
import { exportCassette } from '../../src/core/export/export-cassette';
import { conversationOf } from '../../src/core/export/conversation-of';
import { listCorpusFiles, readCorpusBytes } from '../support/corpus-fixtures';

const SAMPLE = fileURLToPath(
  new URL('../../public/samples/multi_tool_streaming_kimi-k2_together.yaml', import.meta.url),
);

function roundTrip(bytes: Uint8Array, name: string, mask: boolean) {
  const original = loadCassette(bytes, name);
  const har = exportCassette(original, { to: 'har', mask, creatorVersion: 'test' });
  const back = loadCassette(new TextEncoder().encode(har.text), `${name}.har`);
  return { original: analyzeCassette(original), back: analyzeCassette(back), back_format: back.format };
}

describe('HAR export round trip', () => {
  it('the sample, masked, reads back as the same conversation', () => {
    const { original, back, back_format } = roundTrip(
      new Uint8Array(readFileSync(SAMPLE)),
      'sample.yaml',
      true,
    );
    expect(back_format).toBe('har');
    expect(back.exchanges).toHaveLength(2);
    expect(conversationOf(back)).toEqual(conversationOf(original));
  });

  const files = listCorpusFiles();
  it.each(files)('%s reads back as the same conversation', (file) => {
    const { original, back } = roundTrip(readCorpusBytes(file), file, false);
    expect(back.exchanges.length).toBe(original.exchanges.length);
    expect(conversationOf(back)).toEqual(conversationOf(original));
  });
});
