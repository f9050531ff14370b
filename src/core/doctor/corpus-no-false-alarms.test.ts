/**
 * No false alarms (issues 7 and 16): no 2xx call in the corpus gets a warning or an error from the
 * doctor, unless it is listed in UNHEALTHY with the reason. Information (a model that stopped at
 * the cap its request set) is allowed. Real recordings are the ground truth here; a finding on one
 * of them is a doctor bug until proven otherwise.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../analyze';
import { loadCassette } from '../cassette';
import { isPendingCorpusFile } from '../../../tests/support/corpus-pending';
import { findAnomalies } from './find-anomalies';
import { isProblem } from './is-problem';

const root = new URL('../../../tests/fixtures/corpus/', import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(ya?ml|har|json|gz|zz|httprr)$/.test(name) && name !== 'facts.json' ? [path] : [];
  });
}

/**
 * Calls in the corpus that are genuinely unhealthy although their status is 2xx, with why. Keep it
 * short: an entry here is a claim about the recording, checked by eye.
 */
const UNHEALTHY: ReadonlyMap<string, string> = new Map<string, string>([]);

describe('stream doctor over the corpus', () => {
  const files = walk(root);
  it('walks the whole corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(150);
  });
  it.each(files.map((f) => [relative(root, f), f]).filter(([name]) => !isPendingCorpusFile(name!, 'doctor')))(
    '%s: no warning or error on a healthy 2xx call (information is fine)',
    (name, path) => {
      const analyzed = analyzeCassette(loadCassette(new Uint8Array(readFileSync(path)), path));
      const anomalies = findAnomalies(analyzed);
      const falseAlarms = anomalies.filter((a) => {
        const status = analyzed.exchanges[a.exchangeIndex]!.http.response?.status ?? null;
        if (status === null || status < 200 || status >= 300) return false;
        if (UNHEALTHY.has(`${name}#${a.exchangeIndex}`)) return false;
        return isProblem(a);
      });
      expect(falseAlarms).toEqual([]);
    },
  );

  it('a call that stopped at the cap its request set gets only an informational finding', () => {
    const file = join(root, 'vcrpy/dd-apm-test-agent/openai_chat_completions_post_66dfc80e.yaml');
    const analyzed = analyzeCassette(loadCassette(new Uint8Array(readFileSync(file)), file));
    expect(findAnomalies(analyzed).map((a) => [a.kind, a.severity, a.message])).toEqual([
      [
        'stopped-at-cap',
        'info',
        expect.stringMatching(
          /^stopped at max_tokens = \d+, as the request asked \(finish reason "length" in event \d+\)$/,
        ),
      ],
    ]);
  });
});
