/**
 * No false alarms: every 200 response in the corpus that ends with its terminal event (and every
 * non-streamed 200 response) produces no anomaly at all. Real recordings are the ground truth
 * here; a finding on one of them is a doctor bug until proven otherwise.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../analyze';
import { loadCassette } from '../cassette';
import { isPendingCorpusFile } from '../../../tests/support/corpus-pending';
import { findAnomalies } from './find-anomalies';
import { hasTerminalEvent } from './terminal-event';

const root = new URL('../../../tests/fixtures/corpus/', import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(ya?ml|har|json|gz|zz|httprr)$/.test(name) && name !== 'facts.json' ? [path] : [];
  });
}

describe('stream doctor over the corpus', () => {
  const files = walk(root);
  it('walks the whole corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(150);
  });
  it.each(files.map((f) => [relative(root, f), f]).filter(([name]) => !isPendingCorpusFile(name!, 'doctor')))(
    '%s: no anomaly on a complete 200 response',
    (_name, path) => {
      const analyzed = analyzeCassette(loadCassette(new Uint8Array(readFileSync(path)), path));
      const anomalies = findAnomalies(analyzed);
      const falseAlarms = anomalies.filter((a) => {
        const { http, llm } = analyzed.exchanges[a.exchangeIndex]!;
        if (http.response?.status !== 200) return false;
        // A recorded early stop (a test that sets max_tokens low on purpose) is a true finding, not a
        // false alarm, as long as the provider really wrote that reason in the body.
        const reason = llm.response?.finishReason?.replace(/^incomplete:/, '');
        if (a.kind === 'stopped-early' && reason && (http.response.body?.text ?? '').includes(reason))
          return false;
        return llm.stream === null || hasTerminalEvent(llm);
      });
      expect(falseAlarms).toEqual([]);
    },
  );
});
